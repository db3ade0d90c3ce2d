package org.fastdfs.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.fastdfs.client.FdfsClient;
import org.fastdfs.client.bench.BenchResult;
import org.fastdfs.client.bench.BenchRunner;
import org.fastdfs.client.bench.BenchSpec;
import org.fastdfs.client.bench.Json;
import org.fastdfs.client.bench.Op;
import org.fastdfs.client.bench.OpMix;
import org.fastdfs.client.bench.OpResult;
import org.fastdfs.client.bench.OpStats;
import org.fastdfs.client.bench.ProcessUsage;
import org.fastdfs.client.bench.Sizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fdfs bench}: load a FastDFS cluster (ours or C FastDFS) with concurrent connections and
 * report throughput, latency percentiles and errors per operation. The engine is
 * {@link org.fastdfs.client.bench.BenchRunner}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark a FastDFS cluster: N connections (one thread each) run an operation mix and report "
                + "ops/s, MiB/s, latency p50/p90/p99/max and errors per operation.",
                "Uploads send an in-memory random payload; downloads discard what they receive; downloads, metadata "
                        + "operations and deletes work on files uploaded in an unmeasured setup phase (or --ids-in).",
                "Files the run uploaded are deleted at the end unless --keep, or --ids-out keeps the measured uploads."},
        footer = {"", "Examples:",
                "  fdfs bench --op upload --size 4KiB --count 20000 --ids-out small.ids",
                "  fdfs bench --op download --ids-in small.ids --count 20000",
                "  fdfs bench --op mixed=upload:70,download:30 --size 4KiB,1MiB --duration 60s --json run.json",
                "  fdfs --tracker 10.0.0.1:22122 bench --op meta --connections 16 --count 50000",
                "Exit codes: 0 the run completed within --max-errors, 1 more errors (or a setup failure), 2 usage, "
                        + "3 network error in the setup phase."},
        subcommands = {CeilingCommand.class, SuiteCommand.class})
final class BenchCommand implements Callable<Integer> {

    static final String DEFAULT_COUNT = "1000";

