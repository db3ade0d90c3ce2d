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
    private long viewedVersion = -1;
    private long savedVersion = -1;
    private long savedStatusVersion = -1;
    private long savedAtMillis;
    private Future<Void> lastSave = Future.succeededFuture();
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
        savedStatusVersion = state.statusVersion();
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

    /**
     * The storages' periodic reports (heartbeat counters, disk usage, sync timestamps) change the state
     * every second or so while files replicate; they are saved at most this often (and when the tracker
     * stops), where a join or a change of status or sync source is saved at once. Each save rewrites
     * three files through temp files; C FastDFS saves the reports once every 1,000 of them.
     */
    static final long REPORTS_SAVE_INTERVAL_MILLIS = 60_000;

    /**
     * After an action on the owner context: refreshes the view when anything changed, and persists the
     * cluster off the event loop when its membership or a status changed, or reports are waiting to be
     * saved for {@link #REPORTS_SAVE_INTERVAL_MILLIS}.
     */
    private void saveIfChanged() {
        long version = state.version();
        if (version != viewedVersion) {
            viewedVersion = version;
            lastView = ClusterView.of(state, now());
        }
        if (version != savedVersion && (state.statusVersion() != savedStatusVersion
                || clock.millis() - savedAtMillis >= REPORTS_SAVE_INTERVAL_MILLIS)) {
            save();
        }
    }

    private void save() {
        savedVersion = state.version();
        savedStatusVersion = state.statusVersion();
        savedAtMillis = clock.millis();
        ClusterStore.Snapshot snapshot = ClusterStore.snapshot(state);
        lastSave = vertx.executeBlocking(() -> {
            store.save(snapshot);
            return null;
        }, true);
    }

    /**
     * Saves what has not been saved yet (reports held back by {@link #REPORTS_SAVE_INTERVAL_MILLIS}); the
     * future completes once the files are written, after any save before it.
     */
    public Future<Void> flush() {
        return call(state -> {
            if (state.version() != savedVersion) {
                save();
            }
            return lastSave;
        }).compose(saved -> saved);
    }

    /** Completes once the last save decided so far has written its files, without starting one. */
    Future<Void> lastSave() {
        return call(state -> lastSave).compose(saved -> saved);
    }

    /** Unit-test and benchmark hook: a fixed or moving clock. */
    void setClock(Clock clock) {
        this.clock = clock;
    }

    public TrackerRules rules() {
        return state.rules();
    }
}
