package org.fastdfs.storage;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import org.fastdfs.proto.FrameLimits;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.server.FrameServer;
import org.fastdfs.storage.store.FileStore;

/** Opens the store and starts the storage's FastDFS listener at boot; stops both at shutdown. */
@ApplicationScoped
public class StorageServer {

    /** Largest streamed body: FastDFS file sizes are 64-bit, we cap at 1 TiB. */
    static final long MAX_STREAMED = 1L << 40;

    private final Vertx vertx;
    private final StorageConfig config;
    private final StorageDispatcher.Factory dispatchers;
    private final FileStore store;
    private volatile FrameServer server;

    StorageServer(Vertx vertx, StorageConfig config, StorageDispatcher.Factory dispatchers, FileStore store) {
        this.vertx = vertx;
        this.config = config;
        this.dispatchers = dispatchers;
        this.store = store;
    }

    void start(@Observes StartupEvent event) {
        store.open(config.port());
        WireProfile profile = WireProfile.parse(config.protocol());
        FrameLimits limits = FrameLimits.server(config.buffSize(), MAX_STREAMED);
        FrameServer s = new FrameServer(vertx, "storage (" + config.groupName() + ", " + profile + ")", limits,
                connection -> dispatchers.create(connection, profile));
        s.listen(config.bindAddr(), config.port(), config.idleTimeoutSeconds())
                .toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
        server = s;
    }

    void stop(@Observes ShutdownEvent event) {
        FrameServer s = server;
        if (s != null) {
            s.close().toCompletionStage().toCompletableFuture().completeOnTimeout(null, 5, TimeUnit.SECONDS).join();
        }
        store.close();
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
