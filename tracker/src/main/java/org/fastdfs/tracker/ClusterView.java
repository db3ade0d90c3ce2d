package org.fastdfs.tracker;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fastdfs.proto.cluster.StorageStatus;
import org.fastdfs.proto.stat.StatField;
import org.fastdfs.tracker.cluster.ClusterState;
import org.fastdfs.tracker.cluster.Group;
import org.fastdfs.tracker.cluster.StorageNode;

/**
 * An immutable picture of the cluster for REST and metrics, taken on the model's owner context:
 * the JSON behind {@code GET /cluster}, the equivalent of {@code fdfs_monitor}.
 */
public record ClusterView(long takenAt, List<GroupView> groups) {

    public record GroupView(String name, long totalMb, long freeMb, long reservedMb, int storagePort,
                            int storePathCount, int subdirCountPerPath, int activeCount, int writableCount,
                            List<StorageView> storages) {
    }

    public record StorageView(String id, String ip, int port, String status, int rwMode, String version,
                              long joinTime, long upTime, long totalMb, long freeMb, int uploadPriority,
                              int currentWritePath, long lastHeartBeatTime, long lastSyncedTimestamp,
                              String syncSourceId, Map<String, Long> syncedFrom, Map<String, Long> syncLagSeconds,
                              Map<String, Long> counters) {
    }

    static ClusterView of(ClusterState state, long now) {
        List<GroupView> groups = state.groups().stream().map(g -> group(g, state)).toList();
        return new ClusterView(now, groups);
    }

    private static GroupView group(Group g, ClusterState state) {
        long total = g.totalMb();
        return new GroupView(g.name(), total, g.freeMb(), state.rules().reserved().reservedMb(total, 1), g.storagePort(),
                g.storePathCount(), g.subdirCount(), g.activeCount(), g.writable().size(),
                g.storages().stream().map(s -> storage(s, g)).toList());
    }

    private static StorageView storage(StorageNode s, Group g) {
        Map<String, Long> counters = new TreeMap<>();
        s.stat().asMap().forEach((f, v) -> {
            if (f.width() == 8 && f != StatField.LAST_SYNCED_TIMESTAMP && f != StatField.LAST_HEART_BEAT_TIME) {
                counters.put(f.key(), v);
            }
        });
        Map<String, Long> syncedFrom = g.syncTimestampsTo(s.id());
        // how far this storage trails each source: the source's last write minus what has arrived from it
        Map<String, Long> lag = new TreeMap<>();
        for (StorageNode src : g.storages()) {
            if (src != s && src.status() == StorageStatus.ACTIVE) {
                long lastWrite = src.stat().get(StatField.LAST_SOURCE_UPDATE);
                lag.put(src.id(), Math.max(0, lastWrite - syncedFrom.getOrDefault(src.id(), 0L)));
            }
        }
        return new StorageView(s.id(), s.ip(), s.port(), s.status().name(), s.rwMode(), s.version(), s.joinTime(),
                s.upTime(), s.totalMb(), s.freeMb(), s.uploadPriority(), s.currentWritePath(), s.lastHeartBeat(),
                s.lastSyncedTimestamp(), s.syncSrcId(), syncedFrom, lag, counters);
    }
}
