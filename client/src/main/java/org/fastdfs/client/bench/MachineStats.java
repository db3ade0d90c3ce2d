package org.fastdfs.client.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU and page-cache state from Linux's {@code /proc/stat} and {@code /proc/meminfo}:
 * what the suite waits out before a scenario besides its own processes (the kernel writing back the
 * previous scenario's uploads, for one).
 *
 * @param busyTicks    CPU time of all cores spent on anything but idle and iowait, ticks (steal included)
 * @param stealTicks   CPU time the hypervisor gave to others while this machine wanted to run, ticks
 * @param totalTicks   all CPU time of all cores, ticks
 * @param unwrittenKib page-cache data not yet on disk (Dirty + Writeback), KiB
 * @param cores        the cores /proc/stat lists
 */
public record MachineStats(long busyTicks, long stealTicks, long totalTicks, long unwrittenKib, int cores) {

    /** The figures now, or {@code null} where /proc cannot be read (not Linux). */
    public static MachineStats read() {
        return read(Path.of("/proc"));
    }

    static MachineStats read(Path proc) {
        try {
            return parse(Files.readString(proc.resolve("stat"), StandardCharsets.ISO_8859_1),
                    Files.readString(proc.resolve("meminfo"), StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** From the text of /proc/stat (its first, all-cores {@code cpu} line) and /proc/meminfo. */
    static MachineStats parse(String stat, String meminfo) {
        String cpu = stat.lines().filter(l -> l.startsWith("cpu ")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cpu line in /proc/stat"));
        String[] f = cpu.trim().split("\\s+");
        long total = 0;
        long idle = 0;
        long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
        // user nice system idle iowait irq softirq steal (guest time is already in user)
        for (int i = 1; i <= 8 && i < f.length; i++) {
            long v = Long.parseLong(f[i]);
            total += v;
            if (i == 4 || i == 5) {
                idle += v;
            }
        }
        int cores = (int) stat.lines().filter(l -> l.length() > 3 && l.startsWith("cpu")
                && Character.isDigit(l.charAt(3))).count();
        return new MachineStats(total - idle, steal, total,
                ProcStats.kib(meminfo, "Dirty:") + ProcStats.kib(meminfo, "Writeback:"), Math.max(cores, 1));
    }

    /** Share of all cores busy between {@code before} and this reading (0 when no time passed). */
    public double busyShareSince(MachineStats before) {
        long total = totalTicks - before.totalTicks;
        return total <= 0 ? 0 : (double) (busyTicks - before.busyTicks) / total;
    }

    /** Share of all cores' time taken by the hypervisor between {@code before} and this reading. */
    public double stealShareSince(MachineStats before) {
        long total = totalTicks - before.totalTicks;
        return total <= 0 ? 0 : (double) (stealTicks - before.stealTicks) / total;
    }
}
