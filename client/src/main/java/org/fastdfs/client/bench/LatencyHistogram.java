package org.fastdfs.client.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free histogram of durations in nanoseconds with log-linear buckets (as HdrHistogram): values
 * below 128 are exact; above, each power of two is split in 64 buckets, so a reported percentile is
 * within 1/64 (1.6 %) of the true value and never above the recorded maximum. Any thread may
 * {@link #record} while others read; reads are a consistent-enough snapshot for progress lines and
 * exact once the writers have stopped.
 */
public final class LatencyHistogram {

    /** log2 of the sub-buckets per power of two above the linear range. */
    static final int SUB_BITS = 6;
    private static final int SUB = 1 << SUB_BITS;          // 64
    private static final int LINEAR = SUB << 1;             // 128: exact below this
    /** Buckets needed for every non-negative long. */
    static final int BUCKETS = index(Long.MAX_VALUE) + 1;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAdder count = new LongAdder();
    private final LongAdder sum = new LongAdder();
    private final AtomicLong max = new AtomicLong(0);
    private final AtomicLong min = new AtomicLong(Long.MAX_VALUE);

    /** Records one value (negative values count as 0). */
    public void record(long nanos) {
        long v = Math.max(0, nanos);
        counts.incrementAndGet(index(v));
        count.increment();
        sum.add(v);
        if (v > max.get()) {
            max.accumulateAndGet(v, Math::max);
        }
        if (v < min.get()) {
            min.accumulateAndGet(v, Math::min);
        }
    }

    /** The bucket of {@code v} (v >= 0). */
    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int msb = 63 - Long.numberOfLeadingZeros(v);     // >= 7
        int shift = msb - SUB_BITS;                        // >= 1
        // v >>> shift is in [SUB, 2*SUB); bucket groups of SUB per shift follow the linear range
        return (shift + 1) * SUB + (int) ((v >>> shift) - SUB);
    }

    /** The smallest value that falls in bucket {@code i}. */
    static long lowest(int i) {
        if (i < LINEAR) {
            return i;
        }
        int shift = i / SUB - 1;
        long mantissa = SUB + (i % SUB);
        return mantissa << shift;
    }

    /** The largest value that falls in bucket {@code i}. */
    static long highest(int i) {
        if (i < LINEAR) {
            return i;
        }
        int shift = i / SUB - 1;
        long mantissa = SUB + (i % SUB);
        return ((mantissa + 1) << shift) - 1;
    }

    public long count() {
        return count.sum();
    }

    /** The largest value recorded, 0 when empty. */
    public long max() {
        return max.get();
    }

    /** The smallest value recorded, 0 when empty. */
    public long min() {
        long m = min.get();
        return m == Long.MAX_VALUE ? 0 : m;
    }

    /** The mean of the recorded values, 0 when empty. */
    public double mean() {
        long n = count.sum();
        return n == 0 ? 0 : (double) sum.sum() / n;
    }

    /**
     * The value below or at which {@code percentile} percent of the recorded values fall (the
     * highest value of that bucket, capped at the maximum), 0 when empty.
     */
    public long percentile(double percentile) {
        if (percentile < 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be 0..100: " + percentile);
        }
        long total = 0;
        long[] snapshot = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
            total += snapshot[i];
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return Math.min(highest(i), max());
            }
        }
        return max();
    }
}
