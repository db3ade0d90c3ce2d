package org.fastdfs.client.bench;

import java.util.Locale;

/** Byte sizes written {@code 4KiB}, {@code 1MiB}, {@code 64M}, {@code 512} (binary units: K = KB = KiB = 1024). */
public final class Sizes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Sizes() {
    }

    /** Parses a size; K, KB and KiB (any case) all mean 1024, likewise M and G. */
    public static long parse(String text) {
        String s = text.trim();
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a size such as 4KiB, 1MiB or 512");
        }
        long n;
        try {
            n = Long.parseLong(s.substring(0, end));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        String unit = s.substring(end).trim().toLowerCase(Locale.ROOT);
        int shift = switch (unit) {
            case "", "b" -> 0;
            case "k", "kb", "kib" -> 10;
            case "m", "mb", "mib" -> 20;
            case "g", "gb", "gib" -> 30;
            default -> throw new IllegalArgumentException("'" + text + "': unknown unit (use B, KiB, MiB or GiB)");
        };
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return n << shift;
    }

    /** The shortest exact form: 4096 is "4KiB", 1048576 is "1MiB", 1000 is "1000B". */
    public static String format(long bytes) {
        int unit = 0;
        long n = bytes;
        while (n != 0 && n % 1024 == 0 && unit < UNITS.length - 1) {
            n /= 1024;
            unit++;
        }
        return n + UNITS[unit];
    }

    /** A rounded human form with one decimal: "3.9 KiB", "1.5 GiB". */
    public static String human(double bytes) {
        int unit = 0;
        double n = bytes;
        while (Math.abs(n) >= 1024 && unit < UNITS.length - 1) {
            n /= 1024;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%.0f B", n) : String.format(Locale.ROOT, "%.1f %s", n, UNITS[unit]);
    }
}
