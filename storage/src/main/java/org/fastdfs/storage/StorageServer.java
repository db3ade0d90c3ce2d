package org.fastdfs.storage;

import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.fastdfs.proto.FrameLimits;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.server.FrameServer;
import org.fastdfs.server.Listener;
import org.fastdfs.server.RequestMetrics;
import org.fastdfs.storage.store.FileStore;

/** Opens the store and starts the storage's FastDFS listener at boot; stops both at shutdown. */
@ApplicationScoped
public class StorageServer extends Listener {

    /** Largest streamed body: FastDFS file sizes are 64-bit, we cap at 1 TiB. */
    static final long MAX_STREAMED = 1L << 40;

    private final Vertx vertx;
    private final StorageConfig config;
    private final StorageDispatcher.Factory dispatchers;
    private final MeterRegistry registry;
    private final FileStore store;

    StorageServer(Vertx vertx, StorageConfig config, StorageDispatcher.Factory dispatchers, FileStore store,
                  MeterRegistry registry) {
        this.vertx = vertx;
        this.registry = registry;
        this.config = config;
        this.dispatchers = dispatchers;
        this.store = store;
    }

    // first among the start-up observers: the others (metrics, reporters) expect an open store and a bound port
    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) StartupEvent event) {
        store.open(config.port());
        WireProfile profile = WireProfile.parse(config.protocol());
        FrameLimits limits = FrameLimits.server(config.buffSize(), MAX_STREAMED);
        FrameServer s = new FrameServer(vertx, "storage (" + config.groupName() + ", " + profile + ")", limits,
                connection -> dispatchers.create(connection, profile))
                .observe(new RequestMetrics(registry, "storage"));
        bind(s, config.bindAddr(), config.port(), config.idleTimeoutSeconds(), config.workThreads());
    }

    void stop(@Observes ShutdownEvent event) {
        unbind();
        store.close();
    }
}
