package org.fastdfs.server;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.fastdfs.proto.FrameLimits;
import org.jboss.logging.Logger;

/**
 * A FastDFS TCP listener: accepts sockets and wraps each one in a {@link FramedConnection} with a
 * dispatcher made for it. Port 0 picks an ephemeral port; {@link #port()} tells which.
 */
public final class FrameServer {

    private static final Logger LOG = Logger.getLogger(FrameServer.class);

    private final Vertx vertx;
    private final String name;
    private final FrameLimits limits;
    private final Function<FramedConnection, RequestDispatcher> dispatchers;
    private final Set<FramedConnection> connections = ConcurrentHashMap.newKeySet();
    private NetServer server;
    /** The deployment of the servers on further event loops ({@link #listen(String, int, int, int)}), or null. */
    private volatile String more;
    private RequestObserver observer = RequestObserver.NONE;

    public FrameServer(Vertx vertx, String name, FrameLimits limits,
                       Function<FramedConnection, RequestDispatcher> dispatchers) {
        this.vertx = vertx;
        this.name = name;
        this.limits = limits;
        this.dispatchers = dispatchers;
    }

    /**
     * Starts listening.
     *
     * @param host        address to bind ("0.0.0.0" or empty for all)
     * @param port        port, 0 for an ephemeral one
     * @param idleSeconds close connections silent for this long; 0 never
     */
    public Future<FrameServer> listen(String host, int port, int idleSeconds) {
        return listen(null, host, port, idleSeconds);
    }

    /**
     * Starts listening with every connection served on {@code context}'s event loop (null: a context of
     * its own), so that work that already runs there needs no hand-off between threads.
     */
    public Future<FrameServer> listen(Context context, String host, int port, int idleSeconds) {
        if (context != null && Vertx.currentContext() != context) {
            Promise<FrameServer> bound = Promise.promise();
            context.runOnContext(v -> listen(context, host, port, idleSeconds).onComplete(bound));
            return bound.future();
        }
        NetServerOptions options = options(host, port, idleSeconds);
        server = vertx.createNetServer(options);
        server.connectHandler(this::accept);
        return server.listen().map(s -> {
            LOG.infof("%s listening on %s:%d", name, options.getHost(), s.actualPort());
            return this;
        });
    }

    /**
     * Starts listening with the connections spread over {@code loops} event loops (FastDFS's
     * {@code work_threads}): one server as {@link #listen(String, int, int)} makes it, and {@code loops - 1}
     * more on the same port, each on an event loop of its own, Vert.x handing new connections to them in turn.
     */
    public Future<FrameServer> listen(String host, int port, int idleSeconds, int loops) {
        if (loops < 1) {
            throw new IllegalArgumentException("at least one event loop: " + loops);
        }
        if (loops == 1) {
            return listen(null, host, port, idleSeconds);
        }
        // Vert.x shares a port between servers of one instance, and an ephemeral one asked as -1 (0 is never shared)
        int shared = port == 0 ? -1 : port;
        return listen(null, host, shared, idleSeconds).compose(s -> vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                NetServer extra = vertx.createNetServer(options(host, shared, idleSeconds));
                extra.connectHandler(FrameServer.this::accept);
                extra.listen().<Void>mapEmpty().onComplete(started);
            }
        }, new DeploymentOptions().setInstances(loops - 1)).map(id -> {
            more = id;
            LOG.infof("%s: connections served on %d event loops", name, loops);
            return this;
        }).recover(failed -> server.close().transform(closed -> Future.failedFuture(failed))));
    }

    private static NetServerOptions options(String host, int port, int idleSeconds) {
        return new NetServerOptions()
                .setHost(host == null || host.isBlank() ? "0.0.0.0" : host)
                .setPort(port)
                .setTcpNoDelay(true)
                .setReuseAddress(true)
                .setIdleTimeout(idleSeconds)
                .setIdleTimeoutUnit(TimeUnit.SECONDS);
    }

    /** A new connection, served on the event loop of the server that accepted it. */
    private void accept(NetSocket socket) {
        FramedConnection c = FramedConnection.accept(socket, vertx.getOrCreateContext(), limits, dispatchers,
                connections::remove, observer);
        connections.add(c);
    }

    /** Observes every answered request (call before {@link #listen}). */
    public FrameServer observe(RequestObserver observer) {
        this.observer = observer;
        return this;
    }

    /** The bound port (the ephemeral one when 0 was asked for). */
    public int port() {
        return server == null ? -1 : server.actualPort();
    }

    /** Number of open connections. */
    public int connectionCount() {
        return connections.size();
    }

    public Future<Void> close() {
        connections.forEach(FramedConnection::close);
        String id = more;
        Future<Void> others = id == null ? Future.succeededFuture() : vertx.undeploy(id);
        return others.eventually(() -> server == null ? Future.succeededFuture() : server.close());
    }
}
