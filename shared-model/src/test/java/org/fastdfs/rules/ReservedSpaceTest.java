package org.fastdfs.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReservedSpaceTest {

    @Test
    void readsRatiosAndAmountsWithUnits() {
        assertThat(ReservedSpace.parse("10%")).isEqualTo(new ReservedSpace(0, 0.10));
        assertThat(ReservedSpace.parse(" 20% ")).isEqualTo(new ReservedSpace(0, 0.20));
        assertThat(ReservedSpace.parse("2G")).isEqualTo(new ReservedSpace(2048, 0));
        assertThat(ReservedSpace.parse("512m")).isEqualTo(new ReservedSpace(512, 0));
        assertThat(ReservedSpace.parse("2048K")).isEqualTo(new ReservedSpace(2, 0));
        assertThat(ReservedSpace.parse("1073741824")).isEqualTo(new ReservedSpace(1024, 0));
    }

    @Test
    void refusesWhatFastdfsRefuses() {
        assertThatThrownBy(() -> ReservedSpace.parse("0%")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReservedSpace.parse("100%")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReservedSpace.parse("lots")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReservedSpace.parse("-5G")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAmountIsSharedByTheStorePathsAndTheFileSizeCountsInWholeMegabytes() {
        ReservedSpace r = new ReservedSpace(1000, 0);
        assertThat(r.allows(10_000, 501, 2, 0)).isTrue();
        assertThat(r.allows(10_000, 500, 2, 0)).as("must stay above, not at, the share").isFalse();
        assertThat(r.allows(10_000, 502, 2, (1 << 20) + 5)).isTrue();
        assertThat(r.allows(10_000, 502, 2, 2L << 20)).isFalse();
        assertThat(r.reservedMb(10_000, 2)).isEqualTo(500);
    }

    @Test
    void aRatioAppliesToEachPath() {
        ReservedSpace r = ReservedSpace.parse("10%");
        assertThat(r.allows(1000, 101, 3, 0)).isTrue();
        assertThat(r.allows(1000, 100, 3, 0)).isFalse();
        assertThat(r.allows(0, 0, 1, 0)).as("an unknown size never passes").isFalse();
        assertThat(r.reservedMb(1000, 3)).isEqualTo(100);
    }
}
