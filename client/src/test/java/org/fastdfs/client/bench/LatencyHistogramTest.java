package org.fastdfs.client.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void anEmptyHistogramReportsZeros() {
        LatencyHistogram h = new LatencyHistogram();

        assertThat(h.count()).isZero();
        assertThat(h.percentile(50)).isZero();
        assertThat(h.max()).isZero();
        assertThat(h.min()).isZero();
        assertThat(h.mean()).isZero();
    }

    @Test
    void smallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 100; v++) {
            h.record(v);
        }

        assertThat(h.percentile(50)).isEqualTo(50);
        assertThat(h.percentile(90)).isEqualTo(90);
        assertThat(h.percentile(99)).isEqualTo(99);
        assertThat(h.percentile(100)).isEqualTo(100);
        assertThat(h.percentile(0)).isEqualTo(1);
        assertThat(h.mean()).isEqualTo(50.5);
        assertThat(h.min()).isEqualTo(1);
    }

    @Test
    void everyValueFallsInABucketWhoseBoundsHoldIt() {
        SplittableRandom r = new SplittableRandom(7);
        List<Long> values = new ArrayList<>(List.of(0L, 1L, 127L, 128L, 129L, 255L, 256L, 1L << 40, Long.MAX_VALUE));
        for (int i = 0; i < 100_000; i++) {
            values.add(r.nextLong(1L << r.nextInt(1, 63)));
        }
        for (long v : values) {
            int i = LatencyHistogram.index(v);
            assertThat(i).isBetween(0, LatencyHistogram.BUCKETS - 1);
            assertThat(LatencyHistogram.lowest(i)).isLessThanOrEqualTo(v);
            assertThat(LatencyHistogram.highest(i)).isGreaterThanOrEqualTo(v);
            assertThat((double) LatencyHistogram.highest(i) - LatencyHistogram.lowest(i))
                    .isLessThanOrEqualTo(Math.max(0, v / 64.0));
        }
    }

    @Test
    void bucketsAreContiguous() {
        for (int i = 1; i < LatencyHistogram.BUCKETS; i++) {
            assertThat(LatencyHistogram.lowest(i)).isEqualTo(LatencyHistogram.highest(i - 1) + 1);
        }
    }

    @Test
    void percentilesOfMillisecondLatenciesAreWithinTwoPercent() {
        SplittableRandom r = new SplittableRandom(42);
        long[] values = new long[200_000];
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            // log-normal-ish: 100 us .. 50 ms
            values[i] = (long) (100_000 * Math.exp(r.nextDouble() * Math.log(500)));
            h.record(values[i]);
        }
        Arrays.sort(values);

        for (double p : new double[] {50, 90, 99, 99.9}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            assertThat((double) h.percentile(p)).as("p%s", p).isCloseTo(exact, within(exact * 0.02));
            assertThat(h.percentile(p)).isGreaterThanOrEqualTo(exact);
        }
        assertThat(h.max()).isEqualTo(values[values.length - 1]);
        assertThat(h.percentile(100)).isEqualTo(h.max());
        assertThat(h.count()).isEqualTo(values.length);
    }

    @Test
    void aPercentileNeverExceedsTheMaximum() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(1_000_001);

        assertThat(h.percentile(99)).isEqualTo(1_000_001);
    }

    @Test
    void negativeValuesCountAsZero() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(-5);

        assertThat(h.count()).isEqualTo(1);
        assertThat(h.max()).isZero();
    }

    @Test
    void recordsFromManyThreadsAreAllCounted() throws InterruptedException {
        LatencyHistogram h = new LatencyHistogram();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int seed = t;
            threads.add(Thread.ofPlatform().start(() -> {
                SplittableRandom r = new SplittableRandom(seed);
                for (int i = 0; i < 50_000; i++) {
                    h.record(r.nextLong(1, 10_000_000));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(h.count()).isEqualTo(400_000);
        assertThat(h.percentile(50)).isBetween(4_800_000L, 5_200_000L);
    }

    @Test
    void rejectsAPercentileOutsideZeroToHundred() {
        assertThatThrownBy(() -> new LatencyHistogram().percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
