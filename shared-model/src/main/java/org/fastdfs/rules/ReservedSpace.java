package org.fastdfs.rules;

import java.util.Locale;

/**
 * FastDFS's {@code reserved_storage_space} (PROTOCOL.md §7.5): either an absolute amount in MB for the
 * whole storage (each store path keeps {@code mb / path count}), or a ratio of each path's size.
 *
 * @param mb    reserved megabytes for the whole storage (ratio mode: 0)
 * @param ratio reserved fraction of each path, 0 &lt; ratio &lt; 1 (MB mode: 0)
 */
public record ReservedSpace(long mb, double ratio) {

    /** FDFS_DEF_STORAGE_RESERVED_MB: what FastDFS reserves when the key is missing. */
    public static final ReservedSpace DEFAULT = new ReservedSpace(1024, 0);

    public ReservedSpace {
        if (mb < 0 || ratio < 0 || ratio >= 1 || (mb > 0 && ratio > 0)) {
            throw new IllegalArgumentException("bad reserved space: " + mb + " MB, ratio " + ratio);
        }
    }

    public boolean isRatio() {
        return ratio > 0;
    }

    /**
     * Parses {@code "10%"} (0 &lt; x &lt; 100), or a number of bytes with an optional unit {@code G},
     * {@code M} or {@code K} ({@code "20G"}, {@code "512M"}, {@code "1073741824"}).
     */
    public static ReservedSpace parse(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT);
        try {
            if (s.endsWith("%")) {
                double percent = Double.parseDouble(s.substring(0, s.length() - 1).trim());
                if (!(percent > 0 && percent < 100)) {
                    throw new IllegalArgumentException("reserved space ratio must be between 0% and 100%: " + text);
                }
                return new ReservedSpace(0, percent / 100);
            }
            if (s.endsWith("B")) {
                s = s.substring(0, s.length() - 1).trim(); // "1024MB", "4GB" as tracker.conf writes them
            }
            long unit = 1;
            char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
            if (last == 'G' || last == 'M' || last == 'K') {
                unit = last == 'G' ? 1L << 30 : last == 'M' ? 1L << 20 : 1L << 10;
                s = s.substring(0, s.length() - 1).trim();
            }
            long bytes = Math.multiplyExact(Long.parseLong(s), unit);
            if (bytes < 0) {
                throw new IllegalArgumentException("negative reserved space: " + text);
            }
            return new ReservedSpace(bytes >> 20, 0);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("cannot read reserved space \"" + text
                    + "\": expected e.g. 10%, 20G, 512M or a number of bytes (reserved_storage_space)", e);
        }
    }

    /**
     * Whether a path of {@code totalMb} with {@code freeMb} free can take {@code fileSize} more bytes
     * and still keep its share of the reserve: the free MB left (file size rounded down to MB) must stay
     * above {@code mb / pathCount}, or above {@code ratio} of the path's size.
     */
    public boolean allows(long totalMb, long freeMb, int pathCount, long fileSize) {
        long left = freeMb - (fileSize >> 20);
        if (isRatio()) {
            return totalMb > 0 && (double) left / totalMb > ratio;
        }
        return left > mb / Math.max(1, pathCount);
    }

    /** The reserved MB of one path of {@code totalMb}, as the stat structs report it. */
    public long reservedMb(long totalMb, int pathCount) {
        return isRatio() ? (long) (ratio * totalMb) : mb / Math.max(1, pathCount);
    }

    /**
     * The tracker's group check (§7.5): does a group whose tightest writable storage has {@code freeMb} of
     * {@code totalMb} free still have room above the reserve?
     */
    public boolean hasRoom(long freeMb, long totalMb) {
        if (isRatio()) {
            return totalMb > 0 && (double) freeMb / totalMb > ratio;
        }
        return freeMb > mb;
    }

    /** As FastDFS prints it in PARAMETER_REQ: {@code "20.00%"} or {@code "1024MB"}. */
    @Override
    public String toString() {
        return isRatio() ? String.format(Locale.ROOT, "%.2f%%", ratio * 100) : mb + "MB";
    }
}
