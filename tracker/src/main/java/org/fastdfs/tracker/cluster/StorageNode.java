package org.fastdfs.tracker.cluster;

import org.fastdfs.proto.cluster.StorageStatus;
import java.util.Arrays;
import org.fastdfs.proto.stat.StatBlock;

/** One storage server as the tracker knows it. Mutable; owned by {@link ClusterState}. */
public final class StorageNode {

    final String id;
    final String group;
    String ip;
    int port;
    StorageStatus status = StorageStatus.INIT;
    /** rw_mode bits: 4 read, 2 write (storage_ids.conf); both by default. */
    int rwMode = 6;
    String version = "";
    long joinTime;
    long upTime;
    int storePathCount;
    int subdirCount;
    int uploadPriority;
    int currentWritePath;
    long[] pathTotalMb = new long[0];
    long[] pathFreeMb = new long[0];
    StatBlock stat = StatBlock.EMPTY;
    long lastHeartBeat;
    long lastSyncedTimestamp;
    String syncSrcId = "";
    long syncUntilTimestamp;
    long changelogOffset;

    StorageNode(String id, String group) {
        this.id = id;
        this.group = group;
    }

    public String id() {
        return id;
    }

    public String group() {
        return group;
    }

    public String ip() {
        return ip;
    }

    public int port() {
        return port;
    }

    public StorageStatus status() {
        return status;
    }

    public int rwMode() {
        return rwMode;
    }

    public String version() {
        return version;
    }

    public long joinTime() {
        return joinTime;
    }

    public long upTime() {
        return upTime;
    }

    public int storePathCount() {
        return storePathCount;
    }

    public int subdirCount() {
        return subdirCount;
    }

    public int uploadPriority() {
        return uploadPriority;
    }

    public int currentWritePath() {
        return currentWritePath;
    }

    public long totalMb() {
        return Arrays.stream(pathTotalMb).sum();
    }

    public long freeMb() {
        return Arrays.stream(pathFreeMb).sum();
    }

    public long pathTotalMb(int path) {
        return path < pathTotalMb.length ? pathTotalMb[path] : 0;
    }

    public long pathFreeMb(int path) {
        return path < pathFreeMb.length ? pathFreeMb[path] : 0;
    }

    public StatBlock stat() {
        return stat;
    }

    public long lastHeartBeat() {
        return lastHeartBeat;
    }

    public long lastSyncedTimestamp() {
        return lastSyncedTimestamp;
    }

    public String syncSrcId() {
        return syncSrcId;
    }

    public long syncUntilTimestamp() {
        return syncUntilTimestamp;
    }

    public boolean readable() {
        return status == StorageStatus.ACTIVE && (rwMode & 4) != 0;
    }

    public boolean writable() {
        return status == StorageStatus.ACTIVE && (rwMode & 2) != 0;
    }

    @Override
    public String toString() {
        return id + "@" + ip + ":" + port + "[" + group + ", " + status + "]";
    }
}