    @ParentCommand
    Fdfs fdfs;

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", defaultValue = "8",
            description = "Concurrent connections, one thread each (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--op", paramLabel = "MIX", defaultValue = "upload",
            description = "upload, download, delete, meta-set, meta-get, meta (= meta-set:50,meta-get:50), locate "
                    + "(the tracker's QUERY_FETCH_ONE alone) or mixed=OP:WEIGHT,... such as "
                    + "mixed=upload:70,download:30 (default: ${DEFAULT-VALUE}).")
    String op;

    @Option(names = {"-s", "--size"}, paramLabel = "SIZE", split = ",", defaultValue = "4KiB",
            description = "Upload (and setup file) size such as 4KiB, 1MiB, 64MiB; several are taken in turn "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> sizes;

    @Option(names = {"-n", "--count"}, paramLabel = "N",
            description = "Operations to measure (default: the number of --ids-in ids, else " + DEFAULT_COUNT + ").")
    Long count;

    @Option(names = {"-d", "--duration"}, paramLabel = "TIME", description = "Measure for this long instead, e.g. 30s, 5m.")
    String duration;

    @Option(names = "--warmup", paramLabel = "N|TIME", defaultValue = "0",
            description = "Operations (a number) or time (30s) to run before measuring (default: none).")
    String warmup;

    @Option(names = "--settle", paramLabel = "TIME",
            description = "After the warm-up, go on warming up until the JIT compiler threads of the --pid "
                    + "processes and of this JVM used at most 5%% of a core two seconds in a row, at most TIME "
                    + "(e.g. 30s; default: no).")
    String settle;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "1",
            description = "Measure N times, waiting for the --pid processes and the machine to go quiet before "
                    + "each, and report the median round; with N > 1 the warm-up is followed by such a pause and "
                    + "a second warm-up a quarter as long, and a round the hypervisor stole more than 10%% of is "
                    + "measured again, up to N more (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--fresh-rounds",
            description = "With --rounds: before each pause, delete what the warm-ups and earlier rounds uploaded, "
                    + "so that every round starts without them (for large files: on some machines writes slow down "
                    + "with the data just written); only the last round's uploads are left for --ids-out. Not for "
                    + "small files: on ext4, deletions slow the creation of files near them for minutes.")
    boolean freshRounds;

    @Option(names = "--files", paramLabel = "N",
            description = "Setup files for downloads and metadata operations, cycled over (default: as many as "
                    + "operations, at most 100); with --duration, also the files deletes may use (default 1000).")
    int files;

    @Option(names = "--ids-in", paramLabel = "FILE",
            description = "Download, delete or use the metadata of these file ids (one per line) instead of setup files.")
    Path idsIn;

    @Option(names = "--ids-out", paramLabel = "FILE",
            description = "Write the ids of the measured uploads here, one per line, and keep those files.")
    Path idsOut;

    @Option(names = "--keep", description = "Keep every file the run uploaded (setup and warm-up files too).")
    boolean keep;

    @Option(names = "--ext", paramLabel = "EXT", defaultValue = "bin",
            description = "Extension of uploaded files (default: ${DEFAULT-VALUE}).")
    String extension;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results as JSON here.")
    Path json;

    @Option(names = "--pid", paramLabel = "NAME=PID",
            description = "A local server process whose RSS and CPU time to record (from /proc); repeatable, "
                    + "e.g. --pid storage1=1234.")
    Map<String, Long> pids = new LinkedHashMap<>();

    @Option(names = "--max-errors", paramLabel = "N|P%", defaultValue = "0",
            description = "Errors tolerated before the exit code is 1: a count or a percentage of the operations "
                    + "(default: ${DEFAULT-VALUE}).")
    String maxErrors;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the scenario in the output.")
    String name = "";

    @Override
    public Integer call() {
        BenchSpec benchSpec = benchSpec();
        if (rounds < 1) {
            throw usage("--rounds must be at least 1");
        }
        if (freshRounds && (rounds < 2 || !benchSpec.mix().contains(Op.UPLOAD))) {
            throw usage("--fresh-rounds needs --rounds 2 or more and uploads in the --op mix");
        }
        try (FdfsClient client = client(connections)) {
            BenchRunner runner = new BenchRunner(client, benchSpec, watched(pids), fdfs.benchProgress()).rounds(rounds);
            if (freshRounds) {
                runner.discardBeforeRounds();
            }
            BenchResult result = runner.run();
            print(fdfs.out(), result);
            if (idsOut != null) {
                write(idsOut, String.join("\n", result.uploadedIds()) + (result.uploadedIds().isEmpty() ? "" : "\n"));
            }
            if (json != null) {
                write(json, Json.write(result.toJson()) + "\n");
            }
            if (result.failed()) {
                fdfs.err().println("fdfs bench: " + result.errors() + " errors, more than --max-errors "
                        + maxErrors);
                return Fdfs.EXIT_FASTDFS_ERROR;
            }
            return Fdfs.EXIT_OK;
        }
    }

    /** The scenario the options describe. */
    BenchSpec benchSpec() {
        OpMix mix = parse(() -> OpMix.parse(op), "--op");
        List<Long> sizeList = new ArrayList<>();
        for (String s : sizes) {
            sizeList.add(parse(() -> Sizes.parse(s), "--size"));
        }
        List<String> ids = idsIn == null ? List.of() : readIds(idsIn);
        if (idsIn != null && ids.isEmpty()) {
            throw usage("--ids-in " + idsIn + " holds no file id");
        }
        if (count != null && duration != null) {
            throw usage("--count and --duration exclude each other");
        }
        Duration d = duration == null ? null : parse(() -> Durations.parse(duration), "--duration");
        long n = count != null ? count : d != null ? 0 : !ids.isEmpty() ? ids.size() : Long.parseLong(DEFAULT_COUNT);
        if (count != null && count < 1) {
            throw usage("--count must be at least 1");
        }
        BenchSpec.Warmup w = parse(() -> warmup(warmup), "--warmup")
                .settlingFor(settle == null ? null : parse(() -> Durations.parse(settle), "--settle"));
        String limit = maxErrors.trim();
        boolean percent = limit.endsWith("%");
        double max = parse(() -> Double.parseDouble(percent ? limit.substring(0, limit.length() - 1) : limit),
                "--max-errors");
        BenchSpec.Keep keepWhat = keep ? BenchSpec.Keep.ALL : idsOut != null ? BenchSpec.Keep.UPLOADS : BenchSpec.Keep.NONE;
        if (files < 0) {
            throw usage("--files must not be negative");
        }
        return parse(() -> new BenchSpec(name, mix, sizeList, connections, n, d, w, files, ids, keepWhat, extension,
                max, percent), "options");
    }

    static BenchSpec.Warmup warmup(String text) {
        String t = text.trim();
        if (t.chars().allMatch(Character::isDigit) && !t.isEmpty()) {
            return new BenchSpec.Warmup(Long.parseLong(t), null);
        }
        return new BenchSpec.Warmup(0, Durations.parse(t));
    }

    /** A client whose pool allows {@code n} connections to each server. */
    FdfsClient client(int n) {
        return new FdfsClient(fdfs.config().toBuilder().maxConnectionsPerServer(Math.max(1, n)).build());
    }

    static List<BenchRunner.Watched> watched(Map<String, Long> pids) {
        List<BenchRunner.Watched> list = new ArrayList<>();
        pids.forEach((k, v) -> list.add(new BenchRunner.Watched(k, v)));
        return list;
    }

    private List<String> readIds(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim)
                    .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The human-readable report of a run. */
    static void print(PrintWriter out, BenchResult r) {
        BenchSpec s = r.spec();
        out.printf(Locale.ROOT, "%s: %d connections, %,d ops in %.2f s%s%s%n", s.displayName(), s.connections(),
                r.total().count() + r.total().errors(), r.seconds(),
                r.stoppedEarly() == null ? "" : " (stopped early: " + r.stoppedEarly() + ")",
                s.warmup().settle() == null ? "" : String.format(Locale.ROOT,
                        " (after %.0f s more warm-up for the JIT to settle)", r.settleSeconds()));
        Table t = new Table("OP", ">OK", ">ERRORS", ">OPS/S", ">MiB/S", ">MEAN MS", ">P50 MS", ">P90 MS", ">P99 MS",
                ">MAX MS");
        List<OpResult> rows = new ArrayList<>(r.ops());
        if (rows.size() > 1) {
            rows.add(r.total());
        }
        for (OpResult o : rows) {
            t.row(o.op(), String.format(Locale.ROOT, "%,d", o.count()), String.format(Locale.ROOT, "%,d", o.errors()),
                    String.format(Locale.ROOT, "%,.1f", o.opsPerSecond()), String.format(Locale.ROOT, "%,.2f", o.mibPerSecond()),
                    ms(o.meanMs()), ms(o.p50Ms()), ms(o.p90Ms()), ms(o.p99Ms()), ms(o.maxMs()));
        }
        t.print(out, "");
        if (r.rounds().size() > 1) {
            out.printf(Locale.ROOT, "rounds: %s ops/s; the median round (%d) is shown%n",
                    String.join(", ", r.rounds().stream().map(x -> String.format(Locale.ROOT, "%,.1f%s%s",
                            x.total().opsPerSecond(), x.disturbed() ? " (disturbed)" : "",
                            x.total().errors() > 0 ? String.format(Locale.ROOT, " (%,d errors)", x.total().errors())
                                    : "")).toList()),
                    r.shownRound() + 1);
        }
        List<ProcessUsage> known = r.processes().stream().filter(ProcessUsage::known).toList();
        if (!known.isEmpty()) {
            out.println();
            Table p = new Table("PROCESS", ">PID", ">CPU S", ">JIT CPU S", ">CPU S/1K OPS", ">RSS MiB", ">PEAK MiB");
            for (ProcessUsage u : known) {
                p.row(u.name(), u.pid(), String.format(Locale.ROOT, "%.2f", u.cpuSeconds()),
                        String.format(Locale.ROOT, "%.2f", u.compilerSeconds()),
                        String.format(Locale.ROOT, "%.3f", u.cpuSecondsPer1000Ops()),
                        String.format(Locale.ROOT, "%,.0f", u.after().rssKib() / 1024.0),
                        String.format(Locale.ROOT, "%,.0f", u.after().hwmKib() / 1024.0));
            }
            p.print(out, "");
        }
        if (r.machine() != null) {
            out.printf(Locale.ROOT, "machine: %.2f of %d cores busy, %.1f %% of the time stolen by the hypervisor%n",
                    r.machine().busyCores(), r.machine().cores(), r.machine().stealShare() * 100);
        }
        for (OpResult o : r.ops()) {
            for (OpStats.ErrorSample e : o.errorSamples()) {
                out.printf(Locale.ROOT, "%s errors: %,d x %s%n", o.op(), e.count(), e.message());
            }
        }
        out.flush();
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    <T> T parse(Supplier<T> parser, String option) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw usage("invalid " + option + ": " + e.getMessage());
        }
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
