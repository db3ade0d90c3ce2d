package org.fastdfs.tracker;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Live and ready while the FastDFS listener is bound (one check, reported under both). */
@Liveness
@Readiness
@ApplicationScoped
public class ListenerHealthCheck implements HealthCheck {

    private final TrackerServer server;

    ListenerHealthCheck(TrackerServer server) {
        this.server = server;
    }

    @Override
    public HealthCheckResponse call() {
        return server.liveness();
    }
}
