package org.fastdfs.tracker.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fastdfs.proto.cluster.StorageStatus;
import org.fastdfs.proto.stat.StatField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterStoreTest {

    @TempDir
    Path base;

    @Test
    void aRestartedTrackerKnowsItsGroupsAndStoragesBeforeTheFirstHeartbeat() throws Exception {
        ClusterState before = new ClusterState(TrackerRules.defaults());
        ClusterStateTest.activeStorage(before, "group1", "127.0.0.2", 2, 50_000);
        ClusterStateTest.activeStorage(before, "group1", "127.0.0.3", 2, 40_000);
        ClusterStateTest.activeStorage(before, "group2", "127.0.0.4", 1, 30_000);
        before.beat("group1", "127.0.0.2", before.storage("group1", "127.0.0.2").stat()
                .with(StatField.SUCCESS_UPLOAD_COUNT, 42), ClusterStateTest.T0);
        before.syncReport("group1", "127.0.0.3", Map.of("127.0.0.2", ClusterStateTest.T0 - 5), ClusterStateTest.T0);

        ClusterStore store = new ClusterStore(base);
        store.save(ClusterStore.snapshot(before));
        assertThat(Files.readString(base.resolve("data/storage_groups_new.dat")))
                .contains("# group: group1\n[Group001]\ngroup_name=group1\n").contains("[Global]\ngroup_count=2");
        assertThat(Files.readString(base.resolve("data/storage_sync_timestamp.dat")))
                .isEqualTo("group1,127.0.0.2,0," + (ClusterStateTest.T0 - 5) + "\n");

        ClusterState after = new ClusterState(TrackerRules.defaults());
        store.load(after);
        assertThat(after.layout()).isEqualTo(Map.of("group1", java.util.List.of("127.0.0.2", "127.0.0.3"),
                "group2", java.util.List.of("127.0.0.4")));
        StorageNode s = after.storage("group1", "127.0.0.2");
        assertThat(s.status()).as("live storages come back OFFLINE").isEqualTo(StorageStatus.OFFLINE);
        assertThat(s.port()).isEqualTo(23000);
        assertThat(s.stat().get(StatField.SUCCESS_UPLOAD_COUNT)).isEqualTo(42);
        assertThat(after.group("group1").syncTimestampsTo("127.0.0.3")).containsEntry("127.0.0.2", ClusterStateTest.T0 - 5);
        assertThat(after.group("group1").storePathCount()).isEqualTo(2);
    }
}
