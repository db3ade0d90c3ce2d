package org.fastdfs.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fastdfs.client.MemoryCluster;
import org.fastdfs.proto.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code fdfs} command run in-process against an in-memory cluster, with captured streams. */
@Timeout(30)
class FdfsCliTest {

    @TempDir
    Path tmp;

    MemoryCluster cluster;

    record Result(int code, String out, String err, byte[] binary) {
    }

    @BeforeEach
    void start() throws IOException {
        cluster = new MemoryCluster();
    }

    @AfterEach
    void stop() throws IOException {
        cluster.close();
    }

    Result run(String... args) {
        return run(Map.of(), false, args);
    }

    /** Runs fdfs with --tracker pointing at the cluster (unless the env is to be used). */
    Result runAt(String... args) {
        List<String> all = new ArrayList<>(List.of("--tracker", cluster.tracker.endpoint().toString()));
        all.addAll(Arrays.asList(args));
        return run(all.toArray(String[]::new));
    }

    Result run(Map<String, String> env, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        Fdfs fdfs = new Fdfs(env, terminal, ZoneOffset.UTC).binaryOut(binary);
        CommandLine cl = Fdfs.commandLine(fdfs);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString(), binary.toByteArray());
    }

    Path file(String name, byte[] content) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, content);
        return p;
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ upload

    @Test
    void uploadPrintsTheFileIdAndStoresTheContent() throws IOException {
        Path f = file("hello.txt", text("hello"));

        Result r = runAt("upload", f.toString());

        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        String id = r.out().strip();
        assertThat(id).matches("group1/M00/00/00/[A-Za-z0-9_-]{27}000\\.txt");
        assertThat(cluster.files.get(id.substring("group1/".length()))).isEqualTo(text("hello"));
    }

    @Test
    void uploadSetsMetadataAndTheGroup() throws IOException {
        Path f = file("photo.jpeg", text("jpeg bytes"));

        Result r = runAt("upload", f.toString(), "--group", "group1", "--meta", "width=1024", "-m", "note=a=b");

        assertThat(r.code()).isZero();
        String id = r.out().strip();
        assertThat(id).endsWith(".jpeg");
        assertThat(runAt("meta", "get", id).out()).isEqualTo("note=a=b\nwidth=1024\n");
        assertThat(cluster.tracker.received(Command.SERVICE_QUERY_STORE_WITH_GROUP_ONE)).hasSize(1);
    }

    @Test
    void uploadsAnAppenderFileAndAppendsToIt() throws IOException {
        Path part1 = file("part1.log", text("one\n"));
        Path part2 = file("part2.log", text("two\n"));

        String id = runAt("upload", "--appender", part1.toString()).out().strip();
        Result append = runAt("append", id, part2.toString());
        Result info = runAt("info", id);

        assertThat(append.code()).isZero();
        assertThat(runAt("download", id, "-").binary()).isEqualTo(text("one\ntwo\n"));
        assertThat(info.out()).contains("type:         appender", "size:         8", "from server:  yes");
    }

    @Test
    void uploadsASlaveFile() throws IOException {
        String master = runAt("upload", file("m.jpg", text("master")).toString()).out().strip();

        Result r = runAt("upload", file("t.jpg", text("thumb")).toString(), "--master", master, "--prefix", "_t");

        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).isEqualTo(master.replace(".jpg", "_t.jpg"));
    }

    // ---------------------------------------------------------------- download

    @Test
    void downloadWritesTheFileWholeOrARange() throws IOException {
        String id = cluster.put(text("0123456789"), "txt");
        Path whole = tmp.resolve("whole.txt");
        Path range = tmp.resolve("range.txt");

        assertThat(runAt("download", id, whole.toString()).code()).isZero();
        assertThat(runAt("download", id, range.toString(), "--offset", "2", "--length", "3").code()).isZero();

        assertThat(Files.readString(whole)).isEqualTo("0123456789");
        assertThat(Files.readString(range)).isEqualTo("234");
    }

    @Test
    void downloadIntoADirectoryUsesTheRemoteName() throws IOException {
        String id = cluster.put(text("abc"), "txt");

        assertThat(runAt("download", id, tmp.toString()).code()).isZero();

        assertThat(tmp.resolve(id.substring(id.lastIndexOf('/') + 1))).hasContent("abc");
    }

    @Test
    void downloadResumesAPartialFile() throws IOException {
        byte[] content = new byte[100_000];
        new Random(1).nextBytes(content);
        String id = cluster.put(content, "bin");
        Path dest = file("partial.bin", Arrays.copyOf(content, 40_000));

        Result r = runAt("download", "--resume", id, dest.toString());

        assertThat(r.code()).isZero();
        assertThat(Files.readAllBytes(dest)).isEqualTo(content);
    }

    // ------------------------------------------------------------------ others

    @Test
    void deleteRemovesTheFileAndReportsAMissingOneWithExitCode1() {
        String id = cluster.put(text("x"), "txt");

        Result first = runAt("delete", id);
        Result second = runAt("delete", id);

        assertThat(first.code()).isZero();
        assertThat(cluster.files).isEmpty();
        assertThat(second.code()).isEqualTo(Fdfs.EXIT_FASTDFS_ERROR);
        assertThat(second.err()).startsWith("fdfs: DELETE_FILE " + id + " on ").contains("ENOENT (2)");
        assertThat(second.out()).isEmpty();
    }

    @Test
    void infoDecodesANormalFileLocally() {
        String id = cluster.put(text("hello"), "txt");

        Result r = runAt("info", id);

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("""
                file id:      %s
                type:         normal
                size:         5
                create time:  2026-11-21 05:35:16
                crc32:        0x3610a686 (907060870)
                source ip:    127.0.0.1
                from server:  no
                """.formatted(id));
        assertThat(cluster.storage.received()).isEmpty();
    }

    @Test
    void metaSetOverwritesOrMerges() {
        String id = cluster.put(text("x"), "txt");

        assertThat(runAt("meta", "set", id, "b=2", "a=1").code()).isZero();
        assertThat(runAt("meta", "get", id).out()).isEqualTo("a=1\nb=2\n");
        assertThat(runAt("meta", "set", id, "--merge", "c=3", "a=9").code()).isZero();
        assertThat(runAt("meta", "get", id).out()).isEqualTo("a=9\nb=2\nc=3\n");
        assertThat(runAt("meta", "set", id, "z=0").code()).isZero();
        assertThat(runAt("meta", "get", id).out()).isEqualTo("z=0\n");
    }

    @Test
    void monitorShowsGroupsAndStorages() {
        Result r = runAt("monitor");

        assertThat(r.code()).isZero();
        String storage = cluster.storage.endpoint().host() + ":" + cluster.storage.port();
        assertThat(r.out()).contains(
                "trackers: " + cluster.tracker.endpoint(),
                "groups: 1",
                "group group1",
                "  storages:      1 (1 readable, 1 writable)",
                "  disk space:    free 79872 MB of 258048 MB, reserved 51200 MB",
                "  ID         ADDRESS",
                "STATUS  VERSION  FREE MB  TOTAL MB  UP SINCE             LAST HEARTBEAT       UPLOADS  DOWNLOADS",
                "  127.0.0.1  " + storage,
                "ACTIVE  6.16.1     79872    258048  2026-11-21 05:33:36  2026-11-21 05:35:21        5          8");
    }

    @Test
    void monitorVerbosePrintsEveryCounter() {
        Result r = runAt("monitor", "-v");

        assertThat(r.out()).contains("    total_upload_count = 5", "    last_heart_beat_time = 2026-11-21 05:35:21");
    }

    // --------------------------------------------------------------- exit codes

    @Test
    void usageErrorsExitWith2() {
        assertThat(run().code()).isEqualTo(Fdfs.EXIT_USAGE);
        Result unknown = run("upload", "--bogus", "x");
        assertThat(unknown.code()).isEqualTo(Fdfs.EXIT_USAGE);
        assertThat(unknown.err()).startsWith("fdfs: Unknown option: '--bogus'").contains("fdfs upload --help");
        assertThat(run("--tracker", "host:port", "delete", "g/x").err()).contains("invalid --tracker");
        assertThat(run("--timeout", "soon", "delete", "g/x").code()).isEqualTo(Fdfs.EXIT_USAGE);
        assertThat(runAt("meta", "set", "group1/M00/00/00/x", "novalue").code()).isEqualTo(Fdfs.EXIT_USAGE);
        assertThat(runAt("download", "--resume", "group1/M00/00/00/x", "-").code()).isEqualTo(Fdfs.EXIT_USAGE);
        assertThat(runAt("delete", "not-a-file-id").err()).startsWith("fdfs: invalid argument:");
    }

    @Test
    void networkErrorsExitWith3() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        Result r = run("--tracker", "127.0.0.1:" + port, "monitor");

        assertThat(r.code()).isEqualTo(Fdfs.EXIT_NETWORK);
        assertThat(r.err()).isEqualTo("fdfs: network error: cannot connect to 127.0.0.1:" + port + ": connection refused\n");
    }

    @Test
    void localFileErrorsExitWith1() {
        Result r = runAt("upload", tmp.resolve("absent.txt").toString());

        assertThat(r.code()).isEqualTo(Fdfs.EXIT_FASTDFS_ERROR);
        assertThat(r.err()).startsWith("fdfs: ").contains("absent.txt");
    }

    @Test
    void helpAndVersionExitWith0() {
        Result help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: fdfs", "upload", "download", "monitor", "FDFS_TRACKERS");
        assertThat(run("--version").out()).startsWith("fdfs ");
        assertThat(run("download", "--help").out()).contains("--resume", "--offset", "--length");
    }

    @Test
    void takesTheTrackersFromTheEnvironment() {
        String id = cluster.put(text("env"), "txt");

        Result r = run(Map.of("FDFS_TRACKERS", "127.0.0.1:1, " + cluster.tracker.endpoint()), false,
                "download", id, "-");

        assertThat(r.code()).isZero();
        assertThat(r.binary()).isEqualTo(text("env"));
    }

    @Test
    void showsAProgressBarOnlyOnATerminalForLargeTransfers() throws IOException {
        byte[] big = new byte[(int) Fdfs.PROGRESS_THRESHOLD + 1000];
        Path f = file("big.bin", big);

        Result quiet = runAt("upload", f.toString());
        StringWriter ignored = new StringWriter();
        Result small = run(Map.of(), true, "--tracker", cluster.tracker.endpoint().toString(), "upload",
                file("small.bin", new byte[10]).toString());
        Result shown = run(Map.of(), true, "--tracker", cluster.tracker.endpoint().toString(), "upload", f.toString());

        assertThat(quiet.err()).isEmpty();
        assertThat(small.err()).isEmpty();
        assertThat(shown.err()).contains("upload big.bin [", "100% 4.0 MiB / 4.0 MiB").endsWith("\n");
        assertThat(shown.out()).startsWith("group1/");
        assertThat(ignored.toString()).isEmpty();
    }

    @Test
    void parsesDurations() {
        assertThat(Durations.parse("500ms").toMillis()).isEqualTo(500);
        assertThat(Durations.parse("5s").toSeconds()).isEqualTo(5);
        assertThat(Durations.parse("2m").toSeconds()).isEqualTo(120);
        assertThat(Durations.parse("7").toSeconds()).isEqualTo(7);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Durations.parse("5x"))
                .hasMessageContaining("unknown unit");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Durations.parse("0s"))
                .hasMessageContaining("positive");
    }

    @Test
    void rendersTheProgressBar() {
        assertThat(ProgressBar.render("up", 512 * 1024, 1024 * 1024))
                .isEqualTo("up [###############---------------]  50% 512.0 KiB / 1.0 MiB");
    }
}
