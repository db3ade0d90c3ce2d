package org.fastdfs.tracker.cluster;

import org.fastdfs.proto.cluster.StorageStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A group and its storages, sorted by id. Mutable; owned by {@link ClusterState}. */
public final class Group {

    final String name;
    int storagePort;
    int storePathCount;
    int subdirCount;
    int currentWriteServer;
    int currentReadServer;
    /** Bumped on every membership or status change: beat responses resend the member list when it moves. */
    long changeCounter;
    final TreeMap<String, StorageNode> storages = new TreeMap<>();
    /** last_sync_timestamps[src][dest]: newest source-side timestamp dest has received from src. */
    final Map<String, Map<String, Long>> syncTimestamps = new HashMap<>();

    Group(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public int storagePort() {
        return storagePort;
    }

    public int storePathCount() {
        return storePathCount;
    }

    public int subdirCount() {
        return subdirCount;
    }

    public int currentWriteServer() {
        return currentWriteServer;
    }

    public long changeCounter() {
        return changeCounter;
    }

    /** All storages in id order, whatever their status. */
    public List<StorageNode> storages() {
        return List.copyOf(storages.values());
    }

    public StorageNode storage(String id) {
        return storages.get(id);
    }

    public List<StorageNode> readable() {
        List<StorageNode> r = new ArrayList<>();
        for (StorageNode s : storages.values()) {
            if (s.readable()) {
                r.add(s);
            }
        }
        return r;
    }

    public List<StorageNode> writable() {
        List<StorageNode> w = new ArrayList<>();
        for (StorageNode s : storages.values()) {
            if (s.writable()) {
                w.add(s);
            }
        }
        return w;
    }

    /** The writable storage with the least free space: it defines the group's free and total MB (§7.5). */
    StorageNode tightestWritable() {
        StorageNode best = null;
        for (StorageNode s : writable()) {
            if (best == null || s.freeMb() < best.freeMb()) {
                best = s;
            }
        }
        return best;
    }

    public long freeMb() {
        StorageNode s = tightestWritable();
        return s == null ? 0 : s.freeMb();
    }

    public long totalMb() {
        StorageNode s = tightestWritable();
        if (s != null) {
            return s.totalMb();
        }
        return storages.values().stream().mapToLong(StorageNode::totalMb).max().orElse(0);
    }

    public int activeCount() {
        return (int) storages.values().stream().filter(s -> s.status == StorageStatus.ACTIVE).count();
    }

    /** Sync timestamps received by {@code dest}, by source id. */
    public Map<String, Long> syncTimestampsTo(String dest) {
        Map<String, Long> m = new TreeMap<>();
        syncTimestamps.forEach((src, row) -> {
            Long ts = row.get(dest);
            if (ts != null) {
                m.put(src, ts);
            }
        });
        return m;
    }
}
