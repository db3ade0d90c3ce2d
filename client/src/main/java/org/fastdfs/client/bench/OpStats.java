package org.fastdfs.client.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.fastdfs.client.FdfsException;
import org.fastdfs.client.FdfsNetworkException;

/** What the workers saw of one operation (or of all together): latencies of successes, bytes, errors. Thread-safe. */
public final class OpStats {

    /** Distinct error messages kept; later ones are counted under "other errors". */
    static final int MAX_ERROR_KINDS = 10;
    private static final Pattern FILE_ID =
            Pattern.compile("[A-Za-z0-9_]+/M[0-9A-Fa-f]{2}/[0-9A-Fa-f]{2}/[0-9A-Fa-f]{2}/[^\\s:,)]+");

    /** An error message with how often it occurred. */
    public record ErrorSample(String message, long count) {
    }

    private final String name;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

    public OpStats(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** A completed operation that took {@code nanos} and moved {@code bytes} bytes of file content. */
    public void success(long nanos, long bytes) {
        latency.record(nanos);
        if (bytes != 0) {
            this.bytes.add(bytes);
        }
    }

    /** A failed operation. */
    public void failure(Throwable e) {
        errors.increment();
        String key = describe(e);
        LongAdder n = errorKinds.get(key);
        if (n == null && errorKinds.size() >= MAX_ERROR_KINDS) {
            key = "other errors";
        }
        errorKinds.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    public LatencyHistogram latency() {
        return latency;
    }

    /** Successful operations. */
    public long count() {
        return latency.count();
    }

    public long errors() {
        return errors.sum();
    }

    public long bytes() {
        return bytes.sum();
    }

    /** The error messages, most frequent first (file ids replaced by FILE so that alike errors group). */
    public List<ErrorSample> errorSamples() {
        List<ErrorSample> list = new ArrayList<>();
        errorKinds.forEach((k, v) -> list.add(new ErrorSample(k, v.sum())));
        list.sort(Comparator.comparingLong(ErrorSample::count).reversed().thenComparing(ErrorSample::message));
        return list;
    }

    static String describe(Throwable e) {
        String kind = e instanceof FdfsNetworkException ? "network error"
                : e instanceof FdfsException ? "FastDFS error"
                : e.getClass().getSimpleName();
        String message = e.getMessage() == null ? "" : FILE_ID.matcher(e.getMessage()).replaceAll("FILE");
        return kind + ": " + message;
    }
}
