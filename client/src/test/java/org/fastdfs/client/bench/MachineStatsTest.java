package org.fastdfs.client.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineStatsTest {

    static final String MEMINFO = """
            MemTotal:       24607344 kB
            Dirty:            123456 kB
            Writeback:          4096 kB
            WritebackTmp:          0 kB
            """;

    @Test
    void busyTimeIsAllButIdleAndIowaitAndUnwrittenIsDirtyPlusWriteback() {
        MachineStats s = MachineStats.parse("""
                cpu  1000 10 500 8000 200 0 90 5 0 0
                cpu0 500 5 250 4000 100 0 45 2 0 0
                intr 123
                """, MEMINFO);

        assertThat(s.totalTicks()).isEqualTo(1000 + 10 + 500 + 8000 + 200 + 90 + 5);
        assertThat(s.busyTicks()).isEqualTo(1000 + 10 + 500 + 90 + 5);
        assertThat(s.unwrittenKib()).isEqualTo(123456 + 4096);
        assertThat(s.stealTicks()).isEqualTo(5);
        assertThat(s.cores()).isEqualTo(1);
    }

    @Test
    void theBusyShareIsTakenBetweenTwoReadings() {
        MachineStats before = new MachineStats(1_000, 100, 10_000, 0, 2);
        MachineStats after = new MachineStats(1_050, 110, 10_200, 0, 2);

        assertThat(after.busyShareSince(before)).isEqualTo(0.25);
        assertThat(after.stealShareSince(before)).isEqualTo(0.05);
        assertThat(before.busyShareSince(before)).isZero();
        assertThat(before.stealShareSince(before)).isZero();
    }

    @Test
    void overAPhaseTheBusyCoresLeaveOutStolenTime() {
        MachineUsage m = MachineUsage.of(new MachineStats(1_000, 100, 10_000, 0, 2),
                new MachineStats(1_150, 110, 10_200, 0, 2));

        assertThat(m.cores()).isEqualTo(2);
        assertThat(m.stealShare()).isEqualTo(0.05);
        assertThat(m.busyCores()).isCloseTo(1.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.toJson()).containsEntry("busy_cores", 1.4).containsEntry("steal_share", 0.05)
                .containsEntry("cores", 2);
        assertThat(MachineUsage.of(null, m.after())).isNull();
    }

    @Test
    void aStatWithoutTheCpuLineIsRefused() {
        assertThatThrownBy(() -> MachineStats.parse("intr 1\n", MEMINFO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thisMachineCanBeReadWhereThereIsAProcFileSystem() {
        assumeTrue(Files.isReadable(Path.of("/proc/stat")), "Linux only");
        MachineStats s = MachineStats.read();

        assertThat(s).isNotNull();
        assertThat(s.totalTicks()).isPositive();
        assertThat(s.busyTicks()).isBetween(0L, s.totalTicks());
        assertThat(s.stealTicks()).isBetween(0L, s.busyTicks());
        assertThat(s.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(s.unwrittenKib()).isNotNegative();
    }

    @Test
    void aDirectoryWithoutTheFilesReadsAsNothing(@TempDir Path dir) {
        assertThat(MachineStats.read(dir)).isNull();
    }
}
