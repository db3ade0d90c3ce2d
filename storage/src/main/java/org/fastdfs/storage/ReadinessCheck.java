package org.fastdfs.storage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.fastdfs.storage.report.TrackerLink;
import org.fastdfs.storage.report.TrackerReporter;
import org.fastdfs.storage.store.FileStore;

/**
 * Ready when the listener is bound, every store path can be written, and at least one tracker has
 * accepted this storage's JOIN (or none is configured).
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    private final StorageServer server;
    private final TrackerReporter reporter;
    private final FileStore store;

    ReadinessCheck(StorageServer server, TrackerReporter reporter, FileStore store) {
        this.server = server;
        this.reporter = reporter;
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        boolean joined = reporter.links().isEmpty() || reporter.joinedAny();
        boolean writable = store.isOpen() && store.paths().writable();
        var b = HealthCheckResponse.named("fastdfs-storage")
                .status(server.listening() && writable && joined)
                .withData("listening", server.listening())
                .withData("storePathsWritable", writable)
                .withData("joinedTrackers", reporter.links().stream().filter(TrackerLink::connected).count());
        for (TrackerLink l : reporter.links()) {
            b.withData("tracker " + l.address(), l.connected() ? "joined" : "down: " + l.lastError());
        }
        return b.build();
    }
}
