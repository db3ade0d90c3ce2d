package org.fastdfs.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fastdfs.client.MemoryCluster;
import org.fastdfs.client.bench.BenchSpec;
import org.fastdfs.client.bench.Op;
import org.fastdfs.proto.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fdfs bench} run in-process against the in-memory cluster. */
@Timeout(60)
class BenchCliTest {

    @TempDir
    Path tmp;

    MemoryCluster cluster;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void start() throws IOException {
        cluster = new MemoryCluster();
    }

    @AfterEach
    void stop() throws IOException {
        cluster.close();
    }

    Result bench(String... args) {
        List<String> all = new ArrayList<>(List.of("--tracker", cluster.tracker.endpoint().toString(), "bench"));
        all.addAll(Arrays.asList(args));
        return fdfs(all.toArray(String[]::new));
    }

    Result fdfs(String... all) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Fdfs.commandLine(new Fdfs(Map.of(), false, ZoneOffset.UTC));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(all);
        return new Result(code, out.toString(), err.toString());
    }

    /** The scenario the options make, without running it. */
    BenchSpec spec(String... args) {
        Fdfs fdfs = new Fdfs(Map.of(), false, ZoneOffset.UTC);
        CommandLine cl = Fdfs.commandLine(fdfs);
        List<String> all = new ArrayList<>(List.of("bench"));
        all.addAll(Arrays.asList(args));
        CommandLine.ParseResult parsed = cl.parseArgs(all.toArray(String[]::new));
        BenchCommand bench = (BenchCommand) parsed.subcommand().commandSpec().userObject();
        return bench.benchSpec();
    }

    @Test
    void theDefaultsAreOneThousandUploadsOf4KiBOnEightConnections() {
        BenchSpec s = spec();

        assertThat(s.mix().ops()).containsExactly(Op.UPLOAD);
        assertThat(s.sizes()).containsExactly(4096L);
        assertThat(s.connections()).isEqualTo(8);
        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.duration()).isNull();
        assertThat(s.warmup().none()).isTrue();
        assertThat(s.keep()).isEqualTo(BenchSpec.Keep.NONE);
        assertThat(s.tooManyErrors(1, 1000)).isTrue();
    }

    @Test
    void parsesEveryOption() throws IOException {
        Path ids = Files.writeString(tmp.resolve("in.ids"), "# ids\ngroup1/M00/00/00/a.bin\n\ngroup1/M00/00/00/b.bin\n");

        BenchSpec s = spec("-c", "3", "--op", "mixed=download:3,meta-get:1", "--size", "1KiB,64MiB", "-s", "10",
                "--duration", "2m", "--warmup", "5s", "--files", "7", "--ids-in", ids.toString(), "--ext", "jpg",
                "--max-errors", "0.5%", "--name", "reads");

        assertThat(s.connections()).isEqualTo(3);
        assertThat(s.mix().weights()).containsExactly(Map.entry(Op.DOWNLOAD, 3), Map.entry(Op.META_GET, 1));
        assertThat(s.sizes()).containsExactly(1024L, 64L << 20, 10L);
        assertThat(s.duration()).hasMinutes(2);
        assertThat(s.count()).isZero();
        assertThat(s.warmup().time()).hasSeconds(5);
        assertThat(s.files()).isEqualTo(7);
        assertThat(s.idsIn()).containsExactly("group1/M00/00/00/a.bin", "group1/M00/00/00/b.bin");
        assertThat(s.extension()).isEqualTo("jpg");
        assertThat(s.maxErrorsPercent()).isTrue();
        assertThat(s.maxErrors()).isEqualTo(0.5);
        assertThat(s.displayName()).isEqualTo("reads");
    }

    @Test
    void idsInSetTheCountAndIdsOutKeepTheUploads() throws IOException {
        Path ids = Files.writeString(tmp.resolve("in.ids"), "group1/M00/00/00/a.bin\ngroup1/M00/00/00/b.bin\n");

        assertThat(spec("--op", "delete", "--ids-in", ids.toString()).count()).isEqualTo(2);
        assertThat(spec("--ids-out", tmp.resolve("out").toString()).keep()).isEqualTo(BenchSpec.Keep.UPLOADS);
        assertThat(spec("--ids-out", tmp.resolve("out").toString(), "--keep").keep()).isEqualTo(BenchSpec.Keep.ALL);
        assertThat(spec("--warmup", "250").warmup().ops()).isEqualTo(250);
        assertThat(spec("--warmup", "250").warmup().settle()).isNull();
        assertThat(spec("--warmup", "250", "--settle", "30s").warmup().settle()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void freshRoundsLeaveOnlyTheLastRoundsUploads() throws IOException {
        Path ids = tmp.resolve("last.ids");
        Result r = bench("--count", "6", "--warmup", "8", "-c", "2", "--rounds", "3", "--fresh-rounds",
                "--ids-out", ids.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> kept = Files.readAllLines(ids);
        assertThat(kept).hasSize(6);
        assertThat(cluster.files.keySet()).as("warm-ups and earlier rounds deleted, the last round kept")
                .containsExactlyInAnyOrderElementsOf(kept.stream().map(id -> id.substring(id.indexOf('/') + 1)).toList());

        assertThat(bench("--fresh-rounds").err()).contains("--fresh-rounds needs --rounds 2 or more");
        assertThat(bench("--op", "download", "--rounds", "2", "--fresh-rounds").err())
                .contains("--fresh-rounds needs --rounds 2 or more and uploads");
    }

    @Test
    void rejectsBadOptionsWithUsageErrors() {
        assertThat(bench("--count", "5", "--duration", "5s").code()).isEqualTo(Fdfs.EXIT_USAGE);
        assertThat(bench("--op", "copy").err()).contains("invalid --op", "unknown operation 'copy'");
        assertThat(bench("--size", "4XB").code()).isEqualTo(Fdfs.EXIT_USAGE);
        assertThat(bench("--count", "0").code()).isEqualTo(Fdfs.EXIT_USAGE);
        assertThat(bench("--warmup", "soon").code()).isEqualTo(Fdfs.EXIT_USAGE);
        assertThat(bench("--settle", "soon").code()).isEqualTo(Fdfs.EXIT_USAGE);
        assertThat(bench("--max-errors", "lots").code()).isEqualTo(Fdfs.EXIT_USAGE);
        assertThat(bench("-c", "0").code()).isEqualTo(Fdfs.EXIT_USAGE);
        assertThat(bench("--rounds", "0").err()).contains("--rounds must be at least 1");
        Result r = bench("--op", "delete:1,download:1", "--ids-in", writeIds("group1/M00/00/00/a.bin").toString());
        assertThat(r.code()).isEqualTo(Fdfs.EXIT_USAGE);
        assertThat(r.err()).contains("--ids-in");
    }

    @Test
    void chainsUploadDownloadAndDeleteThroughIdFiles() throws IOException {
        Path ids = tmp.resolve("small.ids");
        Path json = tmp.resolve("up.json");

        // --settle reads the compiler threads of this JVM from /proc: at least two one-second rounds, at most ~4 s
        Result up = bench("--op", "upload", "--size", "4KiB", "--count", "30", "-c", "3", "--ids-out", ids.toString(),
                "--json", json.toString(), "--pid", "me=" + ProcessHandle.current().pid(), "--warmup", "10",
                "--settle", "3s");
        assertThat(up.code()).as(up.err()).isZero();
        assertThat(up.out()).startsWith("upload 4KiB: 3 connections, 30 ops in ")
                .containsPattern("\\(after [234] s more warm-up for the JIT to settle\\)")
                .contains("OP", "OPS/S", "MiB/S", "P50 MS", "P99 MS", "MAX MS", "upload  ");
        assertThat(Files.readAllLines(ids)).hasSize(30).allMatch(l -> l.startsWith("group1/M00/"));
        assertThat(Files.readString(json)).contains("\"name\": \"upload 4KiB\"", "\"count\": 30",
                "\"settle_max_s\": 3", "\"settle_s\": ");
        assertThat(cluster.files).hasSize(30);
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(up.out()).contains("PROCESS", "CPU S/1K OPS", "me  ")
                    .containsPattern("machine: \\d+\\.\\d\\d of \\d+ cores busy, \\d+\\.\\d % of the time stolen");
        }

        Result down = bench("--op", "download", "--ids-in", ids.toString(), "--count", "20", "-c", "2", "--rounds", "3");
        assertThat(down.code()).as(down.err()).isZero();
        assertThat(down.out()).startsWith("download: 2 connections, 20 ops in ")
                .containsPattern("rounds: [\\d,.]+, [\\d,.]+, [\\d,.]+ ops/s; the median round \\([123]\\) is shown");
        assertThat(cluster.storage.received(Command.DOWNLOAD_FILE)).hasSize(60);

        Result del = bench("--op", "delete", "--ids-in", ids.toString());
        assertThat(del.code()).as(del.err()).isZero();
        assertThat(del.out()).startsWith("delete: 8 connections, 30 ops in ");
        assertThat(cluster.files).isEmpty();
    }

    @Test
    void exitsWithOneWhenErrorsExceedTheTolerance() throws IOException {
        Path ids = writeIds(cluster.put(new byte[] {1}, "bin"), "group1/M00/00/00/nosuchfileinthiscluster.bin");

        Result strict = bench("--op", "download", "--ids-in", ids.toString(), "--count", "4", "-c", "1");
        Result lenient = bench("--op", "download", "--ids-in", ids.toString(), "--count", "4", "-c", "1",
                "--max-errors", "50%");

        assertThat(strict.code()).isEqualTo(Fdfs.EXIT_FASTDFS_ERROR);
        assertThat(strict.err()).contains("2 errors, more than --max-errors 0");
        assertThat(strict.out()).contains("download errors: 2 x FastDFS error: DOWNLOAD_FILE FILE on ");
        assertThat(lenient.code()).isZero();

        Result rounds = bench("--op", "download", "--ids-in", ids.toString(), "--count", "4", "-c", "1",
                "--rounds", "2");
        assertThat(rounds.code()).isEqualTo(Fdfs.EXIT_FASTDFS_ERROR);
        assertThat(rounds.err()).as("the errors of both rounds").contains("4 errors, more than --max-errors 0");
        assertThat(rounds.out()).containsPattern("rounds: [\\d,.]+ \\(2 errors\\), [\\d,.]+ \\(2 errors\\) ops/s");
    }

    @Test
    void printsProgressLinesOnStderr() {
        Result r = bench("--count", "5", "--warmup", "2");

        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("upload 4KiB [warm-up]", "(done)", "upload 4KiB [cleanup]");
        assertThat(fdfs("--tracker", cluster.tracker.endpoint().toString(), "--no-progress", "bench", "--count", "5").err())
                .isEmpty();
    }

    @Test
    void aSetupThatCannotReachTheClusterIsANetworkError() {
        StringWriter err = new StringWriter();
        CommandLine cl = Fdfs.commandLine(new Fdfs(Map.of(), false, ZoneOffset.UTC));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute("--tracker", "127.0.0.1:1", "bench", "--op", "download", "--count", "3");

        assertThat(code).isEqualTo(Fdfs.EXIT_NETWORK);
        assertThat(err.toString()).contains("network error");
    }

    @Test
    void measuresTheCeilings() throws IOException {
        Path json = tmp.resolve("files.json");

        Result files = bench("ceiling", "files", "--dir", tmp.toString(), "--count", "100", "--threads", "2",
                "--json", json.toString());
        Result sendfile = bench("ceiling", "sendfile", "--dir", tmp.toString(), "--size", "1MiB", "--repeat", "2");

        assertThat(files.code()).as(files.err()).isZero();
        assertThat(files.out()).startsWith("files: best ").contains(" files/s");
        assertThat(Files.readString(json)).contains("\"name\": \"files\"");
        assertThat(sendfile.code()).as(sendfile.err()).isZero();
        assertThat(sendfile.out()).startsWith("sendfile: best ").contains(" MiB/s");
        assertThat(bench("ceiling").code()).isEqualTo(Fdfs.EXIT_USAGE);
    }

    private Path writeIds(String... ids) {
        try {
            return Files.writeString(Files.createTempFile(tmp, "ids", ".txt"), String.join("\n", ids) + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
