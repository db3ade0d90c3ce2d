package org.fastdfs.client.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one scenario: one or more measured rounds after one warm-up. Where there were several,
 * the figures shown ({@link #total()}, {@link #processes()}, ...) are those of the median round by rate
 * (the slower of the middle two for an even count; rounds the hypervisor {@linkplain Round#disturbed()
 * disturbed} left out while any other is there), and every round is in {@link #rounds()}: a host that
 * steals a core for a fraction of a second, or a burst of background work, then moves one round, not
 * the result.
 *
 * @param spec         what was run
 * @param trackers     the trackers used
 * @param profile      the wire profile used
 * @param rounds       the measured rounds, in order (at least one)
 * @param settleSeconds how long the warm-up went on for the JIT compilers to settle (0: it did not wait)
 * @param uploadedIds  ids of the files uploaded in the measured rounds (not in the JSON)
 */
public record BenchResult(BenchSpec spec, List<String> trackers, String profile, List<Round> rounds,
                          double settleSeconds, List<String> uploadedIds) {

    /**
     * One measured round.
     *
     * @param started      when it started
     * @param seconds      its length
     * @param ops          one result per operation of the mix
     * @param total        all operations together
     * @param processes    watched processes over the round
     * @param machine      the whole machine over the round, {@code null} where unknown
     * @param stoppedEarly why it ended before its count or duration, or {@code null}
     */
    public record Round(Instant started, double seconds, List<OpResult> ops, OpResult total,
                        List<ProcessUsage> processes, MachineUsage machine, String stoppedEarly) {

        /**
         * The share of the time the hypervisor may steal before a round is disturbed: on the 2-core VMs
         * this was measured on, a quarter of the time stolen for half a minute took a third off a
         * scenario's rate; the round says more about the host than about the servers.
         */
        public static final double STEAL_LIMIT = 0.10;
        /**
         * The machine time a round must span for its steal share to count (0.1 s of 2 cores): /proc/stat
         * counts in ticks of 10 ms, and over a few ticks one stolen tick is a large share by rounding alone.
         */
        static final long MIN_TICKS = 20;

        public Round {
            ops = List.copyOf(ops);
            processes = List.copyOf(processes);
        }

        /** Whether the hypervisor stole more than {@link #STEAL_LIMIT} of the round's time. */
        public boolean disturbed() {
            return machine != null && machine.ticks() >= MIN_TICKS && machine.stealShare() > STEAL_LIMIT;
        }

        Map<String, Object> toJson() {
            Map<String, Object> o = Json.object();
            o.put("started", started.toString());
            o.put("seconds", Json.round(seconds, 3));
            o.put("count", total.count());
            o.put("errors", total.errors());
            o.put("ops_per_s", Json.round(total.opsPerSecond(), 1));
            o.put("mib_per_s", Json.round(total.mibPerSecond(), 2));
            o.put("p50_ms", Json.round(total.p50Ms(), 3));
            Map<String, Object> cpu = Json.object();
            processes.stream().filter(ProcessUsage::known)
                    .forEach(p -> cpu.put(p.name(), Json.round(p.cpuSecondsPer1000Ops(), 4)));
            o.put("cpu_s_per_1000_ops", cpu);
            o.put("machine", machine == null ? null : machine.toJson());
            o.put("stopped_early", stoppedEarly);
            o.put("disturbed", disturbed());
            return o;
        }
    }

    public BenchResult {
        trackers = List.copyOf(trackers);
        rounds = List.copyOf(rounds);
        uploadedIds = List.copyOf(uploadedIds);
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("a result needs a measured round");
        }
    }

    /**
     * Index of the round shown: the median by operations per second of the undisturbed rounds, or of all
     * when every round was disturbed (the lower middle one of an even count).
     */
    public int shownRound() {
        List<Integer> order = new ArrayList<>();
        boolean anyClean = rounds.stream().anyMatch(r -> !r.disturbed());
        for (int i = 0; i < rounds.size(); i++) {
            if (!anyClean || !rounds.get(i).disturbed()) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble(i -> rounds.get(i).total().opsPerSecond()));
        return order.get((order.size() - 1) / 2);
    }

    private Round shown() {
        return rounds.get(shownRound());
    }

    /** When the shown round started. */
    public Instant started() {
        return shown().started();
    }

    /** Length of the shown round. */
    public double seconds() {
        return shown().seconds();
    }

    /** The shown round's results per operation of the mix. */
    public List<OpResult> ops() {
        return shown().ops();
    }

    /** The shown round's operations together. */
    public OpResult total() {
        return shown().total();
    }

    /** Watched processes over the shown round. */
    public List<ProcessUsage> processes() {
        return shown().processes();
    }

    /** The whole machine over the shown round, {@code null} where unknown. */
    public MachineUsage machine() {
        return shown().machine();
    }

    /** Why a round ended before its count or duration (the first such round), or {@code null}. */
    public String stoppedEarly() {
        return rounds.stream().map(Round::stoppedEarly).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The errors of all rounds together (the shown round's are in {@link #total()}). */
    public long errors() {
        return rounds.stream().mapToLong(r -> r.total().errors()).sum();
    }

    /** Whether the errors of all rounds together exceed the spec's tolerance. */
    public boolean failed() {
        long attempted = rounds.stream().mapToLong(r -> r.total().count() + r.total().errors()).sum();
        return spec.tooManyErrors(errors(), attempted);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> o = Json.object();
        o.put("name", spec.displayName());
        o.put("started", started().toString());
        o.put("trackers", trackers);
        o.put("profile", profile);
        o.put("connections", spec.connections());
        Map<String, Object> mix = Json.object();
        spec.mix().weights().forEach((op, w) -> mix.put(op.label(), w));
        o.put("mix", mix);
        o.put("sizes", spec.sizes());
        o.put("count", spec.count() > 0 ? spec.count() : null);
        o.put("duration_s", spec.duration() == null ? null : spec.duration().toMillis() / 1000.0);
        Map<String, Object> warm = Json.object();
        warm.put("ops", spec.warmup().ops());
        warm.put("seconds", spec.warmup().time() == null ? null : spec.warmup().time().toMillis() / 1000.0);
        warm.put("settle_max_s", spec.warmup().settle() == null ? null : spec.warmup().settle().toSeconds());
        warm.put("settle_s", Json.round(settleSeconds, 1));
        o.put("warmup", warm);
        o.put("seconds", Json.round(seconds(), 3));
        o.put("stopped_early", stoppedEarly());
        o.put("failed", failed());
        Map<String, Object> byOp = Json.object();
        for (OpResult r : ops()) {
            byOp.put(r.op(), r.toJson());
        }
        o.put("ops", byOp);
        o.put("total", total().toJson());
        o.put("processes", processes().stream().map(ProcessUsage::toJson).toList());
        o.put("machine", machine() == null ? null : machine().toJson());
        if (rounds.size() > 1) {
            o.put("shown_round", shownRound() + 1);
            o.put("rounds", rounds.stream().map(Round::toJson).toList());
        }
        return o;
    }
}
