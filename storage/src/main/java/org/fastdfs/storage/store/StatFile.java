package org.fastdfs.storage.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fastdfs.proto.stat.StatField;

/**
 * {@code <base_path>/data/storage_stat.dat} (PROTOCOL.md §9.4): the persistent counters under the stat
 * block's key names, then {@code dist_path_index_high}, {@code dist_path_index_low} and
 * {@code dist_write_file_count}, the round-robin directory cursor. The connection counts and the
 * tracker-side timestamps are runtime values and are not kept.
 */
public final class StatFile {

    public static final String NAME = "storage_stat.dat";
    static final String DIST_HIGH = "dist_path_index_high";
    static final String DIST_LOW = "dist_path_index_low";
    static final String DIST_COUNT = "dist_write_file_count";

    private StatFile() {
    }

    /** Writes the counters and the cursor. */
    public static void save(Path file, StorageStats stats, SubdirCursor cursor) throws IOException {
        Map<String, Object> items = new LinkedHashMap<>();
        for (StatField f : StatField.values()) {
            if (persisted(f)) {
                items.put(f.key(), stats.get(f));
            }
        }
        int[] c = cursor.state();
        items.put(DIST_HIGH, c[0]);
        items.put(DIST_LOW, c[1]);
        items.put(DIST_COUNT, c[2]);
        IniFile.write(file, items);
    }

    /** Loads counters and cursor from {@code file}; returns false (changing nothing) when it does not exist. */
    public static boolean load(Path file, StorageStats stats, SubdirCursor cursor) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        Map<String, String> items = IniFile.read(file);
        for (StatField f : StatField.values()) {
            if (persisted(f)) {
                stats.set(f, IniFile.number(items, f.key(), 0));
            }
        }
        cursor.restore((int) IniFile.number(items, DIST_HIGH, 0), (int) IniFile.number(items, DIST_LOW, 0),
                (int) IniFile.number(items, DIST_COUNT, 0));
        return true;
    }

    private static boolean persisted(StatField f) {
        return switch (f) {
            case CONNECTION_ALLOC_COUNT, CONNECTION_CURRENT_COUNT, CONNECTION_MAX_COUNT,
                 LAST_SYNCED_TIMESTAMP, LAST_HEART_BEAT_TIME -> false;
            default -> true;
        };
    }
}
