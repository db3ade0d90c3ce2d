package org.fastdfs.storage.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fastdfs.storage.StorageTestClient.read;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.cluster.StorageStatus;
import org.fastdfs.proto.cluster.SyncReqBody;
import org.fastdfs.proto.sync.SyncCopyFileRequest;
import org.fastdfs.proto.sync.SyncDeleteFileRequest;
import org.fastdfs.proto.sync.SyncRangeRequest;
import org.fastdfs.storage.StorageTestClient;
import org.fastdfs.storage.binlog.BinlogOp;
import org.fastdfs.storage.binlog.BinlogPosition;
import org.fastdfs.storage.binlog.BinlogRecord;
import org.fastdfs.storage.binlog.BinlogWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PeerSync against a scripted peer on a real loopback socket: which records travel together, in what
 * order, and where the mark ends after a refusal.
 */
@Timeout(60)
class PeerSyncTest {

    @TempDir
    Path dir;

    private ServerSocket server;
    private BinlogWriter binlog;
    private PeerSync sync;
    private Thread thread;

    @BeforeEach
    void setUp() throws IOException {
        server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        binlog = new BinlogWriter(Files.createDirectories(dir.resolve("sync")), BinlogWriter.DEFAULT_MAX_FILE_SIZE);
        Files.createDirectories(dir.resolve("data"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (sync != null) {
            sync.stop();
            thread.join(10_000);
        }
        server.close();
        binlog.close();
    }

    /** One request as the peer saw it: the command and the file it names. */
    record Seen(Command command, String filename) {
    }

    private Seen next(DataInputStream in) throws IOException {
        StorageTestClient.Response r = read(in);
        Command c = Command.of(r.header().command());
        ByteBuffer body = ByteBuffer.wrap(r.body());
        String name = switch (c) {
            case SYNC_CREATE_FILE -> SyncCopyFileRequest.decode(c, body, r.body().length, 0).filename();
            case SYNC_DELETE_FILE -> SyncDeleteFileRequest.decode(body).filename();
            case SYNC_APPEND_FILE -> SyncRangeRequest.decode(c, body, r.body().length).filename();
            default -> throw new AssertionError("unexpected " + c);
        };
        return new Seen(c, name);
    }

    private static void answer(OutputStream out, Status... statuses) throws IOException {
        for (Status st : statuses) {
            byte[] h = new byte[Header.SIZE];
            h[8] = 100; // STORAGE_PROTO_CMD_RESP
            h[9] = (byte) st.code();
            out.write(h);
        }
        out.flush();
    }

    /** Accepts the next connection and answers its REPORT_SERVER_ID. */
    private Socket accept() throws IOException {
        Socket s = server.accept();
        StorageTestClient.Response hello = read(new DataInputStream(s.getInputStream()));
        assertThat(hello.header().command()).isEqualTo(Command.REPORT_SERVER_ID.code());
        answer(s.getOutputStream(), Status.OK);
        return s;
    }

    /** Fails when anything more arrives within a short while: the sender must be waiting for answers. */
    private static void assertQuiet(Socket s) throws IOException {
        s.setSoTimeout(300);
        try {
            int b = s.getInputStream().read();
            throw new AssertionError("unexpected byte " + b + " while the sender should wait");
        } catch (SocketTimeoutException expected) {
            // nothing sent: as it should be
        } finally {
            s.setSoTimeout(0);
        }
    }

    private String create(String name) throws IOException {
        Files.writeString(dir.resolve("data").resolve(name), "content of " + name);
        binlog.append(BinlogRecord.source(1_700_000_000L, BinlogOp.CREATE, "M00/00/00/" + name, ""));
        return "M00/00/00/" + name;
    }

    private void start(int window) {
        sync = new PeerSync(new Context(window), "127.0.0.5", "127.0.0.1", server.getLocalPort());
        thread = Thread.ofPlatform().daemon().name("peer-sync-test").start(sync);
    }

    private void awaitMarkAtEnd() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        BinlogPosition end = new BinlogPosition((int) binlog.position()[0], binlog.position()[1]);
        while (sync.mark() == null || !sync.mark().position().equals(end)) {
            assertThat(System.nanoTime()).as("mark reaches the end of the binlog").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void createsAndDeletesTravelUpToTheWindowBeforeTheFirstAnswer() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            names.add(create("f" + i));
        }
        binlog.append(BinlogRecord.source(1_700_000_001L, BinlogOp.DELETE, "M00/00/00/gone", ""));
        start(4);
        try (Socket s = accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            List<Seen> first = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                first.add(next(in)); // all four arrive with none answered
            }
            assertThat(first).extracting(Seen::filename).containsExactlyElementsOf(names.subList(0, 4));
            assertQuiet(s); // the fifth waits for a slot in the window
            answer(s.getOutputStream(), Status.OK);
            assertThat(next(in)).isEqualTo(new Seen(Command.SYNC_CREATE_FILE, names.get(4)));
            answer(s.getOutputStream(), Status.EEXIST, Status.OK); // EEXIST: the peer has it already
            assertThat(next(in)).isEqualTo(new Seen(Command.SYNC_DELETE_FILE, "M00/00/00/gone"));
            answer(s.getOutputStream(), Status.OK, Status.OK, Status.ENOENT); // ENOENT: gone there too
            awaitMarkAtEnd();
            assertThat(sync.lastError()).isEmpty();
        }
    }

