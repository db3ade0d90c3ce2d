package org.fastdfs.tracker.cluster;

import org.fastdfs.proto.cluster.StorageStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.stat.StatBlock;

/**
 * The tracker's cluster model: groups sorted by name, storages sorted by id, their states and the
 * selection rules of PROTOCOL.md §7. Single-threaded by design: one owner calls it, passing the
 * current time (unix seconds). Failures are {@link ProtocolException}s carrying the status to answer.
 */
public final class ClusterState {

    private final TreeMap<String, Group> groups = new TreeMap<>();
    private final TrackerRules rules;
    private final Selection selection;
    /** Bumped on any change worth persisting. */
    private long version;
    /**
     * Bumped on the changes that must be on disk at once (joins, status, sync sources, deletions), not
     * by the periodic reports (heartbeat counters, disk usage, sync timestamps), which the storages send
     * again anyway.
     */
    private long statusVersion;

    public ClusterState(TrackerRules rules) {
        this.rules = rules;
        this.selection = new Selection(groups, rules);
    }

    public TrackerRules rules() {
        return rules;
    }

    public Collection<Group> groups() {
        return groups.values();
    }

    public Group group(String name) {
        return groups.get(name);
    }

    /** Changes of any kind so far. */
    public long version() {
        return version;
    }

    /** Changes of membership, status or sync source so far (a part of {@link #version}). */
    public long statusVersion() {
        return statusVersion;
    }

    // ---- storage-facing commands ------------------------------------------------------------

    /** STORAGE_JOIN (§4.3). Returns the storage as the tracker now sees it. */
    public StorageNode join(JoinInfo j, long now) {
        if (j.group() == null || !j.group().matches("[A-Za-z0-9]{1,16}")) {
            throw ProtocolException.invalid("invalid group name '" + j.group() + "'");
        }
        if (j.port() <= 0 || j.storePathCount() < 1 || j.storePathCount() > 256
                || j.subdirCount() < 1 || j.subdirCount() > 256) {
            throw ProtocolException.invalid("invalid join parameters " + j);
        }
        Group g = groups.get(j.group());
        boolean newGroup = g == null;
        if (newGroup) {
            g = new Group(j.group());
            g.storagePort = j.port();
            g.storePathCount = j.storePathCount();
            g.subdirCount = j.subdirCount();
        }
        String id = j.ip();
        boolean others = g.storages.values().stream()
                .anyMatch(s -> !s.id.equals(id) && s.status != StorageStatus.DELETED && s.status != StorageStatus.IP_CHANGED);
        if (j.storePathCount() < g.storePathCount && others) {
            throw ProtocolException.invalid("storage " + id + " has " + j.storePathCount()
                    + " store paths, group " + g.name + " has " + g.storePathCount);
        }
        if (j.subdirCount() != g.subdirCount && others) {
            throw ProtocolException.invalid("storage " + id + " has subdir_count_per_path " + j.subdirCount()
                    + ", group " + g.name + " uses " + g.subdirCount);
        }
        if (j.port() != g.storagePort && others) {
            throw ProtocolException.invalid("storage " + id + " listens on port " + j.port()
                    + ", group " + g.name + " uses " + g.storagePort);
        }
        StorageNode node = g.storages.get(id);
        if (node == null) {
            node = new StorageNode(id, g.name);
            StorageStatus reported = reportedStatus(j.reportedStatus());
            if (j.initDone() && reported != null && reported.code() > 0) {
                if (reported == StorageStatus.DELETED || reported == StorageStatus.IP_CHANGED
                        || reported == StorageStatus.NONE) {
                    throw new ProtocolException(Status.EFAULT, "storage " + id + " claims status " + reported);
                }
                node.status = reported == StorageStatus.ACTIVE ? StorageStatus.ONLINE : reported;
            } else if (j.initDone() && j.reportedStatus() < 0) {
                throw new ProtocolException(Status.EFAULT, "storage " + id + " claims a failed status");
            }
        } else if (node.status == StorageStatus.DELETED || node.status == StorageStatus.IP_CHANGED) {
            node.status = StorageStatus.INIT;
        } else if (node.status == StorageStatus.OFFLINE || node.status == StorageStatus.RECOVERY) {
            node.status = StorageStatus.ONLINE;
        }
        if (newGroup) {
            groups.put(g.name, g);
        }
        g.storePathCount = Math.max(g.storePathCount, j.storePathCount());
        g.subdirCount = j.subdirCount();
        g.storagePort = j.port();
        g.storages.put(id, node);
        node.ip = j.ip();
        node.port = j.port();
        node.version = j.version();
        node.joinTime = j.joinTime();
        node.upTime = j.upTime();
        node.storePathCount = j.storePathCount();
        node.subdirCount = j.subdirCount();
        node.uploadPriority = j.uploadPriority();
        if (node.pathTotalMb.length != j.storePathCount()) {
            node.pathTotalMb = new long[j.storePathCount()];
            node.pathFreeMb = new long[j.storePathCount()];
            node.currentWritePath = 0;
        }
        node.lastHeartBeat = now;
        changed(g);
        return node;
    }

