package org.fastdfs.client.bench;

import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.fastdfs.client.Content;
import org.fastdfs.client.FdfsClient;
import org.fastdfs.client.FdfsException;
import org.fastdfs.client.UploadOptions;
import org.fastdfs.meta.MetaItem;
import org.fastdfs.meta.Metadata;
import org.fastdfs.meta.MetadataMode;
import org.fastdfs.proto.Status;

/**
 * Runs one {@link BenchSpec} with the {@link FdfsClient} library: {@code connections} platform
 * threads, one operation at a time each; give it a client whose pool allows that many connections
 * per server ({@code maxConnectionsPerServer}).
 *
 * <p>Phases, each on all threads:
 * <ol>
 *   <li><b>setup</b> (not measured): uploads the files that downloads, metadata operations and
 *       deletes work on, unless {@link BenchSpec#idsIn()} gives them;</li>
 *   <li><b>warm-up</b> (not measured): the mix for {@link BenchSpec#warmup()}; in rounds, a pause and a
 *       shorter second warm-up follow;</li>
 *   <li><b>measure</b>: the mix for the count or duration; the watched processes are read from
 *       /proc right before and after; in {@linkplain #rounds rounds} when asked, each measured alike;</li>
 *   <li><b>cleanup</b> (not measured): deletes the files the run uploaded, as {@link BenchSpec#keep()} says.</li>
 * </ol>
 * Uploads send one random payload per size, generated once, from memory; downloads write to a
 * discarding stream: the benchmark measures the servers, not the client's disk. The latency of an
 * operation is that of the library call, tracker query included.
 */
public final class BenchRunner {

    /** A local process to watch (name and pid), e.g. a storage. */
    public record Watched(String name, long pid) {
    }

    /** Metadata written by meta-set and by setup files of meta-get runs. */
    static final Metadata METADATA = Metadata.of(new MetaItem("bench", "fdfs"), new MetaItem("width", "1024"));

    private final FdfsClient client;
    private final BenchSpec spec;
    private final List<Watched> watched;
    private final Progress progress;
    private final byte[][] payloads;
    private final UploadOptions uploadOptions;
    private final AtomicLong uploads = new AtomicLong();
    /** Files this run uploaded that are still there. */
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> measuredUploads = new ConcurrentLinkedQueue<>();
    private List<String> readIds = List.of();
    private final AtomicLong readCursor = new AtomicLong();
    private List<String> deleteIds = List.of();
    private final AtomicInteger deleteCursor = new AtomicInteger();
    private Function<List<Watched>, long[]> compilerReader = BenchRunner::compilerTicks;
    private Supplier<MachineStats> machineReader = MachineStats::read;
    private int rounds = 1;
    private Runnable betweenRounds = () -> { };
    private boolean discardBeforeRounds;
    /** Uploads of the warm-ups and rounds not yet deleted by {@link #discardBeforeRounds()}. */
    private final ConcurrentLinkedQueue<String> phaseUploads = new ConcurrentLinkedQueue<>();

