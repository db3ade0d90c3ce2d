package org.fastdfs.tracker.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;

/**
 * The selection rules of PROTOCOL.md §7 over the groups of a {@link ClusterState}: which group,
 * storage and store path an upload goes to (store_lookup, store_server, store_path, reserved space),
 * and which storage serves a download or an update (download_server and the "does this replica have
 * the file yet" rule of §7.4). Keeps the round-robin cursors; single-threaded like its owner.
 */
final class Selection {

    private final TreeMap<String, Group> groups;
    private final TrackerRules rules;
    private int currentWriteGroup;

    Selection(TreeMap<String, Group> groups, TrackerRules rules) {
        this.groups = groups;
        this.rules = rules;
    }

    /** QUERY_STORE_* (§7.1–7.3). {@code group} null lets store_lookup choose; {@code all} lists every writable storage. */
    StoreTarget queryStore(String group, boolean all) {
        Group g = group != null ? explicitGroup(group) : switch (rules.storeLookup()) {
            case 1 -> explicitGroup(rules.storeGroup());
            default -> lookupGroup();
        };
        List<StorageNode> writable = g.writable();
        StorageNode first = all ? writable.get(0) : pickStoreServer(g, writable);
        int path = pickStorePath(first);
        return new StoreTarget(g.name, all ? writable : List.of(first), path);
    }

    private Group explicitGroup(String name) {
        Group g = groups.get(name);
        if (g == null || g.writable().isEmpty()) {
            throw new ProtocolException(Status.ENOENT, "group " + name + (g == null ? " is unknown" : " has no writable storage"));
        }
        if (!rules.reserved().hasRoom(g.freeMb(), g.totalMb())) {
            throw new ProtocolException(Status.ENOSPC, "group " + name + " is below its reserved space");
        }
        return g;
    }

    private Group lookupGroup() {
        List<Group> list = new ArrayList<>(groups.values());
        if (list.isEmpty()) {
            throw new ProtocolException(Status.ENOENT, "no group has joined yet");
        }
        boolean anyWritable = false;
        for (int i = 0; i < list.size(); i++) {
            int idx = Math.floorMod(currentWriteGroup + i, list.size());
            Group g = list.get(idx);
            if (g.writable().isEmpty()) {
                continue;
            }
            anyWritable = true;
            if (rules.reserved().hasRoom(g.freeMb(), g.totalMb())) {
                currentWriteGroup = rules.storeLookup() == 0 ? idx + 1 : idx;
                return g;
            }
        }
        throw anyWritable
                ? new ProtocolException(Status.ENOSPC, "every group is below its reserved space")
                : new ProtocolException(Status.ENOENT, "no group has a writable storage");
    }

    void rebalanceWriteGroup() {
        int idx = 0;
        int best = -1;
        long bestFree = -1;
        for (Group g : groups.values()) {
            if (!g.writable().isEmpty() && g.freeMb() > bestFree) {
                best = idx;
                bestFree = g.freeMb();
            }
            idx++;
        }
        if (best >= 0) {
            currentWriteGroup = best;
        }
    }

    private StorageNode pickStoreServer(Group g, List<StorageNode> writable) {
        return switch (rules.storeServer()) {
            case 1 -> writable.get(0);
            case 2 -> lowestPriority(writable);
            default -> {
                int idx = Math.floorMod(g.currentWriteServer, writable.size());
                g.currentWriteServer = idx + 1;
                yield writable.get(idx);
            }
        };
    }

    private static StorageNode lowestPriority(List<StorageNode> list) {
        StorageNode best = list.get(0);
        for (StorageNode s : list) {
            if (s.uploadPriority < best.uploadPriority) {
                best = s;
            }
        }
        return best;
    }

    private int pickStorePath(StorageNode s) {
        int count = Math.max(1, s.storePathCount);
        for (int i = 0; i < count; i++) {
            int p = Math.floorMod(s.currentWritePath + i, count);
            if (rules.reserved().allows(s.pathTotalMb(p), s.pathFreeMb(p), count, 0)) {
                if (rules.storePath() == 0) {
                    s.currentWritePath = (p + 1) % count;
                }
                return p;
            }
        }
        throw new ProtocolException(Status.ENOSPC, "every store path of " + s.id + " is below its reserved space");
    }

    /** QUERY_FETCH_ONE / QUERY_FETCH_ALL (§7.4). */
    List<StorageNode> queryFetch(String group, FileOrigin file, boolean all, long now) {
        Group g = knownGroup(group);
        StorageNode source = sourceOf(g, file);
        List<StorageNode> readable = g.readable();
        List<StorageNode> result = new ArrayList<>();
        if (!file.normal() || (rules.downloadServer() == 1 && !all)) {
            if (source != null && source.readable()) {
                result.add(source);
            }
        } else if (all) {
            for (StorageNode s : readable) {
                if (hasFile(s, source, file, now)) {
                    result.add(s);
                }
            }
        } else if (!readable.isEmpty()) {
            for (int i = 0; i < readable.size(); i++) {
                int idx = Math.floorMod(g.currentReadServer + i, readable.size());
                StorageNode s = readable.get(idx);
                if (hasFile(s, source, file, now)) {
                    g.currentReadServer = idx + 1;
                    result.add(s);
                    break;
                }
            }
        }
        if (result.isEmpty()) {
            StorageNode fallback = storeServer(g);
            if (fallback == null || !fallback.readable()) {
                throw new ProtocolException(Status.ENOENT, "no readable storage in group " + group + " has the file");
            }
            result.add(fallback);
        }
        return result;
    }

    /** QUERY_UPDATE (§7.4): the source storage if writable, else the store_server choice. */
    StorageNode queryUpdate(String group, FileOrigin file) {
        Group g = knownGroup(group);
        List<StorageNode> writable = g.writable();
        if (writable.isEmpty()) {
            throw new ProtocolException(Status.ENOENT, "group " + group + " has no writable storage");
        }
        StorageNode source = sourceOf(g, file);
        if (source != null && source.writable()) {
            return source;
        }
        return pickStoreServer(g, writable);
    }

    private boolean hasFile(StorageNode s, StorageNode source, FileOrigin f, long now) {
        long t = f.createTime();
        return s == source
                || t < now - rules.syncFileMaxDelay()
                || s.lastSyncedTimestamp > t
                || (s.lastSyncedTimestamp + 1 >= t && now - t > rules.syncFileMaxTime());
    }

    private StorageNode storeServer(Group g) {
        List<StorageNode> writable = g.writable();
        if (writable.isEmpty()) {
            return null;
        }
        return rules.storeServer() == 2 ? lowestPriority(writable) : writable.get(0);
    }

    private StorageNode sourceOf(Group g, FileOrigin f) {
        if (f.sourceIp() == null) {
            return g.storages.get(Long.toString(f.serverId()));
        }
        for (StorageNode s : g.storages.values()) {
            if (f.sourceIp().equals(s.ip) && s.port == g.storagePort) {
                return s;
            }
        }
        return null;
    }

    private Group knownGroup(String group) {
        Group g = groups.get(group);
        if (g == null) {
            throw new ProtocolException(Status.ENOENT, "no group " + group);
        }
        return g;
    }
}