    @Test
    void anAppendWaitsUntilEveryCreateBeforeItIsAnswered() throws Exception {
        String a = create("a");
        String b = create("b");
        binlog.append(BinlogRecord.source(1_700_000_002L, BinlogOp.APPEND, a, "0 5"));
        start(8);
        try (Socket s = accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            assertThat(List.of(next(in), next(in))).extracting(Seen::filename).containsExactly(a, b);
            assertQuiet(s);
            answer(s.getOutputStream(), Status.OK, Status.OK);
            assertThat(next(in)).isEqualTo(new Seen(Command.SYNC_APPEND_FILE, a));
            answer(s.getOutputStream(), Status.OK);
            awaitMarkAtEnd();
        }
    }

    @Test
    void aRefusalResendsFromTheRefusedRecordAndSkipsNothing() throws Exception {
        List<String> names = List.of(create("r0"), create("r1"), create("r2"), create("r3"));
        start(8);
        try (Socket s = accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            List<Seen> sent = List.of(next(in), next(in), next(in), next(in));
            assertThat(sent).extracting(Seen::filename).containsExactlyElementsOf(names);
            answer(s.getOutputStream(), Status.OK, Status.ENOSPC, Status.OK, Status.OK);
        }
        try (Socket s = accept()) { // reconnected after a pause, from the mark: just past r0
            DataInputStream in = new DataInputStream(s.getInputStream());
            List<Seen> again = List.of(next(in), next(in), next(in));
            assertThat(again).extracting(Seen::filename).containsExactlyElementsOf(names.subList(1, 4));
            answer(s.getOutputStream(), Status.OK, Status.EEXIST, Status.EEXIST);
            awaitMarkAtEnd();
            assertThat(sync.mark().syncRowCount()).isEqualTo(4);
        }
    }

    @Test
    void aWindowOfOneSendsEveryRecordAlone() throws Exception {
        String a = create("one");
        String b = create("two");
        start(1);
        try (Socket s = accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            assertThat(next(in).filename()).isEqualTo(a);
            assertQuiet(s);
            answer(s.getOutputStream(), Status.OK);
            assertThat(next(in).filename()).isEqualTo(b);
            answer(s.getOutputStream(), Status.OK);
            awaitMarkAtEnd();
        }
    }

    /** A group of two: the peer is always ACTIVE, with no old data to copy. */
    private final class Context implements SyncContext {
        private final int window;

        Context(int window) {
            this.window = window;
        }

        @Override
        public String groupName() {
            return "group1";
        }

        @Override
        public String myId() {
            return "127.0.0.9";
        }

        @Override
        public int myPort() {
            return 23000;
        }

        @Override
        public String bindAddr() {
            return "";
        }

        @Override
        public BinlogWriter binlog() {
            return binlog;
        }

        @Override
        public Path syncDir() {
            return binlog.directory();
        }

        @Override
        public Path localPath(String remoteFilename) {
            return dir.resolve("data").resolve(remoteFilename.substring("M00/00/00/".length()));
        }

        @Override
        public int connectTimeoutMs() {
            return 2_000;
        }

        @Override
        public int networkTimeoutMs() {
            return (int) Duration.ofSeconds(30).toMillis();
        }

        @Override
        public long idleWaitMs() {
            return 20;
        }

        @Override
        public int syncWindow() {
            return window;
        }

        @Override
        public StorageStatus peerStatus(String peerId) {
            return StorageStatus.ACTIVE;
        }

        @Override
        public SyncReqBody copySourceOf(String peerId) {
            return null;
        }

        @Override
        public void reportPeerStatus(String peerId, String peerIp, int peerPort, StorageStatus status) {
            throw new AssertionError("no old data to copy, nothing to report");
        }
    }
}
