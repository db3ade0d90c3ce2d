package org.fastdfs.server;

import io.vertx.core.Context;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The FastDFS listener of an application: bound once at start-up (a failure to bind fails the start)
 * and closed at shutdown. The tracker's and the storage's server beans extend it.
 */
public abstract class Listener {

    private volatile FrameServer server;

    /**
     * Binds {@code s} with its connections spread over {@code loops} event loops, waiting up to 30 s; the
     * application does not start without its port.
     */
    protected void bind(FrameServer s, String host, int port, int idleSeconds, int loops) {
        await(s.listen(host, port, idleSeconds, loops));
        server = s;
    }

    /** Binds {@code s} with its connections on {@code context}'s event loop (see {@link FrameServer#listen}). */
    protected void bind(FrameServer s, Context context, String host, int port, int idleSeconds) {
        await(s.listen(context, host, port, idleSeconds));
        server = s;
    }

    private static void await(io.vertx.core.Future<FrameServer> listening) {
        listening.toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** Closes the listener and its connections, waiting up to 5 s. */
    protected void unbind() {
        FrameServer s = server;
        if (s != null) {
            s.close().toCompletionStage().toCompletableFuture().completeOnTimeout(null, 5, TimeUnit.SECONDS).join();
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

    /** The liveness answer: up while the port is bound, with the port and the open connections. */
    public HealthCheckResponse liveness() {
        return HealthCheckResponse.named("fastdfs-listener")
                .status(listening())
                .withData("port", port())
                .withData("connections", connectionCount())
                .build();
    }
}
