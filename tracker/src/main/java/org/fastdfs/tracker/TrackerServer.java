package org.fastdfs.tracker;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.fastdfs.proto.FrameLimits;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.server.FrameServer;
import org.fastdfs.server.RequestMetrics;

/** Starts the tracker's FastDFS listener at boot and stops it at shutdown. */
@ApplicationScoped
public class TrackerServer {

    private final Vertx vertx;
    private final TrackerConfig config;
    private final TrackerDispatcher.Factory dispatchers;
    private final MeterRegistry registry;
    private volatile FrameServer server;

    TrackerServer(Vertx vertx, TrackerConfig config, TrackerDispatcher.Factory dispatchers, MeterRegistry registry) {
        this.vertx = vertx;
        this.registry = registry;
        this.config = config;
        this.dispatchers = dispatchers;
    }

    void start(@Observes StartupEvent event) {
        WireProfile profile = WireProfile.parse(config.protocol());
        FrameLimits limits = FrameLimits.builder(config.maxRequestBytes()).build();
        FrameServer s = new FrameServer(vertx, "tracker (" + profile + ")", limits,
                connection -> dispatchers.create(connection, profile))
                .observe(new RequestMetrics(registry, "tracker"));
        s.listen(config.bindAddr(), config.port(), config.idleTimeoutSeconds())
                .toCompletionStage().toCompletableFuture().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        server = s;
    }

    void stop(@Observes ShutdownEvent event) {
        FrameServer s = server;
        if (s != null) {
            s.close().toCompletionStage().toCompletableFuture()
                    .completeOnTimeout(null, Duration.ofSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .join();
        }
    }

    /** The bound port, or -1 before start. */
    public int port() {
        FrameServer s = server;
        return s == null ? -1 : s.port();
    }

    public boolean listening() {
        return server != null;
    }

    public int connectionCount() {
        FrameServer s = server;
        return s == null ? 0 : s.connectionCount();
    }
}
