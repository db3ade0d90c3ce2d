package org.fastdfs.tracker;

import io.vertx.core.Future;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.server.FramedConnection;
import org.fastdfs.server.RequestDispatcher;
import org.fastdfs.tracker.cluster.ClusterState;
import org.jboss.logging.Logger;

/**
 * Routes the requests of one tracker connection: storage reports to {@link StorageReports}, client
 * queries to {@link ClientQueries}. Both work on the cluster model through {@link ClusterService};
 * answers go back on the connection once the owner context has run the action.
 */
final class TrackerDispatcher implements RequestDispatcher {

    private static final Logger LOG = Logger.getLogger(TrackerDispatcher.class);

    private final ClusterService cluster;
    private final WireProfile profile;
    private final Session session = new Session();
    private final StorageReports reports;
    private final ClientQueries queries;
    private final TrackerMetrics metrics;

    private TrackerDispatcher(ClusterService cluster, TrackerMetrics metrics, WireProfile profile, int trackerPort) {
        this.cluster = cluster;
        this.metrics = metrics;
        this.profile = profile;
        this.reports = new StorageReports(profile, trackerPort);
        this.queries = new ClientQueries(profile);
    }

    @Override
    public void onRequest(FramedConnection c, Header header, ByteBuffer body) {
        Command command = header.commandCode();
        switch (command.family()) {
            case TRACKER_STORAGE -> reports.handle(this, c, command, body);
            case TRACKER_CLIENT -> queries.handle(this, c, command, body);
            default -> throw ProtocolException.invalid(command + " is not a tracker command");
        }
    }

    @Override
    public void onClose(FramedConnection connection) {
        cluster.call(state -> {
            if (session.joined()) {
                state.disconnected(session.group, session.storageId);
                LOG.infof("storage %s of %s disconnected", session.storageId, session.group);
            }
            return null;
        });
    }

    TrackerMetrics metrics() {
        return metrics;
    }

    ClusterService cluster() {
        return cluster;
    }

    Session session() {
        return session;
    }

    long now() {
        return cluster.now();
    }

    /** Runs {@code action} on the model and answers with its result encoded as a response body. */
    <T extends WireMessage> void answer(FramedConnection c, Command command, Function<ClusterState, T> action) {
        reply(c, command, cluster.call(action).map(m -> m == null ? Frames.status(Status.OK) : Frames.response(m, profile)));
    }

    /** Runs {@code action} and answers with an empty OK. */
    void answerEmpty(FramedConnection c, Command command, java.util.function.Consumer<ClusterState> action) {
        reply(c, command, cluster.call(state -> {
            action.accept(state);
            return Frames.status(Status.OK);
        }));
    }

    void reply(FramedConnection c, Command command, Future<byte[]> frame) {
        frame.onComplete(ar -> {
            if (ar.succeeded()) {
                c.reply(ar.result());
            } else if (ar.cause() instanceof ProtocolException e) {
                c.replyError(command, e);
            } else {
                LOG.errorf(ar.cause(), "%s failed", command);
                c.replyStatus(Status.EIO);
            }
        });
    }

    /** Makes one dispatcher per connection. */
    @Singleton
    static class Factory {
        private final ClusterService cluster;
        private final TrackerMetrics metrics;

        Factory(ClusterService cluster, TrackerMetrics metrics) {
            this.cluster = cluster;
            this.metrics = metrics;
        }

        RequestDispatcher create(FramedConnection connection, WireProfile profile) {
            return new TrackerDispatcher(cluster, metrics, profile, connection.socket().localAddress().port());
        }
    }
}
