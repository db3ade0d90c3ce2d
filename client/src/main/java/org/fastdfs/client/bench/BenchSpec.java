package org.fastdfs.client.bench;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One benchmark scenario.
 *
 * @param name        shown in results ("upload 4KiB"); empty for a name made of the mix and sizes
 * @param mix         the operations
 * @param sizes       upload sizes in bytes; uploads (and setup files) take them in turn
 * @param connections worker threads, each with its own connection to each server
 * @param count       operations to measure, or 0 when {@code duration} limits the run
 * @param duration    how long to measure, or {@code null} when {@code count} limits the run
 * @param warmup      operations run before measuring (same mix, results discarded), and how long to go
 *                    on while the watched JVMs are still compiling
 * @param files       files to upload in the setup phase for reads (download, meta-set, meta-get;
 *                    cycled over); 0 for {@code min(100, reads)}. Deletes get their own files, one
 *                    per delete ({@code count}-limited) or {@value #DURATION_DELETE_FILES} ({@code duration})
 * @param idsIn       existing file ids to read or delete instead of setup files; empty for none
 * @param keep        which files the run made are left on the cluster at the end
 * @param extension   extension of uploaded files
 * @param maxErrors   errors tolerated before the run counts as failed: a count, or with
 *                    {@code maxErrorsPercent} a percentage of the operations
 * @param maxErrorsPercent whether {@code maxErrors} is a percentage
 */
public record BenchSpec(String name, OpMix mix, List<Long> sizes, int connections, long count, Duration duration,
                        Warmup warmup, int files, List<String> idsIn, Keep keep, String extension,
                        double maxErrors, boolean maxErrorsPercent) {

    /** Files uploaded for deletes in a duration-limited run (the run stops early when they are used up). */
    public static final int DURATION_DELETE_FILES = 1000;
    /** Read files uploaded by default, at most. */
    public static final int DEFAULT_READ_FILES = 100;

    /** Which files the run made stay on the cluster at the end. */
    public enum Keep {
        /** Delete every file the run uploaded (setup, warm-up and measured uploads). */
        NONE,
        /** Keep the measured uploads (to chain scenarios with --ids-out), delete setup and warm-up files. */
        UPLOADS,
        /** Delete nothing. */
        ALL
    }

    /**
     * Operations or time to run before measuring; then, with {@code settle}, more of the same in one-second
     * rounds until the JIT compilers of the watched processes (and of this one) have been quiet for two
     * rounds in a row, for at most {@code settle}: a JVM server reaches its steady state only when its compiler threads go quiet, and
     * tens of thousands of requests may not be enough when a new client or a new request type has just
     * invalidated code compiled for the old ones.
     */
    public record Warmup(long ops, Duration time, Duration settle) {
        public static final Warmup NONE = new Warmup(0, null);
        /** The warm-up after a pause is this fraction of the first: see {@link #afterPause()}. */
        static final int AFTER_PAUSE_SHARE = 4;

        public Warmup(long ops, Duration time) {
            this(ops, time, null);
        }

        public Warmup {
            if (ops < 0) {
                throw new IllegalArgumentException("warm-up operations must not be negative");
            }
            if (ops > 0 && time != null) {
                throw new IllegalArgumentException("warm up by operations or by time, not both");
            }
            if (settle != null && (settle.isNegative() || settle.isZero())) {
                settle = null;
            }
        }

        public boolean none() {
            return ops == 0 && time == null;
        }

        public Warmup settlingFor(Duration max) {
            return new Warmup(ops, time, max);
        }

        /**
         * The warm-ups of a run of {@code rounds} rounds, in order: this one, and with more than one round
         * (when this one is not {@linkplain #none() none}) a pause and then {@link #afterPause()}.
         */
        public List<Warmup> phases(int rounds) {
            return rounds > 1 && !none() ? List.of(this, afterPause()) : List.of(this);
        }

        /**
         * The second, shorter warm-up of a run in rounds, after the servers were left idle once: a
         * {@value #AFTER_PAUSE_SHARE}th of this one (at least one operation), settling alike.
         */
        public Warmup afterPause() {
            if (none()) {
                return NONE;
            }
            return time != null ? new Warmup(0, time.dividedBy(AFTER_PAUSE_SHARE), settle)
                    : new Warmup((ops + AFTER_PAUSE_SHARE - 1) / AFTER_PAUSE_SHARE, null, settle);
        }

        @Override
        public String toString() {
            String base = time != null ? time.toMillis() / 1000.0 + "s" : ops + " ops";
            return settle == null ? base : base + ", then until the JIT settles (at most " + settle.toSeconds() + " s)";
        }
    }

    public BenchSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mix, "mix");
        sizes = List.copyOf(sizes);
        Objects.requireNonNull(warmup, "warmup");
        idsIn = List.copyOf(idsIn);
        Objects.requireNonNull(keep, "keep");
        Objects.requireNonNull(extension, "extension");
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("no file size given");
        }
        for (long s : sizes) {
            if (s < 0 || s > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("file size must be 0.." + Sizes.human(Integer.MAX_VALUE - 16)
                        + ": " + s);
            }
        }
        if (connections < 1 || connections > 1024) {
            throw new IllegalArgumentException("connections must be 1..1024: " + connections);
        }
        if ((count > 0) == (duration != null)) {
            throw new IllegalArgumentException("give either a count or a duration");
        }
        if (count < 0 || duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("count and duration must be positive");
        }
        if (files < 0) {
            throw new IllegalArgumentException("files must not be negative");
        }
        if (!idsIn.isEmpty() && mix.contains(Op.DELETE) && mix.ops().stream().anyMatch(o -> o != Op.DELETE && o.needsFile())) {
            throw new IllegalArgumentException("with --ids-in, deletes cannot be mixed with downloads or metadata "
                    + "operations (they would read deleted files)");
        }
        if (warmup.settle() != null && mix.contains(Op.DELETE)) {
            throw new IllegalArgumentException("a warm-up that waits for the JIT cannot delete: it would use up "
                    + "the files to measure");
        }
        if (maxErrors < 0 || maxErrorsPercent && maxErrors > 100) {
            throw new IllegalArgumentException("max errors must be 0..100% or a count >= 0");
        }
    }

    /** A count-limited scenario with defaults: no warm-up, setup files as needed, nothing kept, no error tolerated. */
    public static BenchSpec of(String name, OpMix mix, List<Long> sizes, int connections, long count) {
        return new BenchSpec(name, mix, sizes, connections, count, null, Warmup.NONE, 0, List.of(), Keep.NONE,
                "bin", 0, false);
    }

    public BenchSpec withWarmup(Warmup w) {
        return new BenchSpec(name, mix, sizes, connections, count, duration, w, files, idsIn, keep, extension,
                maxErrors, maxErrorsPercent);
    }

    public BenchSpec withIdsIn(List<String> ids) {
        return new BenchSpec(name, mix, sizes, connections, count, duration, warmup, files, ids, keep, extension,
                maxErrors, maxErrorsPercent);
    }

    public BenchSpec withKeep(Keep k) {
        return new BenchSpec(name, mix, sizes, connections, count, duration, warmup, files, idsIn, k, extension,
                maxErrors, maxErrorsPercent);
    }

    /** The name, or one made of the mix and sizes ("upload 4KiB"). */
    public String displayName() {
        if (!name.isEmpty()) {
            return name;
        }
        StringBuilder b = new StringBuilder(mix.toString());
        if (mix.contains(Op.UPLOAD) || idsIn.isEmpty()) {
            b.append(' ').append(String.join(",", sizes.stream().map(Sizes::format).toList()));
        }
        return b.toString();
    }

    /** Whether {@code errors} out of {@code ops} attempted operations exceed the tolerance. */
    public boolean tooManyErrors(long errors, long ops) {
        if (maxErrorsPercent) {
            return ops > 0 && errors * 100.0 / ops > maxErrors;
        }
        return errors > maxErrors;
    }
}
