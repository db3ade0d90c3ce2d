package org.fastdfs.client.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sizes, operation mixes and scenario checks. */
class OptionParsingTest {

    @Test
    void parsesSizesWithBinaryUnits() {
        assertThat(Sizes.parse("4KiB")).isEqualTo(4096);
        assertThat(Sizes.parse("4k")).isEqualTo(4096);
        assertThat(Sizes.parse("4 KB")).isEqualTo(4096);
        assertThat(Sizes.parse("1MiB")).isEqualTo(1 << 20);
        assertThat(Sizes.parse("64M")).isEqualTo(64L << 20);
        assertThat(Sizes.parse("2GiB")).isEqualTo(2L << 30);
        assertThat(Sizes.parse("512")).isEqualTo(512);
        assertThat(Sizes.parse("0")).isZero();
    }

    @Test
    void rejectsMalformedSizes() {
        for (String bad : List.of("", "KiB", "4XB", "-1", "1.5MiB", "99999999999999999999")) {
            assertThatThrownBy(() -> Sizes.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void formatsSizesInTheirLargestExactUnit() {
        assertThat(Sizes.format(4096)).isEqualTo("4KiB");
        assertThat(Sizes.format(64L << 20)).isEqualTo("64MiB");
        assertThat(Sizes.format(1000)).isEqualTo("1000B");
        assertThat(Sizes.format(0)).isEqualTo("0B");
        assertThat(Sizes.human(1536)).isEqualTo("1.5 KiB");
    }

    @Test
    void parsesSingleOperations() {
        assertThat(OpMix.parse("upload").weights()).isEqualTo(Map.of(Op.UPLOAD, 1));
        assertThat(OpMix.parse("Download").ops()).containsExactly(Op.DOWNLOAD);
        assertThat(OpMix.parse("meta").weights()).containsExactly(Map.entry(Op.META_SET, 50), Map.entry(Op.META_GET, 50));
    }

    @Test
    void parsesMixes() {
        OpMix mix = OpMix.parse("mixed=upload:70,download:30");

        assertThat(mix.weights()).containsExactly(Map.entry(Op.UPLOAD, 70), Map.entry(Op.DOWNLOAD, 30));
        assertThat(mix.toString()).isEqualTo("upload:70,download:30");
        assertThat(OpMix.parse("upload:1, delete:1").ops()).containsExactly(Op.UPLOAD, Op.DELETE);
    }

    @Test
    void rejectsMalformedMixes() {
        for (String bad : List.of("", "copy", "mixed=copy", "upload:0", "upload:x", "upload:1,upload:2", "upload:70,",
                "mixed=:5")) {
            assertThatThrownBy(() -> OpMix.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void interleavesAMixEvenlyAndCountsExactly() {
        OpMix mix = OpMix.parse("upload:70,download:30");
        List<Op> first10 = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first10.add(mix.opAt(i));
        }

        assertThat(first10).filteredOn(o -> o == Op.UPLOAD).hasSize(7);
        assertThat(first10).doesNotContainSequence(Op.DOWNLOAD, Op.DOWNLOAD);
        assertThat(mix.countIn(Op.UPLOAD, 1000)).isEqualTo(700);
        assertThat(mix.countIn(Op.DOWNLOAD, 1003)).isEqualTo(300 + first10.subList(0, 3).stream()
                .filter(o -> o == Op.DOWNLOAD).count());
        long uploads = 0;
        for (int i = 0; i < 1003; i++) {
            uploads += mix.opAt(i) == Op.UPLOAD ? 1 : 0;
        }
        assertThat(mix.countIn(Op.UPLOAD, 1003)).isEqualTo(uploads);
    }

    @Test
    void aScenarioNeedsACountOrADurationButNotBoth() {
        OpMix up = OpMix.of(Op.UPLOAD);
        assertThatThrownBy(() -> new BenchSpec("", up, List.of(4096L), 8, 0, null, BenchSpec.Warmup.NONE, 0, List.of(),
                BenchSpec.Keep.NONE, "bin", 0, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BenchSpec("", up, List.of(4096L), 8, 10, Duration.ofSeconds(1),
                BenchSpec.Warmup.NONE, 0, List.of(), BenchSpec.Keep.NONE, "bin", 0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new BenchSpec("", up, List.of(4096L), 8, 0, Duration.ofSeconds(1), BenchSpec.Warmup.NONE, 0,
                List.of(), BenchSpec.Keep.NONE, "bin", 0, false).displayName()).isEqualTo("upload 4KiB");
    }

    @Test
    void refusesIdsInForDeletesMixedWithReads() {
        assertThatThrownBy(() -> BenchSpec.of("", OpMix.parse("delete:1,download:1"), List.of(1L), 1, 10)
                .withIdsIn(List.of("group1/M00/00/00/x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--ids-in");
    }

    @Test
    void refusesBadConnectionsAndSizes() {
        assertThatThrownBy(() -> BenchSpec.of("", OpMix.of(Op.UPLOAD), List.of(4096L), 0, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchSpec.of("", OpMix.of(Op.UPLOAD), List.of(), 1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchSpec.of("", OpMix.of(Op.UPLOAD), List.of(4L << 30), 1, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theErrorToleranceIsACountOrAPercentage() {
        BenchSpec none = BenchSpec.of("", OpMix.of(Op.UPLOAD), List.of(1L), 1, 10);
        BenchSpec percent = new BenchSpec("", OpMix.of(Op.UPLOAD), List.of(1L), 1, 10, null, BenchSpec.Warmup.NONE, 0,
                List.of(), BenchSpec.Keep.NONE, "bin", 1, true);

        assertThat(none.tooManyErrors(0, 100)).isFalse();
        assertThat(none.tooManyErrors(1, 100)).isTrue();
        assertThat(percent.tooManyErrors(1, 100)).isFalse();
        assertThat(percent.tooManyErrors(2, 100)).isTrue();
    }

    @Test
    void aWarmUpThatWaitsForTheJitCannotDelete() {
        BenchSpec.Warmup settling = new BenchSpec.Warmup(100, null).settlingFor(Duration.ofSeconds(30));
        assertThat(settling.toString()).isEqualTo("100 ops, then until the JIT settles (at most 30 s)");
        assertThat(BenchSpec.of("", OpMix.of(Op.DOWNLOAD), List.of(1L), 1, 10).withWarmup(settling).warmup().settle())
                .isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> BenchSpec.of("", OpMix.parse("upload:1,delete:1"), List.of(1L), 1, 10)
                .withWarmup(settling)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot delete");
        assertThat(new BenchSpec.Warmup(1, null).settlingFor(Duration.ZERO).settle()).isNull();
    }

    @Test
    void warmUpIsByOperationsOrByTime() {
        assertThat(new BenchSpec.Warmup(0, null).none()).isTrue();
        assertThatThrownBy(() -> new BenchSpec.Warmup(5, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BenchSpec.Warmup(-1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsProcFiles() {
        String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  300000 kB\nVmRSS:\t  250000 kB\n";
        String stat = "1234 (my (odd) name) S 1 1234 1234 0 -1 4194560 1000 0 0 0 750 250 0 0 20 0 40 0 100 "
                + "5000000 60000 18446744073709551615";

        assertThat(ProcStats.kib(status, "VmRSS:")).isEqualTo(250000);
        assertThat(ProcStats.kib(status, "VmHWM:")).isEqualTo(300000);
        assertThat(ProcStats.kib(status, "VmSwap:")).isZero();
        assertThat(ProcStats.cpuTicks(stat)).isEqualTo(1000);
    }

    @Test
    void compilerThreadsAreKnownByTheirName(@TempDir Path proc) throws Exception {
        String fields = " S 1 1 1 0 -1 4194368 0 0 0 0 %d %d 0 0 20 0 40 0 100 0 0\n";
        Map<String, String> threads = Map.of("101", "101 (java)" + fields.formatted(5, 1),
                "102", "102 (C2 CompilerThre)" + fields.formatted(700, 20),
                "103", "103 (C1 CompilerThre)" + fields.formatted(40, 2),
                "104", "104 (vert.x-eventloo)" + fields.formatted(300, 200));
        for (Map.Entry<String, String> t : threads.entrySet()) {
            Files.createDirectories(proc.resolve("task").resolve(t.getKey()));
            Files.writeString(proc.resolve("task").resolve(t.getKey()).resolve("stat"), t.getValue());
        }

        assertThat(ProcStats.compilerTicks(proc)).isEqualTo(720 + 42);
        assertThat(ProcStats.compilerTicks(proc.resolve("gone"))).isZero();
    }

    @Test
    void readsThisProcessFromProcOnLinux() {
        ProcStats self = ProcStats.read(ProcessHandle.current().pid());
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(self).isNotNull();
            assertThat(self.rssKib()).isPositive();
            assertThat(self.hwmKib()).isGreaterThanOrEqualTo(self.rssKib());
            // a JVM that ran this far has compiled something
            assertThat(self.compilerTicks()).isBetween(1L, self.cpuTicks());
        }
        assertThat(ProcStats.read(Long.MAX_VALUE)).isNull();
    }

    @Test
    void progressLinesShowCountsRatesAndErrors() {
        String line = Progress.line("upload 4KiB", 20_000, 0, 2_500_000_000L, 5000, 5000L * 4096, 2,
                1_000_000_000L, 2000, 2000L * 4096, false);
        String timed = Progress.line("download", 0, 60_000_000_000L, 12_000_000_000L, 123, 0, 0, 1_000_000_000L, 10, 0,
                true);

        assertThat(line).isEqualTo("upload 4KiB 2.5s  5,000/20,000 ops  2,000 ops/s  7.8 MiB/s  2 errors");
        assertThat(timed).isEqualTo("download 12/60s  123 ops  10 ops/s  0.0 MiB/s  0 errors  (done)");
    }
}
