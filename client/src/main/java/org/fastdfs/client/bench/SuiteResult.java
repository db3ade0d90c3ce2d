package org.fastdfs.client.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of {@link Suite#run}: machine, ceilings and scenarios, as JSON and as a markdown report.
 *
 * @param machine    {@link Machine#describe}
 * @param ceilings   the ceilings measured
 * @param steps      one per scenario, in order
 */
public record SuiteResult(Instant started, boolean quick, String label, Map<String, Object> machine,
                          List<String> trackers, String profile, int connections,
                          Map<Suite.Ceiling, CeilingResult> ceilings, List<Suite.StepResult> steps) {

    public SuiteResult {
        trackers = List.copyOf(trackers);
        ceilings = new LinkedHashMap<>(ceilings);
        steps = List.copyOf(steps);
    }

    /** True when a scenario failed, was skipped, or had more errors than tolerated. */
    public boolean failed() {
        return steps.stream().anyMatch(s -> s.result() == null || s.result().failed());
    }

    /** The scenario's rate in the unit of its ceiling, divided by the ceiling; NaN when there is none. */
    public double ratio(Suite.StepResult s) {
        CeilingResult c = ceilings.get(s.step().ceiling());
        if (c == null || s.result() == null || c.best() <= 0) {
            return Double.NaN;
        }
        OpResult t = s.result().total();
        double value = s.step().ceiling() == Suite.Ceiling.FILES ? t.opsPerSecond() : t.mibPerSecond();
        return value / c.best();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> o = Json.object();
        o.put("suite", quick ? "standard --quick" : "standard");
        o.put("quick", quick);
        o.put("label", label);
        o.put("date", started.toString());
        o.put("machine", machine);
        Map<String, Object> cluster = Json.object();
        cluster.put("trackers", trackers);
        cluster.put("profile", profile);
        cluster.put("connections", connections);
        o.put("cluster", cluster);
        Map<String, Object> c = Json.object();
        ceilings.forEach((k, v) -> c.put(v.name(), v.toJson()));
        o.put("ceilings", c);
        List<Object> list = new ArrayList<>();
        for (Suite.StepResult s : steps) {
            Map<String, Object> entry = s.result() != null ? s.result().toJson() : Json.object();
            if (s.result() == null) {
                entry.put("name", s.step().name());
                entry.put("error", s.error());
            }
            CeilingResult ceiling = ceilings.get(s.step().ceiling());
            if (ceiling != null) {
                Map<String, Object> ce = Json.object();
                ce.put("name", ceiling.name());
                ce.put("unit", ceiling.unit());
                ce.put("value", Json.round(ceiling.best(), 1));
                ce.put("ratio", Json.round(ratio(s), 4));
                entry.put("ceiling", ce);
            }
            list.add(entry);
        }
        o.put("scenarios", list);
        return o;
    }

    /** A markdown section: heading, machine, results table, ceilings, resources table. */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder();
        String date = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).format(started.atOffset(ZoneOffset.UTC));
        b.append("### ").append(quick ? "Smoke run (`bench/run --quick`)" : "Benchmark").append(", ").append(date)
                .append(", ").append(machine.get("host")).append("\n\n");
        if (quick) {
            b.append("> Scaled-down counts for a smoke test: these figures are not a measurement.\n\n");
        }
        if (label != null && !label.isBlank()) {
            b.append("> ").append(label).append("\n\n");
        }
        b.append("Machine: ").append(machine.get("cpu")).append(", ").append(machine.get("cores")).append(" cores, ")
                .append(machine.get("memory_mib") == null ? "?" : String.format(Locale.ROOT, "%.1f GiB",
                        ((Number) machine.get("memory_mib")).longValue() / 1024.0))
                .append(" RAM, ").append(machine.get("os")).append(", data on ").append(machine.get("data_fs"))
                .append(", client on ").append(machine.get("java")).append(".  \n");
        b.append("Cluster: trackers ").append(String.join(", ", trackers)).append(" (").append(profile)
                .append(" profile), ").append(connections).append(" connections per scenario.\n\n");

        b.append("| scenario | ops | errors | ops/s | MiB/s | p50 ms | p90 ms | p99 ms | max ms | ceiling | of ceiling |\n");
        b.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Suite.StepResult s : steps) {
            CeilingResult c = ceilings.get(s.step().ceiling());
            String ceiling = c == null ? "" : String.format(Locale.ROOT, "%s %,.0f %s", c.name(), c.best(), c.unit());
            if (s.result() == null) {
                b.append("| ").append(s.step().name()).append(" | ").append(s.error()).append(" |||||||| ")
                        .append(ceiling).append(" | |\n");
                continue;
            }
            OpResult t = s.result().total();
            double ratio = ratio(s);
            b.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,.0f | %,.1f | %.2f | %.2f | %.2f | %.2f | %s | %s |%n",
                    s.step().name(), t.count(), t.errors(), t.opsPerSecond(), t.mibPerSecond(), t.p50Ms(), t.p90Ms(),
                    t.p99Ms(), t.maxMs(), ceiling, Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.1f %%", ratio * 100)));
        }
        b.append('\n');
        List<String> settled = new ArrayList<>();
        for (Suite.StepResult s : steps) {
            if (s.result() != null && s.result().spec().warmup().settle() != null) {
                settled.add(String.format(Locale.ROOT, "%s %.0f s", s.step().name(), s.result().settleSeconds()));
            }
        }
        if (!settled.isEmpty()) {
            b.append("Warm-ups went on for the JIT compilers of the watched processes and the client to settle: ")
                    .append(String.join(", ", settled)).append(".\n\n");
        }
        appendRounds(b);
        b.append("Ceilings (best of the runs; median in parentheses):\n\n");
        for (CeilingResult c : ceilings.values()) {
            b.append(String.format(Locale.ROOT, "- %s: %,.0f %s (%,.0f): %s%n", c.name(), c.best(), c.unit(), c.median(),
                    c.description()));
        }
        appendResources(b);
        return b.toString();
    }

    /** Each scenario's rounds, where there were several: the tables show the median one. */
    private void appendRounds(StringBuilder b) {
        List<String> lines = new ArrayList<>();
        for (Suite.StepResult s : steps) {
            if (s.result() == null || s.result().rounds().size() < 2) {
                continue;
            }
            boolean bytes = s.step().ceiling() == Suite.Ceiling.SENDFILE;
            List<String> rates = s.result().rounds().stream().map(r -> describe(r, bytes)).toList();
            lines.add("- " + s.step().name() + ": " + String.join("; ", rates) + "; shown: round "
                    + (s.result().shownRound() + 1));
        }
        if (!lines.isEmpty()) {
            b.append(String.format(Locale.ROOT, "Each scenario was measured in rounds after its warm-up, a pause "
                    + "and a shorter second warm-up, with the machine quiet before each; a round the hypervisor "
                    + "stole more than %.0f %% of is disturbed and measured again. The tables show the median of "
                    + "the undisturbed rounds:%n%n",
                    BenchResult.Round.STEAL_LIMIT * 100)).append(String.join("\n", lines)).append("\n\n");
        }
    }

    /** "2,147 MiB/s (1.79 cores busy, 0 % stolen), 2 errors: ...". */
    private static String describe(BenchResult.Round r, boolean bytes) {
        StringBuilder d = new StringBuilder(String.format(Locale.ROOT, bytes ? "%,.0f MiB/s" : "%,.0f ops/s",
                bytes ? r.total().mibPerSecond() : r.total().opsPerSecond()));
        MachineUsage m = r.machine();
        if (m != null) {
            d.append(String.format(Locale.ROOT, " (%.2f cores busy, %.0f %% stolen%s)", m.busyCores(),
                    m.stealShare() * 100, r.disturbed() ? ": disturbed" : ""));
        }
        if (r.total().errors() > 0) {
            d.append(String.format(Locale.ROOT, ", %,d errors", r.total().errors()));
            if (!r.total().errorSamples().isEmpty()) {
                d.append(": ").append(r.total().errorSamples().get(0).message());
            }
        }
        return d.toString();
    }

    private void appendResources(StringBuilder b) {
        List<String> names = new ArrayList<>();
        for (Suite.StepResult s : steps) {
            if (s.result() != null) {
                for (ProcessUsage p : s.result().processes()) {
                    if (!names.contains(p.name())) {
                        names.add(p.name());
                    }
                }
            }
        }
        if (names.isEmpty()) {
            return;
        }
        b.append("\nProcesses over each measured phase: CPU seconds per 1,000 operations, and RSS at the end "
                + "(MiB; peak since start in parentheses), with the share of that CPU time spent compiling (JIT) where "
                + "there was any; the machine's busy cores (all processes and the kernel, "
                + "stolen time not counted) and the share of time the hypervisor stole:\n\n");
        StringBuilder head = new StringBuilder("| scenario | busy cores | steal |");
        StringBuilder rule = new StringBuilder("|---|--:|--:|");
        for (String n : names) {
            head.append(' ').append(n).append(" CPU s/1k ops | ").append(n).append(" RSS MiB |");
            rule.append("--:|--:|");
        }
        b.append(head).append('\n').append(rule).append('\n');
        for (Suite.StepResult s : steps) {
            if (s.result() == null) {
                continue;
            }
            b.append("| ").append(s.step().name()).append(" |");
            MachineUsage m = s.result().machine();
            b.append(m == null ? " | |" : String.format(Locale.ROOT, " %.2f | %.1f %% |", m.busyCores(),
                    m.stealShare() * 100));
            for (String n : names) {
                ProcessUsage p = s.result().processes().stream().filter(u -> u.name().equals(n)).findFirst().orElse(null);
                if (p == null || !p.known()) {
                    b.append(" | |");
                } else {
                    double jit = p.cpuSeconds() > 0 ? p.compilerSeconds() / p.cpuSeconds() : 0;
                    b.append(String.format(Locale.ROOT, " %.3f%s | %,.0f (%,.0f) |", p.cpuSecondsPer1000Ops(),
                            jit >= 0.005 ? String.format(Locale.ROOT, " (JIT %.0f %%)", jit * 100) : "",
                            p.after().rssKib() / 1024.0, p.after().hwmKib() / 1024.0));
                }
            }
            b.append('\n');
        }
    }
}
