package org.fastdfs.client.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.fastdfs.client.FdfsClient;

/**
 * The standard scenarios and the machine's ceilings, run in one go ({@code fdfs bench suite}, used by
 * {@code bench/run}):
 * <ol>
 *   <li>the ceilings: a loopback sendfile of the 64 MiB file, and create + write + rename of 4 KiB
 *       files in the data directory with as many threads as connections;</li>
 *   <li>upload 4 KiB x 20,000, download them x 20,000, delete them x 20,000;</li>
 *   <li>upload 1 MiB x 200, download them x 200;</li>
 *   <li>upload 64 MiB x 20, download them x 20;</li>
 * </ol>
 * each with 8 connections, warmed up, paused, warmed up again for a quarter as long, and then measured in
 * {@value #ROUNDS} rounds with a quiet machine before each (the report shows the median round). Downloads and
 * deletes work on the files of the preceding upload of the same size (the deletes of each round on that of
 * an upload round, a delete's warm-ups on the files of that upload's warm-up; a 1 MiB or 64 MiB download
 * on the last upload round's, as the upload deleted the others before each round); files left over are
 * deleted (unmeasured) after their last use. {@link Plan#smoke()} divides the
 * counts by ten for a smoke test.
 */
public final class Suite {

    /** Measured rounds of each scenario in the standard plan. */
    public static final int ROUNDS = 3;

    /** Which ceiling a scenario is compared with. */
    public enum Ceiling {
        NONE, SENDFILE, FILES
    }

    /**
     * One scenario of the suite.
     *
     * @param op      upload, download or delete (downloads and deletes use the last upload's files of {@code size})
     * @param warmup  operations before measuring
     */
    public record Step(Op op, long size, long count, long warmup, Ceiling ceiling) {
        public String name() {
            return op.label() + " " + Sizes.format(size);
        }
    }

    /**
     * What to run.
     *
     * @param sendfileSize   size of the sendfile ceiling's file
     * @param sendfileRepeat transfers of it
     * @param filesCount     files of the files ceiling (4 KiB each)
     * @param filesSize      their size
     * @param rounds         measured rounds of each scenario after its warm-up (the median is shown)
     */
    public record Plan(List<Step> steps, long sendfileSize, int sendfileRepeat, int filesCount, int filesSize,
                       boolean quick, int rounds) {

        public Plan {
            steps = List.copyOf(steps);
            if (rounds < 1) {
                throw new IllegalArgumentException("rounds must be at least 1: " + rounds);
            }
        }

        public static Plan standard() {
            return scaled(1, false);
        }

        /** The standard plan with a tenth of the operations (and less warm-up): a smoke test, not a measurement. */
        public static Plan smoke() {
            return scaled(10, true);
        }

        private static Plan scaled(int div, boolean quick) {
            long k4 = 4 * 1024;
            long m1 = 1024 * 1024;
            long m64 = 64 * m1;
            List<Step> steps = List.of(
                    // the servers' JIT needs tens of thousands of small requests to settle (a storage's
                    // compiler threads took 8 s of CPU in its first 30,000 uploads, 2 s in the next 20,000):
                    // a long-running service is measured, not a fresh JVM
                    new Step(Op.UPLOAD, k4, 20_000 / div, 60_000 / div, Ceiling.FILES),
                    // 30,000 left a storage at 0.095 ms of CPU per download, 0.06 after 80,000 more
                    // requests: the download path, too, takes tens of thousands of requests to compile
                    new Step(Op.DOWNLOAD, k4, 20_000 / div, 60_000 / div, Ceiling.NONE),
                    // warmed up by deleting the upload's warm-up files
                    new Step(Op.DELETE, k4, 20_000 / div, 30_000 / div, Ceiling.NONE),
                    new Step(Op.UPLOAD, m1, 200 / div, 1_000 / div, Ceiling.SENDFILE),
                    new Step(Op.DOWNLOAD, m1, 200 / div, 2_000 / div, Ceiling.SENDFILE),
                    new Step(Op.UPLOAD, m64, 20 / div, quick ? 0 : 5, Ceiling.SENDFILE),
                    new Step(Op.DOWNLOAD, m64, 20 / div, quick ? 0 : 5, Ceiling.SENDFILE));
            // three rounds: a scenario of 200 x 1 MiB lasts a tenth of a second, and one second of a host
            // stealing a core, or of the kernel writing back, moved single measurements by a third
            return new Plan(steps, m64, quick ? 2 : 5, 20_000 / div, (int) k4, quick, quick ? 1 : ROUNDS);
        }
    }

