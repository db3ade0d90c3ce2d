package org.fastdfs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fastdfs.client.ClientConfig;
import org.fastdfs.client.Content;
import org.fastdfs.client.FdfsClient;
import org.fastdfs.client.FileRef;
import org.fastdfs.client.UploadOptions;
import org.fastdfs.fileid.ExtPart;
import org.fastdfs.fileid.FileId;
import org.fastdfs.fileid.FileIdBlock;
import org.fastdfs.fileid.FileSource;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Malformed and hostile requests over raw sockets (PROTOCOL.md §1.4, §3): each gets its status
 * with an empty body, EINVAL closes the storage connection, nothing is written outside the store
 * path, and both servers keep serving other connections (checked after every test on a connection
 * opened before the first one, and with a fresh client).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadInputTest {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension(() -> MiniCluster.builder("bad-input"));

    static final WireProfile P = WireProfile.CLASSIC;
    static final int EINVAL = Status.EINVAL.code();
    static final int ENOENT = Status.ENOENT.code();
    /** A file name that, resolved as a path, lands on the canaries outside the store path. */
    static final String CANARY = "canary_for_path_traversal_tests";

    static FdfsClient client;
    static RawConnection storageWitness;
    static RawConnection trackerWitness;
    static FileRef normal;
    static byte[] normalData;
    static FileRef appender;
    static String missing;
    static Set<String> outsideBefore;

    @BeforeAll
    static void setUp() throws IOException {
        MiniCluster c = CLUSTER.get();
        client = new FdfsClient(ClientConfig.builder().trackers(c.trackerAddress()).profile(P)
                .networkTimeout(Duration.ofSeconds(10)).build());
        storageWitness = new RawConnection(c.storage(1), P);
        trackerWitness = new RawConnection(c.tracker(), P);

        // canaries where "M00/00/00/../../../NAME" and ".../../../../NAME" would land
        Files.writeString(c.storage(1).baseDir().resolve(CANARY), "canary");
        Files.writeString(c.workDir().resolve(CANARY), "canary");

        normalData = Payloads.random(1000, 31);
        normal = client.upload(normalData, "txt");
        appender = client.upload(Content.of(Payloads.ascii("appender")), UploadOptions.DEFAULT.extension("log").appender(true));
        FileIdBlock block = FileIdBlock.normal(FileSource.Ipv4.parse("127.0.0.2"), 1_700_000_000L, 45, 0x1234, 7);
        missing = FileId.of("group1", 0, 0, 0, block, ExtPart.format("txt", "123")).remoteFilename();
        outsideBefore = filesOutsideTheStorePath();
    }

    @AfterAll
    static void tearDown() {
        if (client != null) {
            client.close();
        }
        if (storageWitness != null) {
            storageWitness.close();
            trackerWitness.close();
        }
    }

    @AfterEach
    void bothServersStillServeOtherConnections() throws IOException {
        assertThat(storageWitness.call(Command.ACTIVE_TEST).status()).as("storage, old connection").isZero();
        assertThat(trackerWitness.call(Command.ACTIVE_TEST).status()).as("tracker, old connection").isZero();
        assertThat(client.downloadBytes(normal.fileId())).as("fresh download").isEqualTo(normalData);
        assertThat(Files.readString(CLUSTER.get().storage(1).baseDir().resolve(CANARY))).isEqualTo("canary");
        assertThat(Files.readString(CLUSTER.get().workDir().resolve(CANARY))).isEqualTo("canary");
        assertThat(filesOutsideTheStorePath()).as("files outside storage1/data").isEqualTo(outsideBefore);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Every file of the cluster directory except the store path's data/, the storage's logs/ and
     * console log, and the tracker's directory.
     */
    static Set<String> filesOutsideTheStorePath() throws IOException {
        MiniCluster c = CLUSTER.get();
        ServerProcess s1 = c.storage(1);
        Path data = s1.baseDir().resolve("data");
        Path logs = s1.baseDir().resolve("logs");
        Path tracker = c.tracker().baseDir();
        try (Stream<Path> all = Files.walk(c.workDir())) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(data) && !p.startsWith(logs) && !p.startsWith(tracker) && !p.equals(s1.log()))
                    .map(p -> c.workDir().relativize(p).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Regular files under storage1/data/HH/LL: stored files, sidecars and uploads in progress (.in-*.tmp). */
    static Set<String> storedFiles() throws IOException {
        Path data = CLUSTER.get().storage(1).baseDir().resolve("data");
        try (Stream<Path> all = Files.walk(data)) {
            return all.filter(Files::isRegularFile)
                    .map(p -> data.relativize(p).toString())
                    .filter(s -> s.matches("[0-9A-F]{2}/[0-9A-F]{2}/.*"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static RawConnection storage() {
        return new RawConnection(CLUSTER.get().storage(1), P);
    }

    static RawConnection tracker() {
        return new RawConnection(CLUSTER.get().tracker(), P);
    }

    /**
     * Sends {@code frame} to the storage on a new connection and expects {@code status} with an
     * empty body; after EINVAL the storage must close the connection (§1.4), after any other
     * error it must keep it.
     */
    static void expectStorage(String what, byte[] frame, int status) {
        try (RawConnection c = storage()) {
            RawConnection.Reply r = c.call(frame);
            assertThat(r.status()).as(what).isEqualTo(status);
            assertThat(r.body()).as(what + ": error replies have no body").isEmpty();
            if (status == EINVAL) {
                assertThat(c.closedByPeer(Duration.ofSeconds(5))).as(what + ": closed after EINVAL").isTrue();
            } else {
                assertThat(c.call(Command.ACTIVE_TEST).status()).as(what + ": connection kept").isZero();
            }
        }
    }

    static FrameBytes download(long offset, long length, String group, String name) {
        return FrameBytes.request(14).long8(offset).long8(length).group(group).text(name);
    }

    static FrameBytes groupAndName(int cmd, String group, String name) {
        return FrameBytes.request(cmd).group(group).text(name);
    }

    static FrameBytes setMetadata(String group, String name, String meta) {
        return FrameBytes.request(13).long8(name.length()).long8(meta.length()).byte1('O').group(group).text(name)
                .text(meta);
    }

    static FrameBytes append(String name, byte[] content) {
        return FrameBytes.request(24).long8(name.length()).long8(content.length).text(name).bytes(content);
    }

    static FrameBytes modify(String name, long offset, byte[] content) {
        return FrameBytes.request(34).long8(name.length()).long8(offset).long8(content.length).text(name).bytes(content);
    }

    static FrameBytes truncate(String name, long size) {
        return FrameBytes.request(36).long8(name.length()).long8(size).text(name);
    }

    static FrameBytes upload(int storePathIndex, String ext, byte[] content) {
        return FrameBytes.request(11).byte1(storePathIndex).long8(content.length).fixed(ext, 6).bytes(content);
    }

    static FrameBytes uploadSlave(String master, String prefix, String ext, byte[] content) {
        return FrameBytes.request(21).long8(master.length()).long8(content.length).fixed(prefix, 16).fixed(ext, 6)
                .text(master).bytes(content);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void unknownCommandsAreEinvalAndTheStorageClosesTheConnection() {
        expectStorage("code 200", FrameBytes.request(200).build(), EINVAL);
        expectStorage("code 0", FrameBytes.request(0).build(), EINVAL);
        expectStorage("a tracker command (91) sent to the storage", FrameBytes.request(91).build(), EINVAL);
        try (RawConnection t = tracker()) {
            assertThat(t.call(FrameBytes.request(200).build()).status()).as("tracker, code 200").isEqualTo(EINVAL);
        }
        try (RawConnection t = tracker()) {
            assertThat(t.call(upload(0, "txt", Payloads.ascii("x")).build()).status()).as("tracker, UPLOAD_FILE")
                    .isEqualTo(EINVAL);
        }
        try (RawConnection t = tracker()) {
            assertThat(t.call(FrameBytes.request(111).bytes(new byte[3]).build()).status())
                    .as("ACTIVE_TEST with a body").isEqualTo(EINVAL);
        }
    }

    @Test
    void oversizedAndNegativeLengthsAreRefusedFromTheHeaderAlone() {
        // Only the header and a few body bytes are sent: the server must not wait for a gigabyte.
        byte[] head = download(0, 0, "group1", normal.remoteFilename()).declaredLength(1L << 30).firstBytes(30);
        expectStorage("DOWNLOAD declaring 1 GiB", head, EINVAL);
        expectStorage("DOWNLOAD declaring a negative length",
                download(0, 0, "group1", normal.remoteFilename()).declaredLength(-1).firstBytes(10), EINVAL);
        String name = normal.remoteFilename();
        FrameBytes bigMeta = FrameBytes.request(13).long8(name.length()).long8(300 * 1024).byte1('O').group("group1")
                .text(name).declaredLength(33 + name.length() + 300 * 1024);
        expectStorage("SET_METADATA declaring more than the storage buffer (256 KB)",
                bigMeta.firstBytes(10 + bigMeta.bodyLength()), EINVAL);
        try (RawConnection t = tracker()) {
            assertThat(t.call(FrameBytes.request(91).declaredLength(1L << 30).firstBytes(10)).status())
                    .as("tracker, LIST_ALL_GROUPS declaring 1 GiB").isEqualTo(EINVAL);
        }
        try (RawConnection t = tracker()) {
            assertThat(t.call(FrameBytes.request(91).declaredLength(-5).firstBytes(10)).status())
                    .as("tracker, negative length").isEqualTo(EINVAL);
        }
    }

    @Test
    void malformedBodiesAreEinval() {
        expectStorage("DOWNLOAD with a 10-byte body", FrameBytes.request(14).bytes(new byte[10]).build(), EINVAL);
        expectStorage("DELETE with only a group", FrameBytes.request(12).group("group1").build(), EINVAL);
        expectStorage("UPLOAD whose file_size disagrees with pkg_len",
                FrameBytes.request(11).byte1(0).long8(500).fixed("txt", 6).bytes(new byte[100]).build(), EINVAL);
        expectStorage("UPLOAD with a forbidden extension character", upload(0, "t/x", Payloads.ascii("abc")).build(),
                EINVAL);
        expectStorage("SET_METADATA with op flag 'X'", FrameBytes.request(13).long8(normal.remoteFilename().length())
                .long8(3).byte1('X').group("group1").text(normal.remoteFilename()).text("a\u0002b").build(), EINVAL);
        try (RawConnection t = tracker()) {
            assertThat(t.call(FrameBytes.request(104).group("group1").text("extra").build()).status())
                    .as("tracker, QUERY_STORE_WITH_GROUP with 21 bytes").isEqualTo(EINVAL);
        }
        try (RawConnection t = tracker()) {
            assertThat(t.call(groupAndName(102, "group1", "M00/00/00/x").build()).status())
                    .as("tracker, QUERY_FETCH with a name shorter than 22").isEqualTo(EINVAL);
        }
    }

    @Test
    void aFrameCutShortIsDroppedAndTheServersCarryOn() {
        try (RawConnection c = storage()) {
            c.send(groupAndName(12, "group1", normal.remoteFilename()).firstBytes(25));
            c.shutdownOutput();
            assertThat(c.closedByPeerIgnoringReply(Duration.ofSeconds(5))).as("storage closes").isTrue();
        }
        try (RawConnection c = tracker()) {
            c.send(FrameBytes.request(104).group("group1").firstBytes(15));
            c.shutdownOutput();
            assertThat(c.closedByPeerIgnoringReply(Duration.ofSeconds(5))).as("tracker closes").isTrue();
        }
        try (RawConnection c = storage()) {
            c.send(new byte[] {0, 0, 0}); // not even a header
            c.shutdownOutput();
            assertThat(c.closedByPeerIgnoringReply(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(client.downloadBytes(normal.fileId())).as("the file named in the cut-short DELETE").isEqualTo(normalData);
    }

    @Test
    void anUploadCutShortLeavesNoFileBehind() throws IOException {
        Set<String> before = storedFiles();
        byte[] content = Payloads.random(200_000, 32);
        byte[] frame = upload(0, "bin", content).build();
        try (RawConnection c = storage()) {
            c.send(java.util.Arrays.copyOf(frame, 10 + 15 + 50_000));
        } // closed mid-content
        Instant deadline = Instant.now().plusSeconds(10);
        Set<String> after = storedFiles();
        while (!after.equals(before) && Instant.now().isBefore(deadline)) {
            MiniCluster.pause(100);
            after = storedFiles();
        }
        assertThat(after).as("no partial or temporary file left in the data directories").isEqualTo(before);
    }

    @Test
    void theGroupMustBeTheStoragesOwn() {
        String name = normal.remoteFilename();
        expectStorage("DOWNLOAD in group9", download(0, 0, "group9", name).build(), EINVAL);
        expectStorage("DELETE in group9", groupAndName(12, "group9", name).build(), EINVAL);
        expectStorage("GET_METADATA in group9", groupAndName(15, "group9", name).build(), EINVAL);
        expectStorage("QUERY_FILE_INFO in group9", groupAndName(22, "group9", name).build(), EINVAL);
        expectStorage("SET_METADATA in group9", setMetadata("group9", name, "a\u0002b").build(), EINVAL);
        assertThat(client.downloadBytes(normal.fileId())).as("not deleted").isEqualTo(normalData);
        try (RawConnection t = tracker()) {
            assertThat(t.call(groupAndName(102, "group9", name).build()).status()).as("tracker, fetch in group9")
                    .isEqualTo(ENOENT);
            assertThat(t.call(FrameBytes.request(90).group("group9").build()).status()).as("tracker, list group9")
                    .isEqualTo(ENOENT);
            assertThat(t.call(FrameBytes.request(92).group("group9").build()).status()).as("tracker, storages of group9")
                    .isEqualTo(ENOENT);
        }
    }

    @Test
    void namesThatClimbOutOfTheStorePathAreEinvalAndTouchNothing() {
        List<String> names = List.of(
                "M00/00/00/../../../" + CANARY,               // storage1/CANARY
                "M00/00/00/../../../../" + CANARY,            // the cluster directory's CANARY
                "M00/../../" + CANARY + "_xxxxxxxxxxxxxxxxxxxx",
                "M00/00/00/x/../../../../" + CANARY,
                "M00/00/00/" + CANARY + "/../../../../x");
        for (String n : names) {
            expectStorage("DOWNLOAD " + n, download(0, 0, "group1", n).build(), EINVAL);
            expectStorage("DELETE " + n, groupAndName(12, "group1", n).build(), EINVAL);
            expectStorage("GET_METADATA " + n, groupAndName(15, "group1", n).build(), EINVAL);
            expectStorage("QUERY_FILE_INFO " + n, groupAndName(22, "group1", n).build(), EINVAL);
            expectStorage("SET_METADATA " + n, setMetadata("group1", n, "a\u0002b").build(), EINVAL);
            expectStorage("UPLOAD_SLAVE of master " + n, uploadSlave(n, "_s", "txt", Payloads.ascii("slave")).build(),
                    EINVAL);
            expectStorage("APPEND " + n, append(n, Payloads.ascii("evil")).build(), EINVAL);
            expectStorage("MODIFY " + n, modify(n, 0, Payloads.ascii("evil")).build(), EINVAL);
            expectStorage("TRUNCATE " + n, truncate(n, 0).build(), EINVAL);
            expectStorage("REGENERATE " + n, FrameBytes.request(38).text(n).build(), EINVAL);
        }
        expectStorage("UPLOAD_SLAVE with a prefix that climbs", uploadSlave(normal.remoteFilename(), "/../../../x", "txt",
                Payloads.ascii("slave")).build(), EINVAL);
        expectStorage("UPLOAD with an extension that climbs", upload(0, "/../x", Payloads.ascii("abc")).build(), EINVAL);
    }

    @Test
    void aStorePathIndexThatDoesNotExistIsEinval() {
        expectStorage("UPLOAD to store path 5 of 1", upload(5, "txt", Payloads.ascii("abc")).build(), EINVAL);
        expectStorage("UPLOAD to store path 127 of 1", upload(127, "txt", Payloads.ascii("abc")).build(), EINVAL);
        String base = normal.remoteFilename().substring(3);
        expectStorage("DOWNLOAD M05" + base, download(0, 0, "group1", "M05" + base).build(), EINVAL);
        expectStorage("DELETE MFF" + base, groupAndName(12, "group1", "MFF" + base).build(), EINVAL);
        expectStorage("DOWNLOAD MZZ" + base, download(0, 0, "group1", "MZZ" + base).build(), EINVAL);
        // 0xFF (-1) lets the storage choose (§3.2)
        try (RawConnection c = storage()) {
            RawConnection.Reply r = c.call(upload(0xFF, "txt", Payloads.ascii("storage's choice")).build());
            assertThat(r.status()).isZero();
            assertThat(new String(r.body(), 16, r.body().length - 16, StandardCharsets.ISO_8859_1)).startsWith("M00/");
        }
    }

    @Test
    void offsetsPastTheEndAreEinval() {
        String name = normal.remoteFilename();
        int size = normalData.length;
        expectStorage("DOWNLOAD from size + 1", download(size + 1, 0, "group1", name).build(), EINVAL);
        expectStorage("DOWNLOAD from a negative offset", download(-1, 0, "group1", name).build(), EINVAL);
        expectStorage("DOWNLOAD a negative length", download(0, -1, "group1", name).build(), EINVAL);
        try (RawConnection c = storage()) {
            RawConnection.Reply clamped = c.call(download(size - 10, 100, "group1", name).build());
            assertThat(clamped.status()).as("a length past the end is clamped (§3.4)").isZero();
            assertThat(clamped.body()).isEqualTo(Payloads.range(normalData, size - 10, 10));
            RawConnection.Reply atEnd = c.call(download(size, 0, "group1", name).build());
            assertThat(atEnd.status()).as("offset = size gives 0 bytes (§3.4 recommendation)").isZero();
            assertThat(atEnd.body()).isEmpty();
        }
        String app = appender.remoteFilename();
        expectStorage("MODIFY past the end of the appender file", modify(app, 9, Payloads.ascii("x")).build(), EINVAL);
        expectStorage("TRUNCATE to a negative size", truncate(app, -1).build(), EINVAL);
        try (RawConnection c = storage()) {
            assertThat(c.call(modify(app, 8, Payloads.ascii("!")).build()).status()).as("MODIFY at the end").isZero();
        }
        assertThat(new String(client.downloadBytes(appender.fileId()))).isEqualTo("appender!");
    }

    @Test
    void missingFilesAreEnoentAndTheConnectionStaysOpen() {
        expectStorage("DOWNLOAD a missing file", download(0, 0, "group1", missing).build(), ENOENT);
        expectStorage("DELETE a missing file", groupAndName(12, "group1", missing).build(), ENOENT);
        expectStorage("GET_METADATA of a missing file", groupAndName(15, "group1", missing).build(), ENOENT);
        expectStorage("QUERY_FILE_INFO of a missing file", groupAndName(22, "group1", missing).build(), ENOENT);
        expectStorage("SET_METADATA of a missing file", setMetadata("group1", missing, "a\u0002b").build(), ENOENT);
        expectStorage("UPLOAD_SLAVE of a missing master", uploadSlave(missing, "_s", "txt", Payloads.ascii("s")).build(),
                ENOENT);
        expectStorage("GET_METADATA of a file without metadata", groupAndName(15, "group1", normal.remoteFilename()).build(),
                ENOENT);
        expectStorage("APPEND to a normal file", append(normal.remoteFilename(), Payloads.ascii("x")).build(), EINVAL);
    }
}