    private static StorageStatus reportedStatus(int code) {
        return StorageStatus.of(code);
    }

    /** STORAGE_BEAT (§4.5): store the counters and activate the storage where allowed. */
    public StorageNode beat(String group, String id, StatBlock stat, long now) {
        StorageNode s = storage(group, id);
        if (stat != null) {
            s.stat = stat;
        }
        s.lastHeartBeat = now;
        activate(s);
        version++;
        return s;
    }

    /** STORAGE_REPORT_DISK_USAGE (§4.6). */
    public StorageNode diskUsage(String group, String id, long[] totalMb, long[] freeMb, long now) {
        StorageNode s = storage(group, id);
        Group g = groups.get(group);
        if (totalMb.length != g.storePathCount || freeMb.length != totalMb.length) {
            throw ProtocolException.invalid("disk usage for " + totalMb.length + " paths, group " + group
                    + " has " + g.storePathCount);
        }
        s.pathTotalMb = totalMb.clone();
        s.pathFreeMb = freeMb.clone();
        if (rules.storePath() == 2) {
            int best = 0;
            for (int i = 1; i < freeMb.length; i++) {
                if (freeMb[i] > freeMb[best]) {
                    best = i;
                }
            }
            s.currentWritePath = best;
        }
        s.lastHeartBeat = now;
        activate(s);
        if (rules.storeLookup() == 2) {
            selection.rebalanceWriteGroup();
        }
        version++;
        return s;
    }

    /** STORAGE_SYNC_REPORT (§4.7): {@code reporter} has received source records up to these times. */
    public StorageNode syncReport(String group, String reporter, Map<String, Long> bySource, long now) {
        StorageNode dest = storage(group, reporter);
        Group g = groups.get(group);
        bySource.forEach((src, ts) -> {
            if (!src.equals(reporter)) {
                g.syncTimestamps.computeIfAbsent(src, k -> new HashMap<>()).put(reporter, ts);
            }
        });
        long synced = rules.storeServer() == 0 ? Long.MAX_VALUE : 0;
        boolean any = false;
        for (Map.Entry<String, Long> e : g.syncTimestampsTo(reporter).entrySet()) {
            StorageNode src = g.storages.get(e.getKey());
            if (src == null || src.status != StorageStatus.ACTIVE || e.getValue() <= 0) {
                continue;
            }
            any = true;
            synced = rules.storeServer() == 0 ? Math.min(synced, e.getValue()) : Math.max(synced, e.getValue());
        }
        if (any) {
            dest.lastSyncedTimestamp = synced;
        }
        dest.lastHeartBeat = now;
        version++;
        return dest;
    }

    /** STORAGE_SYNC_DEST_REQ (§4.4): a new storage asks whom to copy old data from; null = nothing to copy. */
    public SyncSource syncDestReq(String group, String id, long now) {
        StorageNode s = storage(group, id);
        Group g = groups.get(group);
        boolean peers = g.storages.values().stream().anyMatch(o -> o != s && o.status.isAvailable());
        if (!peers) {
            s.status = StorageStatus.ONLINE;
            changed(g);
            return null;
        }
        StorageNode src = g.writable().stream().filter(o -> o != s).findFirst().orElseThrow(
                () -> new ProtocolException(Status.ENOENT, "no writable storage in group " + group + " to copy from"));
        s.status = StorageStatus.WAIT_SYNC;
        s.syncSrcId = src.id;
        s.syncUntilTimestamp = now;
        changed(g);
        return new SyncSource(src.id, now);
    }

