package org.fastdfs.tracker.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fastdfs.proto.cluster.StorageStatus;
import org.fastdfs.proto.stat.StatBlock;
import org.fastdfs.proto.stat.StatField;

/**
 * Persists groups, storages and sync timestamps under {@code <base_path>/data} in FastDFS's own
 * files (PROTOCOL.md §9.3): {@code storage_groups_new.dat}, {@code storage_servers_new.dat} and
 * {@code storage_sync_timestamp.dat}, each rewritten atomically (temp file + rename). A restarted
 * tracker reloads them, so it knows its storages before their first heartbeat; storages that were
 * ONLINE or ACTIVE come back OFFLINE until they rejoin.
 */
public final class ClusterStore {

    static final String GROUPS = "storage_groups_new.dat";
    static final String SERVERS = "storage_servers_new.dat";
    static final String SYNC = "storage_sync_timestamp.dat";

    private final Path dataDir;

    public ClusterStore(Path basePath) {
        this.dataDir = basePath.resolve("data");
    }

    /** The three files' text, rendered on the model's owner thread. */
    public record Snapshot(String groups, String servers, String sync) {
    }

    public static Snapshot snapshot(ClusterState state) {
        StringBuilder g = new StringBuilder();
        StringBuilder s = new StringBuilder();
        StringBuilder sync = new StringBuilder();
        int groupNo = 0;
        int storageNo = 0;
        for (Group group : state.groups()) {
            groupNo++;
            g.append("# group: ").append(group.name).append('\n')
                    .append(String.format("[Group%03d]%n", groupNo))
                    .append("group_name=").append(group.name).append('\n')
                    .append("storage_port=").append(group.storagePort).append('\n')
                    .append("store_path_count=").append(group.storePathCount).append('\n')
                    .append("subdir_count_per_path=").append(group.subdirCount).append('\n')
                    .append("current_trunk_file_id=0\ntrunk_server=\nlast_trunk_server=\n\n");
            for (StorageNode n : group.storages.values()) {
                if (n.status == StorageStatus.DELETED || n.status == StorageStatus.IP_CHANGED) {
                    continue;
                }
                storageNo++;
                s.append("# storage: ").append(n.ip).append(':').append(n.port).append('\n')
                        .append(String.format("[Storage%03d]%n", storageNo));
                kv(s, "group_name", n.group);
                kv(s, "ip_addr", n.ip);
                kv(s, "status", n.status.code());
                kv(s, "version", n.version);
                kv(s, "join_time", n.joinTime);
                kv(s, "storage_port", n.port);
                kv(s, "sync_src_server", n.syncSrcId);
                kv(s, "sync_until_timestamp", n.syncUntilTimestamp);
                kv(s, "total_mb", n.totalMb());
                kv(s, "free_mb", n.freeMb());
                kv(s, "changelog_offset", n.changelogOffset);
                kv(s, "store_path_count", n.storePathCount);
                kv(s, "subdir_count_per_path", n.subdirCount);
                kv(s, "upload_priority", n.uploadPriority);
                for (StatField f : StatField.values()) {
                    if (f.width() == 8 && f != StatField.LAST_SYNCED_TIMESTAMP && f != StatField.LAST_HEART_BEAT_TIME) {
                        kv(s, f.key(), n.stat.get(f));
                    }
                }
                kv(s, "last_synced_timestamp", n.lastSyncedTimestamp);
                kv(s, "last_heart_beat_time", n.lastHeartBeat);
                s.append('\n');
            }
            group.syncTimestamps.forEach((src, row) -> {
                sync.append(group.name).append(',').append(src);
                for (StorageNode dest : group.storages.values()) {
                    if (dest.status != StorageStatus.DELETED && dest.status != StorageStatus.IP_CHANGED) {
                        sync.append(',').append(row.getOrDefault(dest.id, 0L));
                    }
                }
                sync.append('\n');
            });
        }
        g.append("[Global]\ngroup_count=").append(groupNo).append('\n');
        s.append("[Global]\nstorage_count=").append(storageNo).append('\n');
        return new Snapshot(g.toString(), s.toString(), sync.toString());
    }

    private static void kv(StringBuilder b, String key, Object value) {
        b.append(key).append('=').append(value).append('\n');
    }

    /** Writes a snapshot. Blocking: call off the event loop. */
    public void save(Snapshot snapshot) {
        try {
            Files.createDirectories(dataDir);
            write(GROUPS, snapshot.groups());
            write(SERVERS, snapshot.servers());
            write(SYNC, snapshot.sync());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the cluster state under " + dataDir, e);
        }
    }

