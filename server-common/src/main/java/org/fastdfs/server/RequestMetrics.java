package org.fastdfs.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Status;

/**
 * Prometheus meters for the requests a server answers, by command and status:
 * {@code fdfs_requests_total}, {@code fdfs_request_seconds} (latency) and
 * {@code fdfs_request_bytes_total} (body bytes in and out), each tagged with the server role.
 */
public final class RequestMetrics implements RequestObserver {

    private final MeterRegistry registry;
    private final String role;
    private final ConcurrentHashMap<Integer, Counter> requests = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Timer> latency = new ConcurrentHashMap<>();
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
        requests.computeIfAbsent(command << 8 | status, k -> Counter.builder("fdfs_requests")
                .tag("role", role).tag("command", name(command)).tag("status", statusName(status))
                .description("Requests answered, by command and status").register(registry)).increment();
        latency.computeIfAbsent(command, k -> Timer.builder("fdfs_request")
                .tag("role", role).tag("command", name(command))
                .description("Time from a complete request header to its answer")
                .publishPercentiles(0.5, 0.9, 0.99).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        this.bytesIn.increment(Math.max(0, bytesIn));
        this.bytesOut.increment(Math.max(0, bytesOut));
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