    /**
     * @param watched  processes whose memory and CPU are recorded over the measured phase; this JVM
     *                 is added as "client" when /proc can be read
     * @param progress where progress lines go
     */
    public BenchRunner(FdfsClient client, BenchSpec spec, List<Watched> watched, Progress progress) {
        this.client = client;
        this.spec = spec;
        this.watched = List.copyOf(watched);
        this.progress = progress;
        this.payloads = new byte[spec.sizes().size()][];
        Random random = new Random(0x5EED_FDF5L);
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = new byte[Math.toIntExact(spec.sizes().get(i))];
            random.nextBytes(payloads[i]);
        }
        this.uploadOptions = UploadOptions.DEFAULT.extension(spec.extension());
    }

    /**
     * Runs the scenario.
     *
     * @throws RuntimeException the first failure of the setup phase (a setup upload failed), after the
     *                          files already made were deleted again
     */
    public BenchResult run() {
        String label = spec.displayName();
        try {
            setup(label);
            List<Watched> all = new ArrayList<>(watched);
            long self = ProcessHandle.current().pid();
            if (ProcStats.read(self) != null && watched.stream().noneMatch(w -> w.pid() == self)) {
                all.add(new Watched("client", self));
            }
            double settled = 0;
            List<BenchSpec.Warmup> warmups = spec.warmup().phases(rounds);
            for (int w = 0; w < warmups.size(); w++) {
                BenchSpec.Warmup warmup = warmups.get(w);
                if (w > 0) {
                    // a server's code for the first requests after a pause (an idle event loop waking up,
                    // trimmed buffer caches) is compiled only once it ran: the first round after a pause was
                    // seen throwing compiled code away (uncommon traps in Netty's allocator and event loop)
                    pause(label);
                }
                if (!warmup.none()) {
                    runPhase(new Phase(label + (w == 0 ? " [warm-up]" : " [warm-up after a pause]"), warmup.ops(),
                            nanos(warmup.time()), false));
                }
                settled += warmup.settle() == null ? 0 : settle(label, all, warmup.settle());
            }
            List<BenchResult.Round> measured = new ArrayList<>();
            int clean = 0;
            int most = rounds > 1 ? 2 * rounds : 1;
            for (int i = 0; clean < rounds && i < most; i++) {
                if (i >= rounds && !filesForAnotherRound()) {
                    progress.note(label + ": no files left to measure a disturbed round again");
                    break;
                }
                if (rounds > 1) {
                    pause(label);
                }
                String name = rounds == 1 ? label : i < rounds
                        ? String.format(Locale.ROOT, "%s [round %d of %d]", label, i + 1, rounds)
                        : String.format(Locale.ROOT, "%s [round %d, in place of a disturbed one]", label, i + 1);
                BenchResult.Round round = measure(new Phase(name, spec.count(), nanos(spec.duration()), true), all);
                measured.add(round);
                if (round.stoppedEarly() != null) {
                    break;
                }
                if (round.disturbed()) {
                    progress.note(String.format(Locale.ROOT, "%s: the hypervisor stole %.0f %% of the round; measuring "
                            + "another", name, round.machine().stealShare() * 100));
                } else {
                    clean++;
                }
            }
            return new BenchResult(spec, client.config().trackers().stream().map(Object::toString).toList(),
                    client.config().profile().toString(), measured, settled, List.copyOf(measuredUploads));
        } finally {
            cleanup(label);
        }
    }

    /** The pause before a round (or before the second warm-up): the discarding, if asked, then the wait. */
    private void pause(String label) {
        if (discardBeforeRounds) {
            List<String> doomed = new ArrayList<>();
            for (String id; (id = phaseUploads.poll()) != null; ) {
                doomed.add(id);
            }
            delete(label + " [deleting the uploads before the pause]", doomed);
            measuredUploads.removeAll(Set.copyOf(doomed));
        }
        betweenRounds.run();
    }

    /** Runs a measured phase, reading the watched processes and the machine right before and after. */
    private BenchResult.Round measure(Phase phase, List<Watched> all) {
        List<ProcStats> before = all.stream().map(w -> ProcStats.read(w.pid())).toList();
        MachineStats machineBefore = machineReader.get();
        Instant started = Instant.now();
        long nanos = runPhase(phase);
        MachineStats machineAfter = machineReader.get();
        List<ProcStats> after = all.stream().map(w -> ProcStats.read(w.pid())).toList();
        double secs = nanos / 1e9;
        List<OpResult> ops = new ArrayList<>();
        phase.byOp.values().forEach(s -> ops.add(OpResult.of(s, secs)));
        OpResult total = OpResult.of(phase.total, secs);
        long attempted = total.count() + total.errors();
        List<ProcessUsage> usage = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            usage.add(new ProcessUsage(all.get(i).name(), all.get(i).pid(), before.get(i), after.get(i), attempted));
        }
        return new BenchResult.Round(started, secs, ops, total, usage, MachineUsage.of(machineBefore, machineAfter),
                phase.stopReason.get());
    }

    /**
     * Measures {@code n} rounds instead of one; before each round, waits for the watched processes and the
     * machine to go quiet ({@link Suite#awaitIdle}: the servers finish replicating the warm-up's or the last
     * round's uploads), so every round starts alike, after a pause. With {@code n > 1} the warm-up is
     * followed by such a pause and a shorter second warm-up ({@link BenchSpec.Warmup#afterPause()}): the
     * servers' JIT has then also seen the first requests after a pause. A round the hypervisor stole more than
     * {@link BenchResult.Round#STEAL_LIMIT} of is {@linkplain BenchResult.Round#disturbed() disturbed}: another
     * is measured in its place, up to {@code n} more rounds in all (deletes only while files are left for a
     * whole round). The result shows the median of the undisturbed rounds and lists them all.
     */
    public BenchRunner rounds(int n) {
        return rounds(n, () -> Suite.awaitIdle(watched, MachineStats::read, progress));
    }

    /**
     * Before each pause of {@link #rounds(int)}, deletes what the warm-ups and the rounds uploaded so far: every
     * round then starts with none of the run's uploads on the cluster, and only the last round's uploads are
     * left at the end (as {@link BenchResult#uploadedIds()}). For large uploads on a machine whose writes slow
     * down with the data it has just written and still holds: on the benchmark's VM, 1 MiB uploads ran at
     * 210 MiB/s with 8 GB of the same run's files still there, and at 500 MiB/s once they were deleted (C
     * FastDFS alike). Not for small files: on ext4 without a journal, deletions slow the creation of files
     * near them for minutes.
     */
    public BenchRunner discardBeforeRounds() {
        this.discardBeforeRounds = true;
        return this;
    }

    /** {@link #rounds(int)} with {@code between} run for each pause. */
    BenchRunner rounds(int n, Runnable between) {
        if (n < 1) {
            throw new IllegalArgumentException("rounds must be at least 1: " + n);
        }
        this.rounds = n;
        this.betweenRounds = between;
        return this;
    }

    /**
     * The ids a delete run did not get to (after {@link #run}; empty for other runs): of {@code --ids-in}
     * ids, those still on the cluster; of setup files, those its cleanup deleted.
     */
    public List<String> undeleted() {
        return List.copyOf(deleteIds.subList(Math.min(deleteCursor.get(), deleteIds.size()), deleteIds.size()));
    }

    /** Whether a count-limited delete run has files left for one more whole round (other runs always do). */
    private boolean filesForAnotherRound() {
        if (!spec.mix().contains(Op.DELETE) || spec.count() == 0) {
            return true;
        }
        return deleteIds.size() - deleteCursor.get() >= spec.mix().countIn(Op.DELETE, spec.count());
    }

    /** Compiler CPU below this share of one core over a settle round counts as quiet. */
    static final double JIT_QUIET_SHARE = 0.05;
    static final Duration SETTLE_ROUND = Duration.ofSeconds(1);
    /**
     * Quiet rounds in a row that end the settling: compilation comes in bursts, and after a single quiet
     * second a storage's compilers were seen to take 23 % of its CPU in the measured phase.
     */
    static final int QUIET_ROUNDS = 2;

    /**
     * Goes on warming up in rounds of {@link #SETTLE_ROUND} until, {@value #QUIET_ROUNDS} rounds in a row,
     * no process of {@code all} spent more than {@value #JIT_QUIET_SHARE} of a core compiling, at most
     * {@code max}; returns the seconds it took.
     */
    private double settle(String label, List<Watched> all, Duration max) {
        long start = System.nanoTime();
        long end = start + max.toNanos();
        long quietTicks = Math.round(JIT_QUIET_SHARE * ProcStats.TICKS_PER_SECOND * SETTLE_ROUND.toMillis() / 1000.0);
        long[] before = compilerReader.apply(all);
        int quietRounds = 0;
        while (quietRounds < QUIET_ROUNDS) {
            runPhase(new Phase(label + " [warm-up until the JIT settles]", 0, SETTLE_ROUND.toNanos(), false));
            long[] after = compilerReader.apply(all);
            boolean quiet = true;
            for (int i = 0; i < after.length; i++) {
                quiet &= after[i] - before[i] <= quietTicks;
            }
            quietRounds = quiet ? quietRounds + 1 : 0;
            before = after;
            if (quietRounds < QUIET_ROUNDS && System.nanoTime() - end >= 0) {
                progress.note(String.format(Locale.ROOT, "%s: JIT compilers still busy after %.0f s of extra warm-up",
                        label, (System.nanoTime() - start) / 1e9));
                break;
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Replaces how the machine's figures are read around each round (tests script the steal). */
    BenchRunner machineReader(Supplier<MachineStats> reader) {
        this.machineReader = reader;
        return this;
    }

    /** Replaces how the compiler threads' CPU ticks of the processes are read (tests script them). */
    BenchRunner compilerReader(Function<List<Watched>, long[]> reader) {
        this.compilerReader = reader;
        return this;
    }

    private static long[] compilerTicks(List<Watched> all) {
        long[] t = new long[all.size()];
        for (int i = 0; i < t.length; i++) {
            ProcStats s = ProcStats.read(all.get(i).pid());
            t[i] = s == null ? 0 : s.compilerTicks();
        }
        return t;
    }

    /** The files this run uploaded that are still there (after {@link #run}: what its {@code keep} left). */
    public List<String> leftovers() {
        return List.copyOf(created);
    }

    private static long nanos(java.time.Duration d) {
        return d == null ? 0 : d.toNanos();
    }

    // ------------------------------------------------------------------ setup

    private void setup(String label) {
        List<Op> reads = spec.mix().ops().stream().filter(o -> o.needsFile() && o != Op.DELETE).toList();
        boolean deletes = spec.mix().contains(Op.DELETE);
        if (!spec.idsIn().isEmpty()) {
            if (deletes) {
                deleteIds = spec.idsIn();
            } else {
                readIds = spec.idsIn();
            }
            return;
        }
        int readFiles = 0;
        if (!reads.isEmpty()) {
            long needed = spec.count() > 0
                    ? reads.stream().mapToLong(o -> spec.mix().countIn(o, spec.count()) * rounds + warmupCount(o)).sum()
                    : BenchSpec.DEFAULT_READ_FILES;
            readFiles = spec.files() > 0 ? spec.files() : (int) Math.max(1, Math.min(BenchSpec.DEFAULT_READ_FILES, needed));
        }
        int deleteFiles = 0;
        if (deletes) {
            deleteFiles = spec.count() > 0
                    ? Math.toIntExact(spec.mix().countIn(Op.DELETE, spec.count()) * rounds + warmupCount(Op.DELETE))
                    : spec.files() > 0 ? spec.files() : BenchSpec.DURATION_DELETE_FILES * rounds;
        }
        int total = readFiles + deleteFiles;
        if (total == 0) {
            return;
        }
        UploadOptions options = spec.mix().contains(Op.META_GET) ? uploadOptions.metadata(METADATA) : uploadOptions;
        String[] ids = new String[total];
        AtomicLong next = new AtomicLong();
        OpStats stats = new OpStats("setup");
        AtomicReference<RuntimeException> first = new AtomicReference<>();
        try (Progress.Phase p = progress.start(label + " [setup]", total, 0,
                new Progress.Counters(stats::count, stats::bytes, stats::errors))) {
            runThreads(() -> {
                for (long i; (i = next.getAndIncrement()) < total && first.get() == null; ) {
                    byte[] payload = payloads[(int) (i % payloads.length)];
                    long start = System.nanoTime();
                    try {
                        String id = client.upload(Content.of(payload), options).fileId();
                        created.add(id);
                        ids[(int) i] = id;
                        stats.success(System.nanoTime() - start, payload.length);
                    } catch (RuntimeException e) {
                        stats.failure(e);
                        first.compareAndSet(null, e);
                    }
                }
            });
        }
        if (first.get() != null) {
            throw first.get();
        }
        readIds = List.of(ids).subList(0, readFiles);
        deleteIds = List.of(ids).subList(readFiles, total);
    }

    /** Files {@code op} uses up in the warm-ups: the first, and in rounds the one after a pause. */
    private long warmupCount(Op op) {
        long n = 0;
        for (BenchSpec.Warmup w : spec.warmup().phases(rounds)) {
            n += w.time() != null ? (op == Op.DELETE ? BenchSpec.DURATION_DELETE_FILES : 0) : spec.mix().countIn(op, w.ops());
        }
        return n;
    }

    private String nextReadId() {
        return readIds.get((int) Math.floorMod(readCursor.getAndIncrement(), (long) readIds.size()));
    }

    private String nextDeleteId() {
        int i = deleteCursor.getAndIncrement();
        return i < deleteIds.size() ? deleteIds.get(i) : null;
    }

    // ----------------------------------------------------------------- phases

    private final class Phase {
        final String label;
        final long limit;
        final long durationNanos;
        final boolean measured;
        final AtomicLong tickets = new AtomicLong();
        final Map<Op, OpStats> byOp = new EnumMap<>(Op.class);
        final OpStats total = new OpStats("total");
        final AtomicReference<String> stopReason = new AtomicReference<>();
        long deadline;

        Phase(String label, long limit, long durationNanos, boolean measured) {
            this.label = label;
            this.limit = limit;
            this.durationNanos = durationNanos;
            this.measured = measured;
            for (Op op : spec.mix().ops()) {
                byOp.put(op, new OpStats(op.label()));
            }
        }
    }

    /** Runs a phase on every thread; returns its length in nanoseconds. */
    private long runPhase(Phase phase) {
        Progress.Counters counters = new Progress.Counters(() -> phase.total.count() + phase.total.errors(),
                phase.total::bytes, phase.total::errors);
        long start;
        try (Progress.Phase p = progress.start(phase.label, phase.limit, phase.durationNanos, counters)) {
            start = System.nanoTime();
            phase.deadline = start + phase.durationNanos;
            runThreads(() -> work(phase));
            return System.nanoTime() - start;
        }
    }

    private void work(Phase phase) {
        while (phase.stopReason.get() == null) {
            long ticket = phase.tickets.getAndIncrement();
            if (phase.limit > 0 ? ticket >= phase.limit : System.nanoTime() - phase.deadline >= 0) {
                return;
            }
            execute(spec.mix().opAt(ticket), phase);
        }
    }

    private void execute(Op op, Phase phase) {
        String id = null;
        if (op == Op.DELETE) {
            id = nextDeleteId();
            if (id == null) {
                phase.stopReason.compareAndSet(null, "no files left to delete after " + deleteIds.size() + " deletes");
                return;
            }
        } else if (op.needsFile()) {
            id = nextReadId();
        }
        OpStats stats = phase.byOp.get(op);
        long start = System.nanoTime();
        try {
            long bytes = switch (op) {
                case UPLOAD -> upload(phase);
                case DOWNLOAD -> client.download(id, OutputStream.nullOutputStream());
                case DELETE -> {
                    client.delete(id);
                    created.remove(id);
                    yield 0L;
                }
                case META_SET -> {
                    client.setMetadata(id, METADATA, MetadataMode.OVERWRITE);
                    yield 0L;
                }
                case META_GET -> {
                    client.getMetadata(id);
                    yield 0L;
                }
                case LOCATE -> {
                    client.locate(id);
                    yield 0L;
                }
            };
            long nanos = System.nanoTime() - start;
            stats.success(nanos, bytes);
            phase.total.success(nanos, bytes);
        } catch (RuntimeException e) {
            stats.failure(e);
            phase.total.failure(e);
        }
    }

    private long upload(Phase phase) {
        byte[] payload = payloads[(int) (uploads.getAndIncrement() % payloads.length)];
        String id = client.upload(Content.of(payload), uploadOptions).fileId();
        created.add(id);
        if (phase.measured) {
            measuredUploads.add(id);
        }
        if (discardBeforeRounds) {
            phaseUploads.add(id);
        }
        return payload.length;
    }

    // ---------------------------------------------------------------- cleanup

    private void cleanup(String label) {
        if (spec.keep() == BenchSpec.Keep.ALL) {
            return;
        }
        if (spec.keep() == BenchSpec.Keep.UPLOADS) {
            measuredUploads.forEach(created::remove);
        }
        delete(label + " [cleanup]", List.copyOf(created));
    }

    /** Deletes files of this run (unmeasured); one that is already gone counts as deleted. */
    private void delete(String phaseLabel, List<String> doomed) {
        if (doomed.isEmpty()) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        OpStats stats = new OpStats("cleanup");
        try (Progress.Phase p = progress.start(phaseLabel, doomed.size(), 0,
                new Progress.Counters(() -> stats.count() + stats.errors(), stats::bytes, stats::errors))) {
            runThreads(() -> {
                for (int i; (i = next.getAndIncrement()) < doomed.size(); ) {
                    try {
                        client.delete(doomed.get(i));
                        created.remove(doomed.get(i));
                        stats.success(0, 0);
                    } catch (FdfsException e) {
                        if (e.status() == Status.ENOENT.code()) {
                            stats.success(0, 0);
                        } else {
                            stats.failure(e);
                        }
                    } catch (RuntimeException e) {
                        stats.failure(e);
                    }
                }
            });
        }
        if (stats.errors() > 0) {
            progress.note("note: " + stats.errors() + " of the " + doomed.size() + " files this run made could not be "
                    + "deleted: " + stats.errorSamples().get(0).message());
        }
    }

    private void runThreads(Runnable body) {
        int n = spec.connections();
        List<Thread> threads = new ArrayList<>(n);
        AtomicReference<Throwable> crash = new AtomicReference<>();
        for (int i = 0; i < n; i++) {
            threads.add(Thread.ofPlatform().name("bench-" + i).start(() -> {
                try {
                    body.run();
                } catch (Throwable t) {
                    crash.compareAndSet(null, t);
                }
            }));
        }
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = crash.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }
}
