package org.fastdfs.proto.stat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.fastdfs.proto.Wire;

/**
 * FDFSStorageStatBuff: the 348-byte block of storage counters that is the body of STORAGE_BEAT and
 * the tail of every list-storages struct (PROTOCOL.md §2.6, §4.5). The layout is the same in every
 * FastDFS version since 5.x. Immutable; {@link #with} returns a changed copy.
 */
public final class StatBlock {

    /** Size on the wire. */
    public static final int SIZE = 348;

    private static final StatField[] FIELDS = StatField.values();
    public static final StatBlock EMPTY = new StatBlock(new long[FIELDS.length]);

    private final long[] values;

    private StatBlock(long[] values) {
        this.values = values;
    }

    public static StatBlock of(Map<StatField, Long> values) {
        long[] v = new long[FIELDS.length];
        values.forEach((f, x) -> v[f.ordinal()] = x);
        return new StatBlock(v);
    }

    public long get(StatField field) {
        return values[field.ordinal()];
    }

    public StatBlock with(StatField field, long value) {
        long[] v = values.clone();
        v[field.ordinal()] = value;
        return new StatBlock(v);
    }

    /** All fields with their values, in wire order. */
    public Map<StatField, Long> asMap() {
        Map<StatField, Long> m = new EnumMap<>(StatField.class);
        for (StatField f : FIELDS) {
            m.put(f, values[f.ordinal()]);
        }
        return m;
    }

    public static StatBlock decode(ByteBuffer in) {
        Wire.require(in, SIZE, "stat block");
        long[] v = new long[FIELDS.length];
        for (StatField f : FIELDS) {
            v[f.ordinal()] = f.width() == 4 ? in.getInt() : in.getLong();
        }
        return new StatBlock(v);
    }

    public void encode(ByteBuffer out) {
        for (StatField f : FIELDS) {
            if (f.width() == 4) {
                out.putInt((int) values[f.ordinal()]);
            } else {
                out.putLong(values[f.ordinal()]);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatBlock s && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StatBlock{");
        for (StatField f : FIELDS) {
            if (values[f.ordinal()] != 0) {
                sb.append(f.key()).append('=').append(values[f.ordinal()]).append(", ");
            }
        }
        return sb.append('}').toString();
    }
}
