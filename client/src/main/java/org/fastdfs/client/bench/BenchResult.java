package org.fastdfs.client.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one scenario.
 *
 * @param spec         what was run
 * @param trackers     the trackers used
 * @param profile      the wire profile used
 * @param started      when the measured phase started
 * @param seconds      length of the measured phase
 * @param ops          one result per operation of the mix
 * @param total        all operations together
 * @param processes    watched processes over the measured phase
 * @param machine      the whole machine over the measured phase, {@code null} where unknown
 * @param settleSeconds how long the warm-up went on for the JIT compilers to settle (0: it did not wait)
 * @param stoppedEarly why the run ended before its count or duration, or {@code null}
 * @param uploadedIds  ids of the files uploaded in the measured phase (not in the JSON)
 */
public record BenchResult(BenchSpec spec, List<String> trackers, String profile, Instant started, double seconds,
                          List<OpResult> ops, OpResult total, List<ProcessUsage> processes, MachineUsage machine,
                          double settleSeconds, String stoppedEarly,
                          List<String> uploadedIds) {

    public BenchResult {
        trackers = List.copyOf(trackers);
        ops = List.copyOf(ops);
        processes = List.copyOf(processes);
        uploadedIds = List.copyOf(uploadedIds);
    }

    /** Whether the errors exceed the spec's tolerance. */
    public boolean failed() {
        return spec.tooManyErrors(total.errors(), total.count() + total.errors());
    }

    public Map<String, Object> toJson() {
        Map<String, Object> o = Json.object();
        o.put("name", spec.displayName());
        o.put("started", started.toString());
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
        o.put("seconds", Json.round(seconds, 3));
        o.put("stopped_early", stoppedEarly);
        o.put("failed", failed());
        Map<String, Object> byOp = Json.object();
        for (OpResult r : ops) {
            byOp.put(r.op(), r.toJson());
        }
        o.put("ops", byOp);
        o.put("total", total.toJson());
        o.put("processes", processes.stream().map(ProcessUsage::toJson).toList());
        o.put("machine", machine == null ? null : machine.toJson());
        return o;
    }
}
