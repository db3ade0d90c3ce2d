package org.fastdfs.client.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Unix timestamps as fdfs_monitor prints them: {@code yyyy-MM-dd HH:mm:ss}, "-" for 0 (never). */
final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {
    }

    static String format(long unixSeconds, ZoneId zone) {
        if (unixSeconds <= 0) {
            return "-";
        }
        return FORMAT.format(Instant.ofEpochSecond(unixSeconds).atZone(zone));
    }
}