    /** STORAGE_SYNC_NOTIFY (§4.4). */
    public void syncNotify(String group, String id, SyncSource source) {
        StorageNode s = storage(group, id);
        Group g = groups.get(group);
        if (source == null || source.srcId().isEmpty()) {
            if (s.status == StorageStatus.INIT || s.status == StorageStatus.WAIT_SYNC
                    || s.status == StorageStatus.SYNCING) {
                s.status = StorageStatus.ONLINE;
            }
        } else {
            if (s.status == StorageStatus.INIT) {
                s.status = StorageStatus.WAIT_SYNC;
            }
            if (s.syncSrcId.isEmpty()) {
                StorageNode src = g.storages.get(source.srcId());
                if (src == null || src.status == StorageStatus.DELETED || src.status == StorageStatus.IP_CHANGED) {
                    throw new ProtocolException(Status.ENOENT, "sync source " + source.srcId() + " is unknown");
                }
                s.syncSrcId = source.srcId();
                s.syncUntilTimestamp = source.untilTimestamp();
            }
        }
        changed(g);
    }

    /** STORAGE_SYNC_DEST_QUERY (§4.4): the caller's recorded source, or null. */
    public SyncSource syncDestQuery(String group, String id) {
        StorageNode s = storage(group, id);
        return s.syncSrcId.isEmpty() ? null : new SyncSource(s.syncSrcId, s.syncUntilTimestamp);
    }

    /** STORAGE_SYNC_SRC_REQ (§4.4): asked by an existing member about a destination; null = nothing to copy. */
    public SyncSource syncSrcReq(String group, String destId) {
        Group g = groups.get(group);
        StorageNode dest = g == null ? null : g.storages.get(destId);
        if (dest == null || dest.status == StorageStatus.INIT || dest.status == StorageStatus.DELETED
                || dest.status == StorageStatus.IP_CHANGED) {
            throw new ProtocolException(Status.ENOENT, "no storage " + destId + " waiting in group " + group);
        }
        if (dest.syncSrcId.isEmpty()) {
            return null;
        }
        StorageNode src = g.storages.get(dest.syncSrcId);
        if (src == null || !(src.status.isAvailable() || src.status == StorageStatus.RECOVERY)) {
            dest.syncSrcId = "";
            return null;
        }
        return new SyncSource(dest.syncSrcId, dest.syncUntilTimestamp);
    }

    /** STORAGE_REPORT_STATUS (§4.8): a source reports a destination's progress. */
    public void reportStatus(String group, String id, StorageStatus reported) {
        Group g = groups.get(group);
        StorageNode s = g == null ? null : g.storages.get(id);
        if (s == null) {
            return;
        }
        StorageStatus cur = s.status;
        if (cur == StorageStatus.INIT || cur == StorageStatus.ONLINE || cur == StorageStatus.ACTIVE
                || cur == StorageStatus.RECOVERY || cur == reported) {
            return;
        }
        if (reported == StorageStatus.DELETED || reported == StorageStatus.IP_CHANGED
                || reported.code() > cur.code()) {
            s.status = reported;
            changed(g);
        }
    }

    /** The storage's tracker connection closed (§4.11). */
    public void disconnected(String group, String id) {
        Group g = groups.get(group);
        StorageNode s = g == null ? null : g.storages.get(id);
        if (s == null) {
            return;
        }
        switch (s.status) {
            case WAIT_SYNC, SYNCING, INIT, DELETED, IP_CHANGED, RECOVERY -> { }
            default -> {
                s.status = StorageStatus.OFFLINE;
                s.upTime = 0;
                changed(g);
            }
        }
    }

    /** Moves ACTIVE storages silent for longer than check_active_interval to OFFLINE; returns them. */
    public List<StorageNode> checkAlive(long now) {
        List<StorageNode> expired = new ArrayList<>();
        for (Group g : groups.values()) {
            for (StorageNode s : g.storages.values()) {
                if (s.status == StorageStatus.ACTIVE && now - s.lastHeartBeat > rules.checkActiveSeconds()) {
                    s.status = StorageStatus.OFFLINE;
                    expired.add(s);
                    changed(g);
                }
            }
        }
        return expired;
    }

