package org.fastdfs.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Status;

/**
 * Prometheus meters for the requests a server answers, by command and status:
 * {@code fdfs_requests_total}, {@code fdfs_request_seconds} (latency, as a histogram: percentiles come
 * from {@code histogram_quantile} over any window) and {@code fdfs_request_bytes_total} (body bytes in
 * and out), each tagged with the server role.
 *
 * <p>Called for every request on the event loop, so it stays cheap: meters are found by array index
 * (command, status), not by a map of boxed keys, and the latency is one cumulative histogram per
 * command instead of client-side percentiles (which record into several rotating histograms).
 */
public final class RequestMetrics implements RequestObserver {

    private final MeterRegistry registry;
    private final String role;
    /** By {@code command << 8 | status}. */
    private final AtomicReferenceArray<Counter> requests = new AtomicReferenceArray<>(1 << 16);
    /** By command. */
    private final AtomicReferenceArray<Timer> latency = new AtomicReferenceArray<>(1 << 8);
    private final Counter bytesIn;
    private final Counter bytesOut;

    public RequestMetrics(MeterRegistry registry, String role) {
        this.registry = registry;
        this.role = role;
        this.bytesIn = Counter.builder("fdfs_request_bytes").tag("role", role).tag("direction", "in")
                .description("Request and response body bytes").register(registry);
        this.bytesOut = Counter.builder("fdfs_request_bytes").tag("role", role).tag("direction", "out")
                .description("Request and response body bytes").register(registry);
    }

    @Override
    public void answered(int command, int status, long nanos, long bytesIn, long bytesOut) {
        int c = command & 0xFF;
        int key = c << 8 | (status & 0xFF);
        Counter counter = requests.get(key);
        if (counter == null) {
            // registering is idempotent: a race only builds the same meter twice
            counter = Counter.builder("fdfs_requests")
                    .tag("role", role).tag("command", name(c)).tag("status", statusName(status & 0xFF))
                    .description("Requests answered, by command and status").register(registry);
            requests.set(key, counter);
        }
        counter.increment();
        Timer timer = latency.get(c);
        if (timer == null) {
            timer = Timer.builder("fdfs_request")
                    .tag("role", role).tag("command", name(c))
                    .description("Time from a complete request header to its answer")
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(50_000))
                    .maximumExpectedValue(Duration.ofSeconds(60))
                    .register(registry);
            latency.set(c, timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
        if (bytesIn > 0) {
            this.bytesIn.increment(bytesIn);
        }
        if (bytesOut > 0) {
            this.bytesOut.increment(bytesOut);
        }
    }

    private static String name(int command) {
        Command c = Command.of(command);
        return c == null ? "UNKNOWN_" + command : c.name();
    }

    private static String statusName(int status) {
        Status s = Status.of(status);
        return s == null ? Integer.toString(status) : s.name();
    }
}
