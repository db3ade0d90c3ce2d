package org.fastdfs.storage.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fastdfs.storage.StorageTestClient.read;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.sync.SyncCopyFileRequest;
import org.fastdfs.proto.sync.SyncDeleteFileRequest;
import org.fastdfs.storage.StorageTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SyncSender against a scripted peer on a real loopback socket. */
class SyncSenderTest {

    @TempDir
    Path dir;

    private ServerSocket server;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    private static void answer(OutputStream out, int status) throws IOException {
        byte[] h = new byte[Header.SIZE];
        h[8] = 100; // STORAGE_PROTO_CMD_RESP
        h[9] = (byte) status;
        out.write(h);
        out.flush();
    }

    /** Accepts one connection, answers REPORT_SERVER_ID, then hands the rest to {@code script}. */
    private CompletableFuture<Void> peer(Script script) {
        return CompletableFuture.runAsync(() -> {
            try (Socket s = server.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                assertThat(read(in).header().command()).isEqualTo(Command.REPORT_SERVER_ID.code());
                answer(out, 0);
                script.run(in, out);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }

    @FunctionalInterface
    interface Script {
        void run(DataInputStream in, OutputStream out) throws IOException;
    }

    private SyncSender connect(int networkTimeoutMs) throws IOException {
        return SyncSender.connect("127.0.0.1", server.getLocalPort(), null, "127.0.0.9", 2_000, networkTimeoutMs);
    }

    private Path file(int size) throws IOException {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        return Files.write(dir.resolve("f" + size), content);
    }

    private void copiesWhole(int size) throws Exception {
        Path f = file(size);
        byte[] content = Files.readAllBytes(f);
        CompletableFuture<Void> peer = peer((in, out) -> {
            StorageTestClient.Response r = read(in);
            assertThat(r.header().command()).isEqualTo(Command.SYNC_CREATE_FILE.code());
            byte[] tail = Arrays.copyOfRange(r.body(), r.body().length - size, r.body().length);
            assertThat(tail).isEqualTo(content);
            answer(out, 0);
        });
        try (SyncSender s = connect(5_000); FileChannel fc = FileChannel.open(f, StandardOpenOption.READ)) {
            int status = s.call(new SyncCopyFileRequest(Command.SYNC_CREATE_FILE, false, 1, "group1",
                    "M00/00/00/x.bin", size), fc, 0, size);
            assertThat(status).isZero();
        }
        peer.get();
    }

    @Test
    void aSmallFileTravelsWithItsRequest() throws Exception {
        copiesWhole(4096);
    }

    @Test
    void aLargeFileIsSentInPieces() throws Exception {
        copiesWhole(9 << 20); // more than two pieces
    }

    @Test
    void aStatusFromThePeerIsReturned() throws Exception {
        CompletableFuture<Void> peer = peer((in, out) -> {
            read(in);
            answer(out, 2);
        });
        try (SyncSender s = connect(5_000)) {
            assertThat(s.call(new SyncDeleteFileRequest(1, "group1", "M00/00/00/x.bin"), null, 0, 0)).isEqualTo(2);
        }
        peer.get();
    }

    @Test
    void aPeerThatNeverAnswersTimesOut() throws Exception {
        CompletableFuture<Void> peer = peer((in, out) -> {
            read(in);
            try {
                in.read(); // until the sender gives up and closes
            } catch (IOException closed) {
                // expected
            }
        });
        try (SyncSender s = connect(300)) {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                    assertThatThrownBy(() -> s.call(new SyncDeleteFileRequest(1, "group1", "M00/00/00/x.bin"),
                            null, 0, 0))
                            .isInstanceOf(SocketTimeoutException.class)
                            .hasMessageContaining("no answer within 300 ms"));
        }
        peer.get();
    }
}
