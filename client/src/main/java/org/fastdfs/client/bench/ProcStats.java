package org.fastdfs.client.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory and CPU of a local process from Linux's {@code /proc}: VmRSS and VmHWM of
 * {@code /proc/PID/status}, utime + stime of {@code /proc/PID/stat} (every thread, including those
 * that have ended), in clock ticks of USER_HZ = 100 per second (fixed for /proc on Linux).
 *
 * <p>For a JVM, {@code compilerTicks} is the CPU time of its JIT compiler threads (named
 * {@code C1/C2 CompilerThreadN}), read from {@code /proc/PID/task/*&#47;stat}: a server still compiling
 * while it is measured is not yet in its steady state. Other processes have none (0).
 *
 * @param rssKib        current resident set size, KiB
 * @param hwmKib        peak resident set size since the process started, KiB
 * @param cpuTicks      user + system CPU time, ticks
 * @param compilerTicks user + system CPU time of the JIT compiler threads alive now, ticks
 */
public record ProcStats(long rssKib, long hwmKib, long cpuTicks, long compilerTicks) {

    /** Ticks per second in /proc/PID/stat (USER_HZ). */
    public static final int TICKS_PER_SECOND = 100;

    /** The process's figures now, or {@code null} when it is gone or /proc is not readable. */
    public static ProcStats read(long pid) {
        return read(Path.of("/proc", Long.toString(pid)));
    }

    /** Reads {@code dir/status} and {@code dir/stat}; {@code null} if either cannot be read or parsed. */
    static ProcStats read(Path dir) {
        try {
            String status = Files.readString(dir.resolve("status"), StandardCharsets.ISO_8859_1);
            String stat = Files.readString(dir.resolve("stat"), StandardCharsets.ISO_8859_1);
            return new ProcStats(kib(status, "VmRSS:"), kib(status, "VmHWM:"), cpuTicks(stat), compilerTicks(dir));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** CPU ticks of the threads of {@code dir/task} whose name marks a JIT compiler thread. */
    static long compilerTicks(Path dir) {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(dir.resolve("task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.ISO_8859_1);
                    if (isCompilerThread(stat)) {
                        ticks += cpuTicks(stat);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks;
    }

    /** Whether a thread's stat line names a HotSpot compiler thread ("C2 CompilerThre", cut to 15 characters). */
    static boolean isCompilerThread(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        return open >= 0 && close > open && stat.substring(open + 1, close).contains("CompilerThre");
    }

    public double cpuSeconds() {
        return (double) cpuTicks / TICKS_PER_SECOND;
    }

    /** A {@code Key:   1234 kB} line of /proc/PID/status; 0 when absent (kernel threads). */
    static long kib(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key)) {
                String[] parts = line.substring(key.length()).trim().split("\\s+");
                return Long.parseLong(parts[0]);
            }
        }
        return 0;
    }

    /** utime (field 14) + stime (field 15) of /proc/PID/stat; the command name in parentheses may hold spaces. */
    static long cpuTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/PID/stat line");
        }
        String[] f = stat.substring(close + 1).trim().split("\\s+");
        // f[0] is field 3 (state), so field n is f[n - 3]
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
