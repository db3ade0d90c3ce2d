package org.fastdfs.proto.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorageStatusTest {

    @Test
    void everyStatusLooksUpByItsByte() {
        for (StorageStatus s : StorageStatus.values()) {
            assertThat(StorageStatus.of(s.code())).isSameAs(s);
        }
        assertThat(StorageStatus.INIT.code()).isZero();
        assertThat(StorageStatus.RECOVERY.code()).isEqualTo(9);
        assertThat(StorageStatus.NONE.code()).isEqualTo(99);
    }

    @Test
    void unknownBytesHaveNoStatus() {
        assertThat(StorageStatus.of(8)).isNull();
        assertThat(StorageStatus.of(-1)).isNull();
        assertThat(StorageStatus.of(100)).isNull();
        assertThat(StorageStatus.of(255)).isNull();
    }

    @Test
    void onlyOfflineOnlineAndActiveAreAvailable() {
        for (StorageStatus s : StorageStatus.values()) {
            assertThat(s.isAvailable()).as(s.name()).isEqualTo(
                    s == StorageStatus.OFFLINE || s == StorageStatus.ONLINE || s == StorageStatus.ACTIVE);
        }
        assertThat(StorageStatus.isAvailable(7)).isTrue();
        assertThat(StorageStatus.isAvailable(9)).isFalse();
        assertThat(StorageStatus.isAvailable(42)).isFalse();
    }
}
