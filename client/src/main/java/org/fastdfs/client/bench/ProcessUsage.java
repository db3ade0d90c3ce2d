package org.fastdfs.client.bench;

import java.util.Map;

/**
 * Memory and CPU of a watched process over a measured phase (from /proc, see {@link ProcStats}).
 *
 * @param name   what the process is ("storage1", "client")
 * @param pid    its id
 * @param before figures when the phase started, {@code null} if unreadable
 * @param after  figures when it ended, {@code null} if unreadable
 * @param ops    operations done in the phase (successes and errors)
 */
public record ProcessUsage(String name, long pid, ProcStats before, ProcStats after, long ops) {

    public boolean known() {
        return before != null && after != null;
    }

    /** CPU seconds used during the phase. */
    public double cpuSeconds() {
        return known() ? (after.cpuTicks() - before.cpuTicks()) / (double) ProcStats.TICKS_PER_SECOND : Double.NaN;
    }

    /** CPU seconds of the JIT compiler threads during the phase (0 for a process without any). */
    public double compilerSeconds() {
        // compiler threads come and go: one that ended took its time with it
        return known() ? Math.max(0, after.compilerTicks() - before.compilerTicks())
                / (double) ProcStats.TICKS_PER_SECOND : Double.NaN;
    }

    /** CPU seconds per 1,000 operations. */
    public double cpuSecondsPer1000Ops() {
        return known() && ops > 0 ? cpuSeconds() * 1000 / ops : Double.NaN;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> o = Json.object();
        o.put("name", name);
        o.put("pid", pid);
        o.put("rss_kib_before", before == null ? null : before.rssKib());
        o.put("rss_kib_after", after == null ? null : after.rssKib());
        o.put("hwm_kib", after == null ? null : after.hwmKib());
        o.put("cpu_s", Json.round(cpuSeconds(), 2));
        o.put("cpu_s_per_1000_ops", Json.round(cpuSecondsPer1000Ops(), 4));
        o.put("jit_cpu_s", Json.round(compilerSeconds(), 2));
        return o;
    }
}
