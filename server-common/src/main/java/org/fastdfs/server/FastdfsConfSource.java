package org.fastdfs.server;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Lets a tracker or storage start from an existing FastDFS config file: set
 * {@code fdfs.tracker.conf-file} or {@code fdfs.storage.conf-file} (or {@code FDFS_TRACKER_CONF_FILE} /
 * {@code FDFS_STORAGE_CONF_FILE}) and its keys become {@code fdfs.tracker.*} / {@code fdfs.storage.*}
 * values. Its ordinal (275) sits above application.properties and below env vars and -D flags, so
 * those still override single keys.
 */
public final class FastdfsConfSource implements ConfigSourceFactory {

    static final int ORDINAL = 275;

    private static final Map<String, String> TRACKER_KEYS = Map.ofEntries(
            Map.entry("bind_addr", "bind-addr"), Map.entry("port", "port"), Map.entry("base_path", "base-path"),
            Map.entry("store_lookup", "store-lookup"), Map.entry("store_group", "store-group"),
            Map.entry("store_server", "store-server"), Map.entry("store_path", "store-path"),
            Map.entry("download_server", "download-server"),
            Map.entry("reserved_storage_space", "reserved-storage-space"),
            Map.entry("check_active_interval", "check-active-interval"),
            Map.entry("storage_sync_file_max_delay", "storage-sync-file-max-delay"),
            Map.entry("storage_sync_file_max_time", "storage-sync-file-max-time"));

    private static final Map<String, String> STORAGE_KEYS = Map.ofEntries(
            Map.entry("group_name", "group-name"), Map.entry("bind_addr", "bind-addr"), Map.entry("port", "port"),
            Map.entry("base_path", "base-path"), Map.entry("subdir_count_per_path", "subdir-count-per-path"),
            Map.entry("heart_beat_interval", "heart-beat-interval-seconds"),
            Map.entry("stat_report_interval", "stat-report-interval-seconds"),
            Map.entry("connect_timeout", "connect-timeout-seconds"),
            Map.entry("network_timeout", "network-timeout-seconds"),
            Map.entry("upload_priority", "upload-priority"), Map.entry("buff_size", "buff-size"),
            Map.entry("file_distribute_path_mode", "file-distribute-path-mode"),
            Map.entry("file_distribute_rotate_count", "file-distribute-rotate-count"),
            Map.entry("disk_reader_threads", "disk-reader-threads"),
            Map.entry("disk_writer_threads", "disk-writer-threads"),
            Map.entry("work_threads", "work-threads"));

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<ConfigSource> sources = new ArrayList<>();
        ConfigValue tracker = context.getValue("fdfs.tracker.conf-file");
        if (tracker != null && tracker.getValue() != null && !tracker.getValue().isBlank()) {
            sources.add(source(tracker.getValue(), "fdfs.tracker.", TRACKER_KEYS, false));
        }
        ConfigValue storage = context.getValue("fdfs.storage.conf-file");
        if (storage != null && storage.getValue() != null && !storage.getValue().isBlank()) {
            sources.add(source(storage.getValue(), "fdfs.storage.", STORAGE_KEYS, true));
        }
        return sources;
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** The mapped properties of one FastDFS config file. */
    public static Map<String, String> map(FastdfsConfFile conf, String prefix, boolean storage) {
        Map<String, String> keys = storage ? STORAGE_KEYS : TRACKER_KEYS;
        Map<String, String> props = new LinkedHashMap<>();
        keys.forEach((fdfsKey, ourKey) -> {
            String v = conf.get(fdfsKey);
            if (v != null && !v.isEmpty()) {
                props.put(prefix + ourKey, v);
            }
        });
        if (storage) {
            if (conf.get("buff_size") != null) {
                props.put(prefix + "buff-size", Long.toString(bytes(conf.get("buff_size"))));
            }
            int count = conf.get("store_path_count") == null ? 1 : Integer.parseInt(conf.get("store_path_count"));
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String p = conf.get("store_path" + i);
                if (p == null && i == 0) {
                    p = conf.get("base_path");
                }
                if (p != null) {
                    paths.add(p.replace(",", "\\,"));
                }
            }
            if (!paths.isEmpty()) {
                props.put(prefix + "store-paths", String.join(",", paths));
            }
            List<String> trackers = conf.all("tracker_server");
            if (!trackers.isEmpty()) {
                props.put(prefix + "tracker-servers", String.join(",", trackers));
            }
        }
        return props;
    }

    private static long bytes(String v) {
        String t = v.strip().toUpperCase();
        long unit = t.endsWith("KB") || t.endsWith("K") ? 1024 : t.endsWith("MB") || t.endsWith("M") ? 1 << 20 : 1;
        return Long.parseLong(t.replaceAll("[A-Z]+$", "").strip()) * unit;
    }

    private static ConfigSource source(String file, String prefix, Map<String, String> keys, boolean storage) {
        FastdfsConfFile conf = FastdfsConfFile.read(Path.of(file));
        return new MapBackedConfigSource("FastDFS config " + file, map(conf, prefix, storage), ORDINAL) {
        };
    }
}