    /** SERVER_DELETE_STORAGE (§2.7). */
    public void deleteStorage(String group, String id) {
        Group g = groups.get(group);
        StorageNode s = g == null ? null : g.storages.get(id);
        if (s == null || s.status == StorageStatus.IP_CHANGED) {
            throw new ProtocolException(Status.ENOENT, "no storage " + id + " in group " + group);
        }
        switch (s.status) {
            case ONLINE, ACTIVE, RECOVERY -> throw new ProtocolException(Status.EBUSY,
                    "storage " + id + " is " + s.status + ": stop it first");
            case DELETED -> throw new ProtocolException(Status.EALREADY, "storage " + id + " is already deleted");
            default -> { }
        }
        s.status = StorageStatus.DELETED;
        s.syncSrcId = "";
        s.syncUntilTimestamp = 0;
        g.syncTimestamps.remove(id);
        g.syncTimestamps.values().forEach(row -> row.remove(id));
        for (StorageNode o : g.storages.values()) {
            if (id.equals(o.syncSrcId)) {
                o.syncSrcId = "";
            }
        }
        changed(g);
    }

    /** SERVER_DELETE_GROUP (§2.7): only a group without live storages. */
    public void deleteGroup(String group) {
        Group g = groups.get(group);
        if (g == null) {
            throw new ProtocolException(Status.ENOENT, "no group " + group);
        }
        if (g.storages.values().stream().anyMatch(s -> s.status != StorageStatus.DELETED)) {
            throw new ProtocolException(Status.EBUSY, "group " + group + " still has storages");
        }
        groups.remove(group);
        version++;
        statusVersion++;
    }

    // ---- client queries (§7, in Selection) ------------------------------------------------

    /** QUERY_STORE_* (§7.1–7.3). {@code group} null lets store_lookup choose; {@code all} lists every writable storage. */
    public StoreTarget queryStore(String group, boolean all) {
        return selection.queryStore(group, all);
    }

    /** QUERY_FETCH_ONE / QUERY_FETCH_ALL (§7.4). */
    public List<StorageNode> queryFetch(String group, FileOrigin file, boolean all, long now) {
        return selection.queryFetch(group, file, all, now);
    }

    /** QUERY_UPDATE (§7.4): the source storage if writable, else the store_server choice. */
    public StorageNode queryUpdate(String group, FileOrigin file) {
        return selection.queryUpdate(group, file);
    }

    /** A storage that must exist (the caller has joined). */
    public StorageNode storage(String group, String id) {
        Group g = groups.get(group);
        StorageNode s = g == null ? null : g.storages.get(id);
        if (s == null) {
            throw new ProtocolException(Status.ENOENT, "storage " + id + " of group " + group + " has not joined");
        }
        return s;
    }

    // ---- internals ---------------------------------------------------------------------------

    private void activate(StorageNode s) {
        switch (s.status) {
            case INIT, WAIT_SYNC, SYNCING, IP_CHANGED, DELETED -> { }
            default -> {
                if (s.status != StorageStatus.ACTIVE) {
                    s.status = StorageStatus.ACTIVE;
                    changed(groups.get(s.group));
                }
            }
        }
    }

    private void changed(Group g) {
        g.changeCounter++;
        version++;
        statusVersion++;
    }

    /** Restores a group from persisted state (used at start-up). */
    Group restoreGroup(String name, int port, int storePathCount, int subdirCount) {
        Group g = groups.computeIfAbsent(name, Group::new);
        g.storagePort = port;
        g.storePathCount = storePathCount;
        g.subdirCount = subdirCount;
        return g;
    }

    /** Restores a storage from persisted state; live states come back as OFFLINE until it rejoins. */
    StorageNode restoreStorage(Group g, String id) {
        StorageNode s = new StorageNode(id, g.name);
        g.storages.put(id, s);
        return s;
    }

    /** Map of group name to storage ids, for tests and views. */
    public Map<String, List<String>> layout() {
        Map<String, List<String>> m = new TreeMap<>();
        groups.forEach((n, g) -> m.put(n, new ArrayList<>(g.storages.keySet())));
        return m;
    }
}
