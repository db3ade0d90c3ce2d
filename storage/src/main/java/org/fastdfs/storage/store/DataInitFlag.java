package org.fastdfs.storage.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code <base_path>/data/.data_init_flag} (PROTOCOL.md §9.4): written at the first start, it marks the
 * data directory as initialised and keeps the join and sync-negotiation state the tracker reporter
 * maintains ({@code storage_join_time}, {@code sync_old_done}, {@code sync_src_server},
 * {@code sync_until_timestamp}, {@code last_ip_addr}, {@code last_server_port}) plus the trunk keys.
 * Items it does not know (e.g. {@code store_path_mark0}) are kept as they are. Thread-safe.
 */
public final class DataInitFlag {

    public static final String NAME = ".data_init_flag";
    public static final String STORAGE_JOIN_TIME = "storage_join_time";
    public static final String SYNC_OLD_DONE = "sync_old_done";
    public static final String SYNC_SRC_SERVER = "sync_src_server";
    public static final String SYNC_UNTIL_TIMESTAMP = "sync_until_timestamp";
    public static final String LAST_IP_ADDR = "last_ip_addr";
    public static final String LAST_SERVER_PORT = "last_server_port";
    public static final String CURRENT_TRUNK_FILE_ID = "current_trunk_file_id";
    public static final String TRUNK_LAST_COMPRESS_TIME = "trunk_last_compress_time";
    public static final String TRUNK_BINLOG_COMPRESS_STAGE = "trunk_binlog_compress_stage";

    private final Path file;
    private final Map<String, String> items;
    private final boolean created;

    private DataInitFlag(Path file, Map<String, String> items, boolean created) {
        this.file = file;
        this.items = items;
        this.created = created;
    }

    /** Loads the flag file from {@code dataDir}, or writes a fresh one (first start). */
    public static DataInitFlag loadOrCreate(Path dataDir, int port, long now) throws IOException {
        Path f = dataDir.resolve(NAME);
        if (Files.exists(f)) {
            return new DataInitFlag(f, new LinkedHashMap<>(IniFile.read(f)), false);
        }
        Map<String, String> items = new LinkedHashMap<>();
        items.put(STORAGE_JOIN_TIME, Long.toString(now));
        items.put(SYNC_OLD_DONE, "0");
        items.put(SYNC_SRC_SERVER, "");
        items.put(SYNC_UNTIL_TIMESTAMP, "0");
        items.put(LAST_IP_ADDR, "");
        items.put(LAST_SERVER_PORT, Integer.toString(port));
        items.put(CURRENT_TRUNK_FILE_ID, "0");
        items.put(TRUNK_LAST_COMPRESS_TIME, "0");
        items.put(TRUNK_BINLOG_COMPRESS_STAGE, "0");
        DataInitFlag flag = new DataInitFlag(f, items, true);
        flag.save();
        return flag;
    }

    /** True when this start created the file (the storage's first start). */
    public boolean createdNow() {
        return created;
    }

    public synchronized String get(String key) {
        return items.getOrDefault(key, "");
    }

    public synchronized long number(String key) {
        return IniFile.number(items, key, 0);
    }

    /** Changes one item and rewrites the file. */
    public synchronized void set(String key, Object value) throws IOException {
        items.put(key, String.valueOf(value));
        save();
    }

    private synchronized void save() throws IOException {
        IniFile.write(file, items);
    }
}
