package org.fastdfs.storage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the FastDFS listener is bound. */
@Liveness
@ApplicationScoped
public class ListenerHealthCheck implements HealthCheck {

    private final StorageServer server;

    ListenerHealthCheck(StorageServer server) {
        this.server = server;
    }

    @Override
    public HealthCheckResponse call() {
        return server.liveness();
    }
}
