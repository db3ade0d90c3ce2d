package org.fastdfs.tracker.cluster;

import java.util.Locale;

/**
 * {@code reserved_storage_space} (PROTOCOL.md §7.5): either an absolute amount in MB, which applies to
 * the sum of a storage's paths (each path gets its share), or a ratio of each path's total.
 */
public record ReservedSpace(long megabytes, double ratio) {

    public static ReservedSpace ofMegabytes(long mb) {
        return new ReservedSpace(mb, -1);
    }

    public static ReservedSpace ofRatio(double ratio) {
        if (ratio <= 0 || ratio >= 1) {
            throw new IllegalArgumentException("reserved ratio must be between 0 and 100%");
        }
        return new ReservedSpace(-1, ratio);
    }

    public boolean isRatio() {
        return ratio > 0;
    }

    /** Parses "20%", "1024MB", "10G", "512M", "4096K" or a bare byte count. */
    public static ReservedSpace parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        try {
            if (t.endsWith("%")) {
                return ofRatio(Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100.0);
            }
            if (t.endsWith("B")) {
                t = t.substring(0, t.length() - 1);
            }
            long unit = 1;
            char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
            switch (last) {
                case 'G' -> unit = 1L << 30;
                case 'M' -> unit = 1L << 20;
                case 'K' -> unit = 1L << 10;
                default -> unit = 1;
            }
            if (unit != 1) {
                t = t.substring(0, t.length() - 1);
            }
            return ofMegabytes((long) (Double.parseDouble(t.trim()) * unit / (1L << 20)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad reserved_storage_space '" + text
                    + "': expected e.g. 20% or 1024MB", e);
        }
    }

    /** The reserved amount for a storage or group of {@code totalMb}, as shown in stat structs. */
    public long reservedMb(long totalMb) {
        return isRatio() ? (long) (totalMb * ratio) : megabytes;
    }

    /** Group or storage check: is there room above the reserve? */
    public boolean hasRoom(long freeMb, long totalMb) {
        if (isRatio()) {
            return totalMb > 0 && (double) freeMb / totalMb > ratio;
        }
        return freeMb > megabytes;
    }

    /** Per-path check: an absolute reserve is shared out over the paths. */
    public boolean pathHasRoom(long freeMb, long totalMb, int pathCount) {
        if (isRatio()) {
            return totalMb > 0 && (double) freeMb / totalMb > ratio;
        }
        return freeMb > megabytes / Math.max(1, pathCount);
    }

    @Override
    public String toString() {
        return isRatio() ? String.format(Locale.ROOT, "%.2f%%", ratio * 100) : megabytes + "MB";
    }
}
