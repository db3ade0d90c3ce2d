package org.fastdfs.client.bench;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress line of a running phase on stderr: redrawn in place ({@code \r}) every second on a
 * terminal, a plain line every few seconds otherwise (logs, CI). Rates are those of the last interval.
 */
public abstract class Progress {

    /** Shows nothing. */
    public static final Progress NONE = new Progress() {
        @Override
        public Phase start(String label, long target, long durationNanos, Counters counters) {
            return () -> { };
        }

        @Override
        public void note(String message) {
        }
    };

    /** What a phase has done so far. */
    public record Counters(LongSupplier ops, LongSupplier bytes, LongSupplier errors) {
    }

    /** A running phase's display; {@link #close()} prints its final state. */
    public interface Phase extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Starts showing a phase.
     *
     * @param target        operations to do, or 0 when the phase is limited by time
     * @param durationNanos length of a time-limited phase, else 0
     */
    public abstract Phase start(String label, long target, long durationNanos, Counters counters);

    /** A message line between phases. */
    public abstract void note(String message);

    /**
     * Progress on {@code err}.
     *
     * @param terminal redraw one line every second rather than print a line every {@code plainEveryMillis}
     */
    public static Progress to(PrintWriter err, boolean terminal, long plainEveryMillis) {
        return new Printing(err, terminal, terminal ? 1000 : plainEveryMillis);
    }

    private static final class Printing extends Progress {
        private final PrintWriter err;
        private final boolean terminal;
        private final long everyMillis;

        Printing(PrintWriter err, boolean terminal, long everyMillis) {
            this.err = err;
            this.terminal = terminal;
            this.everyMillis = everyMillis;
        }

        @Override
        public synchronized void note(String message) {
            err.println(message);
            err.flush();
        }

        @Override
        public Phase start(String label, long target, long durationNanos, Counters counters) {
            long start = System.nanoTime();
            long[] last = {start, 0, 0}; // time, ops, bytes at the previous line
            Thread t = Thread.ofPlatform().daemon().name("bench-progress").unstarted(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(everyMillis);
                        draw(label, target, durationNanos, counters, start, last, false);
                    }
                } catch (InterruptedException e) {
                    // the phase ended
                }
            });
            t.start();
            return () -> {
                t.interrupt();
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                draw(label, target, durationNanos, counters, start, last, true);
            };
        }

        private synchronized void draw(String label, long target, long durationNanos, Counters c, long start,
                                       long[] last, boolean end) {
            long now = System.nanoTime();
            long ops = c.ops().getAsLong();
            long bytes = c.bytes().getAsLong();
            String text = line(label, target, durationNanos, now - start, ops, bytes, c.errors().getAsLong(),
                    end ? now - start : now - last[0], end ? ops : ops - last[1], end ? bytes : bytes - last[2], end);
            last[0] = now;
            last[1] = ops;
            last[2] = bytes;
            if (terminal) {
                err.print("\r" + text + "\u001b[K");
                if (end) {
                    err.println();
                }
            } else {
                err.println(text);
            }
            err.flush();
        }
    }

    /** One progress line; the rates are over {@code intervalNanos} ({@code end}: over the whole phase). */
    static String line(String label, long target, long durationNanos, long elapsedNanos, long ops, long bytes,
                       long errors, long intervalNanos, long intervalOps, long intervalBytes, boolean end) {
        double seconds = intervalNanos / 1e9;
        double rate = seconds > 0 ? intervalOps / seconds : 0;
        double mib = seconds > 0 ? intervalBytes / seconds / (1024 * 1024) : 0;
        String done = target > 0 ? String.format(Locale.ROOT, "%,d/%,d ops", ops, target)
                : String.format(Locale.ROOT, "%,d ops", ops);
        String time = durationNanos > 0
                ? String.format(Locale.ROOT, "%.0f/%.0fs", elapsedNanos / 1e9, durationNanos / 1e9)
                : String.format(Locale.ROOT, "%.1fs", elapsedNanos / 1e9);
        return String.format(Locale.ROOT, "%s %s  %s  %,.0f ops/s  %.1f MiB/s  %,d errors%s", label, time, done,
                rate, mib, errors, end ? "  (done)" : "");
    }
}
