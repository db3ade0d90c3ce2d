package org.fastdfs.storage.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flat {@code key=value} files FastDFS keeps under {@code <base_path>/data} (storage_stat.dat,
 * .data_init_flag): one item per line, '#' starts a comment, no sections. Written through a temp file
 * and an atomic rename, so a crash leaves the old or the new content, never half of it.
 */
public final class IniFile {

    private IniFile() {
    }

    /** The items of {@code file} in file order; later duplicates win. */
    public static Map<String, String> read(Path file) throws IOException {
        Map<String, String> items = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            String s = line.strip();
            int eq = s.indexOf('=');
            if (s.isEmpty() || s.startsWith("#") || eq <= 0) {
                continue;
            }
            items.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
        }
        return items;
    }

    /** Replaces {@code file} with the items, one {@code key=value} line each. */
    public static void write(Path file, Map<String, ?> items) throws IOException {
        StringBuilder b = new StringBuilder();
        items.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, b, StandardCharsets.ISO_8859_1);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The integer value of {@code key}, or {@code fallback} when it is missing or not a number. */
    public static long number(Map<String, String> items, String key, long fallback) {
        String v = items.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
