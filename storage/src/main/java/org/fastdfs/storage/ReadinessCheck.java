package org.fastdfs.storage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.fastdfs.storage.report.TrackerLink;
import org.fastdfs.storage.report.TrackerReporter;

/** Ready when the listener is bound and joined to at least one tracker (or none is configured). */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    private final StorageServer server;
    private final TrackerReporter reporter;

    ReadinessCheck(StorageServer server, TrackerReporter reporter) {
        this.server = server;
        this.reporter = reporter;
    }

    @Override
    public HealthCheckResponse call() {
        boolean joined = reporter.links().isEmpty() || reporter.joinedAny();
        var b = HealthCheckResponse.named("fastdfs-storage")
                .status(server.listening() && joined)
                .withData("listening", server.listening())
                .withData("joinedTrackers", reporter.links().stream().filter(TrackerLink::connected).count());
        for (TrackerLink l : reporter.links()) {
            b.withData("tracker " + l.address(), l.connected() ? "joined" : "down: " + l.lastError());
        }
        return b.build();
    }
}
