package org.fastdfs.client.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What the machine can do at best, measured without FastDFS: the yardstick a scenario is compared with.
 *
 * @param name        "sendfile" or "files"
 * @param description what was measured, in words
 * @param unit        "MiB/s" or "files/s"
 * @param runs        the rate of each repetition
 * @param parameters  size, count, threads, directory...
 */
public record CeilingResult(String name, String description, String unit, List<Double> runs,
                            Map<String, Object> parameters) {

    public CeilingResult {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no run");
        }
    }

    /** The best repetition: the ceiling. */
    public double best() {
        return Collections.max(runs);
    }

    public double median() {
        List<Double> sorted = new ArrayList<>(runs);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> o = Json.object();
        o.put("name", name);
        o.put("description", description);
        o.put("unit", unit);
        o.put("best", Json.round(best(), 1));
        o.put("median", Json.round(median(), 1));
        o.put("runs", runs.stream().map(r -> Json.round(r, 1)).toList());
        o.put("parameters", parameters);
        return o;
    }
}
