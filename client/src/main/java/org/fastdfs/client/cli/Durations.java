package org.fastdfs.client.cli;

import java.time.Duration;
import java.util.Locale;

/** Parses durations written {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, or a number of seconds. */
final class Durations {

    private Durations() {
    }

    static Duration parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("ms")) {
                return check(Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim())), text);
            }
            char unit = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
            String number = Character.isDigit(unit) ? s : s.substring(0, s.length() - 1).trim();
            long n = Long.parseLong(number);
            Duration d = switch (unit) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> {
                    if (!Character.isDigit(unit)) {
                        throw new IllegalArgumentException("'" + text + "': unknown unit (use ms, s, m or h)");
                    }
                    yield Duration.ofSeconds(n);
                }
            };
            return check(d, text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 500ms, 5s or 1m");
        }
    }

    private static Duration check(Duration d, String text) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("'" + text + "' must be positive");
        }
        return d;
    }
}
