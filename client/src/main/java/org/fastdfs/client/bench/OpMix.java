package org.fastdfs.client.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Which operations a benchmark runs, with weights: {@code upload}, {@code meta} (meta-set:50,meta-get:50),
 * or {@code mixed=upload:70,download:30}. The n-th operation of a run is {@link #opAt(long) opAt(n)}: a
 * fixed, evenly interleaved cycle (smooth weighted round robin), so a count-limited run does exactly
 * the expected number of each operation and the result does not depend on thread scheduling.
 */
public final class OpMix {

    private static final int MAX_CYCLE = 10_000;

    private final Map<Op, Integer> weights;
    private final Op[] cycle;

    private OpMix(Map<Op, Integer> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("no operation given");
        }
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        this.cycle = buildCycle(this.weights);
    }

    /** One operation only. */
    public static OpMix of(Op op) {
        return new OpMix(Map.of(op, 1));
    }

    /** Operations with weights, in the given order. */
    public static OpMix of(Map<Op, Integer> weights) {
        weights.forEach((op, w) -> {
            if (w == null || w < 1) {
                throw new IllegalArgumentException("weight of " + op + " must be at least 1");
            }
        });
        return new OpMix(weights);
    }

    /** Parses {@code upload}, {@code meta}, {@code mixed=upload:70,download:30} or {@code upload:70,download:30}. */
    public static OpMix parse(String text) {
        String s = text.trim();
        if (s.equalsIgnoreCase("meta")) {
            return new OpMix(orderedMap(Op.META_SET, 50, Op.META_GET, 50));
        }
        if (s.regionMatches(true, 0, "mixed=", 0, 6)) {
            s = s.substring(6);
        }
        if (!s.contains(":") && !s.contains(",")) {
            return of(Op.parse(s));
        }
        Map<Op, Integer> weights = new LinkedHashMap<>();
        for (String part : s.split(",", -1)) {
            String p = part.trim();
            int colon = p.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("'" + part + "' is not OP:WEIGHT, e.g. upload:70");
            }
            Op op = Op.parse(p.substring(0, colon));
            int w;
            try {
                w = Integer.parseInt(p.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight '" + p.substring(colon + 1) + "' of " + op + " is not a number");
            }
            if (w < 1 || w > MAX_CYCLE) {
                throw new IllegalArgumentException("weight of " + op + " must be 1.." + MAX_CYCLE + ": " + w);
            }
            if (weights.put(op, w) != null) {
                throw new IllegalArgumentException(op + " is given twice");
            }
        }
        return new OpMix(weights);
    }

    private static Map<Op, Integer> orderedMap(Op a, int wa, Op b, int wb) {
        Map<Op, Integer> m = new LinkedHashMap<>();
        m.put(a, wa);
        m.put(b, wb);
        return m;
    }

    /** The operations and their weights, in the order given. */
    public Map<Op, Integer> weights() {
        return weights;
    }

    public List<Op> ops() {
        return List.copyOf(weights.keySet());
    }

    public boolean contains(Op op) {
        return weights.containsKey(op);
    }

    /** The operation number {@code n} (0-based) of a run. */
    public Op opAt(long n) {
        return cycle[(int) Math.floorMod(n, (long) cycle.length)];
    }

    /** How many of the first {@code n} operations are {@code op}. */
    public long countIn(Op op, long n) {
        long full = n / cycle.length;
        int rest = (int) (n % cycle.length);
        long perCycle = 0;
        long inRest = 0;
        for (int i = 0; i < cycle.length; i++) {
            if (cycle[i] == op) {
                perCycle++;
                if (i < rest) {
                    inRest++;
                }
            }
        }
        return full * perCycle + inRest;
    }

    /** The mix as {@code upload} or {@code upload:70,download:30}. */
    @Override
    public String toString() {
        if (weights.size() == 1) {
            return weights.keySet().iterator().next().label();
        }
        StringJoiner j = new StringJoiner(",");
        weights.forEach((op, w) -> j.add(op.label() + ":" + w));
        return j.toString();
    }

    private static Op[] buildCycle(Map<Op, Integer> weights) {
        int gcd = 0;
        for (int w : weights.values()) {
            gcd = gcd(gcd, w);
        }
        Map<Op, Integer> reduced = new EnumMap<>(Op.class);
        List<Op> order = new ArrayList<>(weights.keySet());
        int total = 0;
        for (Op op : order) {
            int w = weights.get(op) / gcd;
            reduced.put(op, w);
            total += w;
        }
        if (total > MAX_CYCLE) {
            throw new IllegalArgumentException("weights are too fine-grained: use smaller numbers (sum at most "
                    + MAX_CYCLE + " after dividing by their common divisor)");
        }
        // smooth weighted round robin (as nginx): evenly interleaved, deterministic
        Op[] cycle = new Op[total];
        int[] current = new int[order.size()];
        for (int i = 0; i < total; i++) {
            int best = -1;
            for (int k = 0; k < order.size(); k++) {
                current[k] += reduced.get(order.get(k));
                if (best < 0 || current[k] > current[best]) {
                    best = k;
                }
            }
            current[best] -= total;
            cycle[i] = order.get(best);
        }
        return cycle;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
