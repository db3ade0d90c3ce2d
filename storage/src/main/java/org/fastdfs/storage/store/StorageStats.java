package org.fastdfs.storage.store;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.fastdfs.proto.stat.StatBlock;
import org.fastdfs.proto.stat.StatField;

/**
 * The storage's counters, one per field of the stat block (PROTOCOL.md §2.6), under FastDFS's key
 * names: what the tracker reporter sends in beats, what storage_stat.dat persists and what metrics
 * export. Counting follows FastDFS: {@code total_*} for every request, {@code success_*} for those
 * that succeeded. Thread-safe and lock-free.
 */
public final class StorageStats {

    private static final StatField[] FIELDS = StatField.values();

    private final AtomicLongArray values = new AtomicLongArray(FIELDS.length);

    public long get(StatField field) {
        return values.get(field.ordinal());
    }

    public void set(StatField field, long value) {
        values.set(field.ordinal(), value);
    }

    public void add(StatField field, long delta) {
        values.addAndGet(field.ordinal(), delta);
    }

    public void increment(StatField field) {
        add(field, 1);
    }

    /** Counts one request: its total counter, and its success counter when it succeeded. */
    public void count(StatField total, StatField success, boolean ok) {
        increment(total);
        if (ok) {
            increment(success);
        }
    }

    /** Counts one request that moved {@code bytes}: count and bytes, total and (when ok) success. */
    public void count(StatField total, StatField success, StatField totalBytes, StatField successBytes,
                      boolean ok, long bytes) {
        count(total, success, ok);
        add(totalBytes, bytes);
        if (ok) {
            add(successBytes, bytes);
        }
    }

    /** Records that this storage changed a file at {@code epochSecond} because a client asked it to. */
    public void sourceUpdated(long epochSecond) {
        values.accumulateAndGet(StatField.LAST_SOURCE_UPDATE.ordinal(), epochSecond, Math::max);
    }

    /** All counters as a stat block. */
    public StatBlock snapshot() {
        Map<StatField, Long> m = new EnumMap<>(StatField.class);
        for (StatField f : FIELDS) {
            m.put(f, values.get(f.ordinal()));
        }
        return StatBlock.of(m);
    }
}