    /**
     * How to run it.
     *
     * @param connections threads and connections of every scenario
     * @param watched     processes whose CPU and memory are recorded per scenario
     * @param dataDir     where the ceilings write (the storage's data directory: same file system)
     * @param label       a note shown with the results ("smoke run"), or ""
     */
    public record Config(int connections, List<BenchRunner.Watched> watched, Path dataDir, String label) {
        public Config {
            watched = List.copyOf(watched);
        }
    }

    /** A scenario's outcome: a result, or why there is none. */
    public record StepResult(Step step, BenchResult result, String error) {
    }

    private Suite() {
    }

    /**
     * Runs the ceilings, then the scenarios in order. A scenario that fails does not stop the others.
     *
     * <p>No small file is deleted between the scenarios except by the delete scenario itself: the files
     * ceiling's files, warm-up uploads and files no later scenario needs are deleted at the end. On ext4
     * without a journal, creating files near recently deleted ones is slower for minutes, and a clean-up
     * would otherwise weigh on the uploads measured after it. Large files go as soon as only large
     * uploads are left ({@link #EARLY_CLEAN_UP_SIZE}); such a large upload also deletes its warm-ups' and
     * earlier rounds' files before each round ({@link BenchRunner#discardBeforeRounds()}).
     */
    public static SuiteResult run(FdfsClient client, Plan plan, Config config, Progress progress) {
        Instant started = Instant.now();
        Map<Ceiling, CeilingResult> ceilings = new LinkedHashMap<>();
        List<Path> ceilingTrees = new ArrayList<>();
        List<String> atEnd = new ArrayList<>();
        try {
            try {
                ceilings.put(Ceiling.SENDFILE, Ceilings.sendfile(config.dataDir(), plan.sendfileSize(),
                        plan.sendfileRepeat(), progress));
                ceilings.put(Ceiling.FILES, Ceilings.files(config.dataDir(), plan.filesCount(), config.connections(),
                        plan.filesSize(), progress, ceilingTrees));
            } catch (IOException e) {
                throw new UncheckedIOException("ceiling in " + config.dataDir() + ": " + e.getMessage(), e);
            }
            Map<Long, List<String>> files = new HashMap<>();
            Map<Long, List<String>> warmFiles = new HashMap<>();
            List<StepResult> results = new ArrayList<>();
            List<Step> steps = plan.steps();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                awaitIdle(config.watched(), MachineStats::read, progress);
                results.add(runStep(client, step, discardsBeforeRounds(steps, i), plan, config, files, warmFiles,
                        atEnd, progress));
                boolean cleanUpNow = onlyLargeUploadsAfter(steps, i);
                List<String> unused = new ArrayList<>();
                if (step.op() != Op.UPLOAD && !usedLater(steps, i, step.size())) {
                    List<String> left = files.remove(step.size());
                    if (left != null) {
                        (cleanUpNow && step.size() >= EARLY_CLEAN_UP_SIZE ? unused : atEnd).addAll(left);
                    }
                }
                if (cleanUpNow) {
                    unused.addAll(largeWarmUpsNoLongerNeeded(steps, i, warmFiles));
                }
                if (!unused.isEmpty()) {
                    deleteQuietly(client, unused, config, progress);
                }
            }
            files.values().forEach(atEnd::addAll);
            warmFiles.values().forEach(atEnd::addAll);
            return new SuiteResult(started, plan.quick(), config.label(), Machine.describe(config.dataDir()),
                    client.config().trackers().stream().map(Object::toString).toList(),
                    client.config().profile().toString(), config.connections(), ceilings, results);
        } finally {
            if (!atEnd.isEmpty()) {
                deleteQuietly(client, atEnd, config, progress);
            }
            for (Path tree : ceilingTrees) {
                try {
                    Ceilings.deleteTree(tree);
                } catch (IOException e) {
                    progress.note("note: could not delete " + tree + ": " + e.getMessage());
                }
            }
        }
    }

    private static StepResult runStep(FdfsClient client, Step step, boolean discard, Plan plan, Config config,
                                      Map<Long, List<String>> files, Map<Long, List<String>> warmFiles,
                                      List<String> atEnd, Progress progress) {
        BenchSpec.Warmup warmup = new BenchSpec.Warmup(step.warmup(), null);
        if (step.op() != Op.DELETE && step.warmup() > 0 && !plan.quick()) {
            warmup = warmup.settlingFor(SETTLE_MAX);
        }
        BenchSpec spec = BenchSpec.of(step.name(), OpMix.of(step.op()), List.of(step.size()), config.connections(),
                step.count()).withWarmup(warmup);
        if (step.op() == Op.UPLOAD) {
            spec = spec.withKeep(BenchSpec.Keep.ALL);
        } else {
            List<String> ids = files.get(step.size());
            if (ids == null || ids.isEmpty()) {
                progress.note(step.name() + ": skipped, no files from an upload of " + Sizes.format(step.size()));
                return new StepResult(step, null, "skipped: no uploaded files of " + Sizes.format(step.size()));
            }
            if (step.op() == Op.DELETE) {
                // the warm-ups delete the upload's warm-up files, the rounds the measured ones; the rest of the
                // warm-up files come last, for rounds measured again in place of disturbed ones
                List<String> warm = warmFiles.getOrDefault(step.size(), List.of());
                BenchSpec.Warmup deleteWarmup = new BenchSpec.Warmup(Math.min(step.warmup(), warm.size()), null);
                long perRound = Math.max(1, Math.min(step.count(), ids.size() / plan.rounds()));
                spec = BenchSpec.of(step.name(), spec.mix(), spec.sizes(), spec.connections(), perRound)
                        .withWarmup(deleteWarmup);
                int first = (int) Math.min(warm.size(),
                        deleteWarmup.phases(plan.rounds()).stream().mapToLong(BenchSpec.Warmup::ops).sum());
                List<String> all = new ArrayList<>(warm.subList(0, first));
                all.addAll(ids);
                all.addAll(warm.subList(first, warm.size()));
                ids = all;
                warmFiles.remove(step.size());
            }
            spec = spec.withIdsIn(ids);
        }
        BenchRunner runner = null;
        try {
            runner = new BenchRunner(client, spec, config.watched(), progress).rounds(plan.rounds());
            if (discard) {
                runner.discardBeforeRounds();
            }
            BenchResult r = runner.run();
            if (step.op() == Op.UPLOAD) {
                Set<String> measured = new HashSet<>(r.uploadedIds());
                List<String> warm = warmFiles.computeIfAbsent(step.size(), k -> new ArrayList<>());
                runner.leftovers().stream().filter(id -> !measured.contains(id)).forEach(warm::add);
                List<String> old = files.put(step.size(), r.uploadedIds());
                if (old != null) {
                    atEnd.addAll(old);
                }
            } else if (step.op() == Op.DELETE) {
                files.remove(step.size());
                atEnd.addAll(runner.undeleted());
            }
            return new StepResult(step, r, null);
        } catch (RuntimeException e) {
            if (runner != null) {
                atEnd.addAll(runner.leftovers());
                atEnd.addAll(runner.undeleted());
            }
            progress.note(step.name() + ": failed: " + e.getMessage());
            return new StepResult(step, null, "failed: " + e.getMessage());
        }
    }

    /**
     * The longest a scenario's warm-up goes on for the servers' JIT compilers to settle (uploads and downloads;
     * a delete's warm-up has only so many files). A storage that had served 80,000 uploads still compiled
     * for seconds after its first downloads, and a measured phase of 2 s that shares the cores with C2
     * measures the compiler.
     */
    static final Duration SETTLE_MAX = Duration.ofSeconds(30);

    /** A process is idle below this CPU share (of one core). */
    static final double IDLE_SHARE = 0.05;
    /** The machine is idle below this share of all its cores (kernel threads included). */
    static final double MACHINE_IDLE_SHARE = 0.10;
    /** ...and once the page cache holds at most this much data not yet written to disk. */
    static final long UNWRITTEN_LIMIT_KIB = 64 * 1024;
    static final Duration IDLE_WINDOW = Duration.ofSeconds(1);
    static final Duration IDLE_MAX_WAIT = Duration.ofSeconds(60);

    /**
     * Waits until every watched process uses less than {@value #IDLE_SHARE} of a core over one
     * {@link #IDLE_WINDOW}, and the machine as a whole less than {@value #MACHINE_IDLE_SHARE} of its cores
     * with at most {@value #UNWRITTEN_LIMIT_KIB} KiB of unwritten page cache (on Linux), at most
     * {@link #IDLE_MAX_WAIT}: each scenario starts on servers that have finished the previous one
     * (replicating its uploads and the deletion of its files) and on a kernel that has written its
     * uploads back, so that it measures itself and not the tail of the one before. Replication keeps
     * running during the scenario.
     *
     * <p>When only the unwritten page cache is left, it is written back at once ({@code sync}) rather
     * than when the kernel gets to it (data 30 s old, by default): the same state, reached sooner.
     *
     * @param machine the machine's figures now, or null where they cannot be read (then only the watched
     *                processes count)
     */
    static void awaitIdle(List<BenchRunner.Watched> watched, Supplier<MachineStats> machine, Progress progress) {
        awaitIdle(watched, machine, Suite::writeBack, progress);
    }

    /** {@link #awaitIdle(List, Supplier, Progress)} with {@code writeBack} run when only unwritten data is left. */
    static void awaitIdle(List<BenchRunner.Watched> watched, Supplier<MachineStats> machine, Runnable writeBack,
                          Progress progress) {
        if (watched.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + IDLE_MAX_WAIT.toNanos();
        double maxTicks = IDLE_SHARE * ProcStats.TICKS_PER_SECOND * IDLE_WINDOW.toMillis() / 1000.0;
        boolean wroteBack = false;
        while (System.nanoTime() < deadline) {
            long[] before = ticks(watched);
            MachineStats machineBefore = machine.get();
            try {
                Thread.sleep(IDLE_WINDOW.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long[] after = ticks(watched);
            MachineStats machineAfter = machine.get();
            boolean idle = true;
            for (int i = 0; i < after.length; i++) {
                idle &= after[i] < 0 || before[i] < 0 || after[i] - before[i] <= maxTicks;
            }
            if (machineAfter != null && machineBefore != null) {
                idle &= machineAfter.busyShareSince(machineBefore) < MACHINE_IDLE_SHARE;
                if (idle && machineAfter.unwrittenKib() > UNWRITTEN_LIMIT_KIB) {
                    if (!wroteBack) {
                        wroteBack = true;
                        writeBack.run();
                    }
                    idle = false;
                }
            }
            if (idle) {
                return;
            }
        }
        progress.note("note: the machine was still busy after " + IDLE_MAX_WAIT.toSeconds() + " s; going on");
    }

    /** Writes every file system's unwritten data back now ({@code sync}); does nothing where there is none. */
    private static void writeBack() {
        try {
            Process sync = new ProcessBuilder("sync").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!sync.waitFor(IDLE_MAX_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                sync.destroy();
            }
        } catch (IOException e) {
            // no sync command: the kernel writes the data back in its own time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long[] ticks(List<BenchRunner.Watched> watched) {
        long[] t = new long[watched.size()];
        for (int i = 0; i < t.length; i++) {
            ProcStats s = ProcStats.read(watched.get(i).pid());
            t[i] = s == null ? -1 : s.cpuTicks();
        }
        return t;
    }

    /**
     * Files of at least this size are deleted between scenarios, once no later scenario needs them and
     * every later scenario uploads only files this large: the warm-up of a large upload can fill the
     * disk up to the storages' reserve (a 28 s settle of 1 MiB uploads wrote 25 GB with its replicas, and
     * the 64 MiB uploads after it were refused with ENOSPC). Smaller files wait for the end: the inodes
     * a deletion frees slow the creation of small files on ext4 without a journal (above), not the
     * writing of large ones.
     */
    static final long EARLY_CLEAN_UP_SIZE = 1 << 20;

    private static boolean onlyLargeUploadsAfter(List<Step> steps, int index) {
        return steps.subList(index + 1, steps.size()).stream()
                .noneMatch(s -> s.op() == Op.UPLOAD && s.size() < EARLY_CLEAN_UP_SIZE);
    }

    /**
     * Whether the upload at {@code index} deletes its warm-ups' and earlier rounds' files before each round
     * ({@link BenchRunner#discardBeforeRounds()}, leaving the last round's for the download after it): a large
     * upload with only large uploads after it, whose files no later delete scenario needs.
     */
    private static boolean discardsBeforeRounds(List<Step> steps, int index) {
        Step step = steps.get(index);
        return step.op() == Op.UPLOAD && step.size() >= EARLY_CLEAN_UP_SIZE && onlyLargeUploadsAfter(steps, index)
                && !deletedLater(steps, index, step.size());
    }

    private static boolean deletedLater(List<Step> steps, int index, long size) {
        return steps.subList(index + 1, steps.size()).stream().anyMatch(s -> s.op() == Op.DELETE && s.size() == size);
    }

    /** Takes the warm-up files of {@link #EARLY_CLEAN_UP_SIZE} and more that no later delete scenario uses. */
    private static List<String> largeWarmUpsNoLongerNeeded(List<Step> steps, int index,
                                                          Map<Long, List<String>> warmFiles) {
        List<String> taken = new ArrayList<>();
        warmFiles.entrySet().removeIf(e -> {
            long size = e.getKey();
            boolean unused = size >= EARLY_CLEAN_UP_SIZE && !deletedLater(steps, index, size);
            if (unused) {
                taken.addAll(e.getValue());
            }
            return unused;
        });
        return taken;
    }

    private static boolean usedLater(List<Step> steps, int index, long size) {
        for (int j = index + 1; j < steps.size(); j++) {
            if (steps.get(j).size() == size) {
                return steps.get(j).op() != Op.UPLOAD;
            }
        }
        return false;
    }

    /** Deletes files outside any measurement. */
    private static void deleteQuietly(FdfsClient client, List<String> listed, Config config, Progress progress) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(listed));
        BenchSpec spec = BenchSpec.of("delete leftovers", OpMix.of(Op.DELETE), List.of(0L), config.connections(),
                ids.size()).withIdsIn(ids);
        try {
            BenchResult r = new BenchRunner(client, spec, List.of(), progress).run();
            if (r.total().errors() > 0) {
                progress.note("note: " + r.total().errors() + " leftover files could not be deleted");
            }
        } catch (RuntimeException e) {
            progress.note("note: leftover files could not be deleted: " + e.getMessage());
        }
    }
}
