package org.fastdfs.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a FastDFS {@code tracker.conf} / {@code storage.conf}: {@code key = value} lines, {@code #}
 * comments, repeatable keys (such as {@code tracker_server}) and {@code #include other.conf}.
 */
public final class FastdfsConfFile {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private FastdfsConfFile() {
    }

    public static FastdfsConfFile read(Path file) {
        FastdfsConfFile conf = new FastdfsConfFile();
        conf.load(file, 0);
        return conf;
    }

    private void load(Path file, int depth) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read FastDFS config " + file, e);
        }
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("#include ") && depth < 8) {
                load(file.resolveSibling(line.substring(9).strip()), depth + 1);
                continue;
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("[")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
    }

    /** The last value of {@code key}, or null. */
    public String get(String key) {
        List<String> v = values.get(key);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    /** Every value of a repeatable key, in file order. */
    public List<String> all(String key) {
        return values.getOrDefault(key, List.of());
    }

    public Map<String, List<String>> asMap() {
        return values;
    }
}
