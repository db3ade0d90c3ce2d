package org.fastdfs.client.bench;

import java.util.Map;

/**
 * The whole machine over a measured phase: how many cores were busy (every process, the kernel's
 * threads included) and how much of the time the hypervisor took. A scenario that leaves cores idle is
 * waiting on something other than CPU; one with a high steal share ran on a crowded host.
 *
 * @param before the reading when the phase started
 * @param after  the reading when it ended
 */
public record MachineUsage(MachineStats before, MachineStats after) {

    /** Over the phase, or {@code null} if either reading is missing (no /proc). */
    public static MachineUsage of(MachineStats before, MachineStats after) {
        return before == null || after == null ? null : new MachineUsage(before, after);
    }

    public int cores() {
        return after.cores();
    }

    /** Cores busy on average, stolen time not counted (0..cores). */
    public double busyCores() {
        return (after.busyShareSince(before) - stealShare()) * cores();
    }

    /** All cores' time over the phase, in /proc/stat ticks (10 ms each on Linux). */
    public long ticks() {
        return after.totalTicks() - before.totalTicks();
    }

    /** Share of all cores' time the hypervisor took (0..1). */
    public double stealShare() {
        return after.stealShareSince(before);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> o = Json.object();
        o.put("cores", cores());
        o.put("busy_cores", Json.round(busyCores(), 2));
        o.put("steal_share", Json.round(stealShare(), 4));
        return o;
    }
}