    private void write(String name, String text) throws IOException {
        Path tmp = dataDir.resolve(name + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, dataDir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Loads what a previous run saved into an empty model; nothing happens when there are no files. */
    public void load(ClusterState state) {
        try {
            Path groups = dataDir.resolve(GROUPS);
            if (!Files.exists(groups)) {
                return;
            }
            for (Map<String, String> sec : sections(groups, "Group")) {
                state.restoreGroup(sec.get("group_name"), intOf(sec, "storage_port"), intOf(sec, "store_path_count"),
                        intOf(sec, "subdir_count_per_path"));
            }
            Path servers = dataDir.resolve(SERVERS);
            if (Files.exists(servers)) {
                for (Map<String, String> sec : sections(servers, "Storage")) {
                    restoreStorage(state, sec);
                }
            }
            Path sync = dataDir.resolve(SYNC);
            if (Files.exists(sync)) {
                restoreSync(state, Files.readAllLines(sync, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the cluster state from " + dataDir, e);
        }
    }

    private static void restoreStorage(ClusterState state, Map<String, String> sec) {
        Group g = state.group(sec.get("group_name"));
        if (g == null) {
            return;
        }
        StorageNode n = state.restoreStorage(g, sec.getOrDefault("id", sec.get("ip_addr")));
        n.ip = sec.get("ip_addr");
        StorageStatus status = StorageStatus.of(intOf(sec, "status"));
        n.status = status == StorageStatus.ACTIVE || status == StorageStatus.ONLINE || status == null
                ? StorageStatus.OFFLINE : status;
        n.version = sec.getOrDefault("version", "");
        n.joinTime = longOf(sec, "join_time");
        n.port = intOf(sec, "storage_port");
        n.syncSrcId = sec.getOrDefault("sync_src_server", "");
        n.syncUntilTimestamp = longOf(sec, "sync_until_timestamp");
        n.changelogOffset = longOf(sec, "changelog_offset");
        n.storePathCount = intOf(sec, "store_path_count");
        n.subdirCount = intOf(sec, "subdir_count_per_path");
        n.uploadPriority = intOf(sec, "upload_priority");
        n.pathTotalMb = new long[Math.max(1, n.storePathCount)];
        n.pathFreeMb = new long[n.pathTotalMb.length];
        n.pathTotalMb[0] = longOf(sec, "total_mb");
        n.pathFreeMb[0] = longOf(sec, "free_mb");
        Map<StatField, Long> stats = new LinkedHashMap<>();
        for (StatField f : StatField.values()) {
            if (sec.containsKey(f.key())) {
                stats.put(f, longOf(sec, f.key()));
            }
        }
        n.stat = StatBlock.of(stats);
        n.lastSyncedTimestamp = longOf(sec, "last_synced_timestamp");
        n.lastHeartBeat = longOf(sec, "last_heart_beat_time");
    }

    private static void restoreSync(ClusterState state, List<String> lines) {
        for (String line : lines) {
            String[] f = line.split(",");
            Group g = f.length >= 2 ? state.group(f[0]) : null;
            if (g == null) {
                continue;
            }
            List<StorageNode> dests = g.storages.values().stream()
                    .filter(n -> n.status != StorageStatus.DELETED && n.status != StorageStatus.IP_CHANGED).toList();
            Map<String, Long> row = new LinkedHashMap<>();
            for (int i = 2; i < f.length && i - 2 < dests.size(); i++) {
                long ts = Long.parseLong(f[i].trim());
                if (ts > 0) {
                    row.put(dests.get(i - 2).id, ts);
                }
            }
            g.syncTimestamps.put(f[1], new java.util.HashMap<>(row));
        }
    }

    /** Sections whose name starts with {@code prefix}, as key/value maps, in file order. */
    static List<Map<String, String>> sections(Path file, String prefix) throws IOException {
        List<Map<String, String>> result = new ArrayList<>();
        Map<String, String> current = null;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                current = line.startsWith("[" + prefix) ? new LinkedHashMap<>() : null;
                if (current != null) {
                    result.add(current);
                }
            } else if (current != null) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    current.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        }
        return result;
    }

    private static int intOf(Map<String, String> m, String key) {
        return (int) longOf(m, key);
    }

    private static long longOf(Map<String, String> m, String key) {
        String v = m.get(key);
        try {
            return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
