package org.fastdfs.client.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A description of the machine a benchmark ran on, from the JVM and Linux's /proc. */
public final class Machine {

    private Machine() {
    }

    /** Host, CPU, cores, memory, OS, Java, and the file system of {@code dataDir} (may be {@code null}). */
    public static Map<String, Object> describe(Path dataDir) {
        Map<String, Object> m = Json.object();
        m.put("host", hostName());
        m.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        String mem = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        m.put("memory_mib", mem == null ? null : Long.parseLong(mem.replaceAll("[^0-9]", "")) / 1024);
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        String fs = null;
        if (dataDir != null) {
            try {
                fs = Files.getFileStore(dataDir).type();
            } catch (IOException | RuntimeException e) {
                // unknown
            }
        }
        m.put("data_dir", dataDir == null ? null : dataDir.toAbsolutePath().toString());
        m.put("data_fs", fs);
        return m;
    }

    /** The short host name. */
    public static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = Files.readString(Path.of("/etc/hostname")).trim();
            } catch (IOException | RuntimeException e) {
                h = null;
            }
        }
        if (h == null || h.isBlank()) {
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                h = "unknown";
            }
        }
        int dot = h.indexOf('.');
        return dot > 0 ? h.substring(0, dot) : h;
    }

    /** The value of the first {@code key : value} line of a /proc file, or {@code null}. */
    static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return null;
    }
}
