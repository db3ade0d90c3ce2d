package org.fastdfs.tracker;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.function.Function;
import java.nio.file.Path;
import org.fastdfs.tracker.cluster.ClusterState;
import org.fastdfs.tracker.cluster.ClusterStore;
import org.fastdfs.rules.ReservedSpace;
import org.fastdfs.tracker.cluster.TrackerRules;

/**
 * The single owner of the {@link ClusterState}: every read and change runs on one Vert.x context,
 * so the model needs no locks. Callers on any thread get a {@link Future}. The tracker's listener serves
 * its connections on this same context ({@link #owner()}), so a query runs where it arrived, without a
 * hand-off between threads: a tracker's work per request is small, and one event loop carries tens of
 * thousands of requests a second.
 */
@Singleton
public class ClusterService {

    private final Vertx vertx;
    private final TrackerConfig config;
    private final ClusterStore store;
    private Clock clock = Clock.systemUTC();
    private Context owner;
    private ClusterState state;
    private long savedVersion = -1;
    private volatile ClusterView lastView = new ClusterView(0, java.util.List.of());

    ClusterService(Vertx vertx, TrackerConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.store = new ClusterStore(Path.of(config.basePath()));
    }

    @PostConstruct
    void init() {
        TrackerRules rules = new TrackerRules(config.storeLookup(), config.storeGroup().orElse(""),
                config.storeServer(), config.storePath(), config.downloadServer(),
                ReservedSpace.parse(config.reservedStorageSpace()), config.checkActiveInterval(),
                config.storageSyncFileMaxDelay(), config.storageSyncFileMaxTime());
        state = new ClusterState(rules);
        store.load(state);
        savedVersion = state.version();
        owner = vertx.getOrCreateContext();
    }

    /** Unix seconds now. */
    public long now() {
        return clock.millis() / 1000;
    }

    /** The context that owns the model. */
    public Context owner() {
        return owner;
    }

    /**
     * Runs {@code action} on the owner context: at once when called there, else as a task of it. A thrown
     * exception fails the future.
     */
    public <T> Future<T> call(Function<ClusterState, T> action) {
        if (Vertx.currentContext() == owner) {
            try {
                return Future.succeededFuture(action.apply(state));
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            } finally {
                saveIfChanged();
            }
        }
        Promise<T> p = Promise.promise();
        owner.runOnContext(v -> {
            try {
                p.complete(action.apply(state));
            } catch (RuntimeException e) {
                p.fail(e);
            }
            saveIfChanged();
        });
        return p.future();
    }

    /** A fresh view of the cluster, taken on the owner context. */
    public Future<ClusterView> view() {
        return call(state -> {
            ClusterView v = ClusterView.of(state, now());
            lastView = v;
            return v;
        });
    }

    /** The view as of the last change, readable from any thread without waiting (for metrics). */
    public ClusterView lastView() {
        return lastView;
    }

    /** Persists the cluster off the event loop when it changed since the last save. */
    private void saveIfChanged() {
        if (state.version() == savedVersion) {
            return;
        }
        savedVersion = state.version();
        lastView = ClusterView.of(state, now());
        ClusterStore.Snapshot snapshot = ClusterStore.snapshot(state);
        vertx.executeBlocking(() -> {
            store.save(snapshot);
            return null;
        }, true);
    }

    /** Unit-test and benchmark hook: a fixed or moving clock. */
    void setClock(Clock clock) {
        this.clock = clock;
    }

    public TrackerRules rules() {
        return state.rules();
    }
}
