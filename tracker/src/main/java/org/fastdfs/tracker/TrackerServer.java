package org.fastdfs.tracker;

import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.fastdfs.proto.FrameLimits;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.server.FrameServer;
import org.fastdfs.server.Listener;
import org.fastdfs.server.RequestMetrics;
import org.jboss.logging.Logger;

/** Starts the tracker's FastDFS listener at boot and stops it at shutdown. */
@ApplicationScoped
public class TrackerServer extends Listener {

    private static final Logger LOG = Logger.getLogger(TrackerServer.class);

    private final Vertx vertx;
    private final TrackerConfig config;
    private final TrackerDispatcher.Factory dispatchers;
    private final MeterRegistry registry;
    private final ClusterService cluster;

    TrackerServer(Vertx vertx, TrackerConfig config, TrackerDispatcher.Factory dispatchers, MeterRegistry registry,
                  ClusterService cluster) {
        this.vertx = vertx;
        this.cluster = cluster;
        this.registry = registry;
        this.config = config;
        this.dispatchers = dispatchers;
    }

    // first among the start-up observers: the others (metrics, reporters) expect an open store and a bound port
    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) StartupEvent event) {
        WireProfile profile = WireProfile.parse(config.protocol());
        FrameLimits limits = FrameLimits.builder(config.maxRequestBytes()).build();
        FrameServer s = new FrameServer(vertx, "tracker (" + profile + ")", limits,
                connection -> dispatchers.create(connection, profile))
                .observe(new RequestMetrics(registry, "tracker"));
        // on the model's own context: queries and reports run where they arrive (see ClusterService)
        bind(s, cluster.owner(), config.bindAddr(), config.port(), config.idleTimeoutSeconds());
    }

    void stop(@Observes ShutdownEvent event) {
        unbind();
        // the reports held back since the last save (ClusterService.REPORTS_SAVE_INTERVAL_MILLIS)
        try {
            cluster.flush().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("could not save the cluster state at shutdown: %s", e.toString());
        }
    }
}
