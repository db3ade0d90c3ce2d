package org.fastdfs.client.bench;

import java.util.List;
import java.util.Map;

/**
 * The measured figures of one operation (or of all operations together, named "total").
 *
 * @param op         operation name
 * @param count      successful operations
 * @param errors     failed operations
 * @param bytes      file content moved by the successful ones
 * @param seconds    length of the measured phase
 * @param meanMs     mean latency of successful operations, ms (as every latency here)
 * @param errorSamples distinct error messages, most frequent first
 */
public record OpResult(String op, long count, long errors, long bytes, double seconds, double meanMs, double p50Ms,
                       double p90Ms, double p99Ms, double p999Ms, double maxMs, List<OpStats.ErrorSample> errorSamples) {

    public OpResult {
        errorSamples = List.copyOf(errorSamples);
    }

    /** Takes the figures of {@code stats} over a phase of {@code seconds}. */
    public static OpResult of(OpStats stats, double seconds) {
        LatencyHistogram h = stats.latency();
        return new OpResult(stats.name(), stats.count(), stats.errors(), stats.bytes(), seconds, h.mean() / 1e6,
                ms(h.percentile(50)), ms(h.percentile(90)), ms(h.percentile(99)), ms(h.percentile(99.9)), ms(h.max()),
                stats.errorSamples());
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    public double opsPerSecond() {
        return seconds > 0 ? count / seconds : 0;
    }

    public double mibPerSecond() {
        return seconds > 0 ? bytes / seconds / (1024 * 1024) : 0;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> o = Json.object();
        o.put("count", count);
        o.put("errors", errors);
        o.put("bytes", bytes);
        o.put("ops_per_s", Json.round(opsPerSecond(), 1));
        o.put("mib_per_s", Json.round(mibPerSecond(), 2));
        Map<String, Object> lat = Json.object();
        lat.put("mean", Json.round(meanMs, 3));
        lat.put("p50", Json.round(p50Ms, 3));
        lat.put("p90", Json.round(p90Ms, 3));
        lat.put("p99", Json.round(p99Ms, 3));
        lat.put("p99_9", Json.round(p999Ms, 3));
        lat.put("max", Json.round(maxMs, 3));
        o.put("latency_ms", lat);
        if (!errorSamples.isEmpty()) {
            o.put("error_samples", errorSamples.stream().map(e -> {
                Map<String, Object> s = Json.object();
                s.put("message", e.message());
                s.put("count", e.count());
                return s;
            }).toList());
        }
        return o;
    }
}
