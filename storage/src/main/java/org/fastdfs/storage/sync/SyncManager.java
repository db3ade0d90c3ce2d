package org.fastdfs.storage.sync;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fastdfs.fileid.FileId;
import org.fastdfs.proto.cluster.StorageStatus;
import org.fastdfs.proto.cluster.SyncReqBody;
import org.fastdfs.proto.stat.StorageBrief;
import org.fastdfs.storage.StorageConfig;
import org.fastdfs.storage.StorageServer;
import org.fastdfs.storage.binlog.BinlogWriter;
import org.fastdfs.storage.report.TrackerReporter;
import org.fastdfs.storage.store.FileStore;
import org.jboss.logging.Logger;

/**
 * Runs one {@link PeerSync} thread for every other member of the group, as the trackers list them
 * (the change responses of §4.5), and stops it when the member is deleted, removing its mark file.
 */
@Singleton
public class SyncManager implements SyncContext {

    private static final Logger LOG = Logger.getLogger(SyncManager.class);

    private final StorageConfig config;
    private final FileStore store;
    private final StorageServer server;
    private final TrackerReporter reporter;
    private final Map<String, PeerSync> peers = new ConcurrentHashMap<>();
    private final java.util.List<Runnable> peerListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean added;

    SyncManager(StorageConfig config, FileStore store, StorageServer server, TrackerReporter reporter) {
        this.config = config;
        this.store = store;
        this.server = server;
        this.reporter = reporter;
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        added = false;
        String me = myId();
        if (!server.listening() || me.isEmpty()) {
            return;
        }
        for (StorageBrief b : reporter.members()) {
            if (b.id().equals(me)) {
                continue;
            }
            StorageStatus st = StorageStatus.of(b.status());
            if (st == StorageStatus.DELETED || st == StorageStatus.IP_CHANGED) {
                PeerSync gone = peers.remove(b.id());
                if (gone != null) {
                    gone.stop();
                    deleteMark(b.ip());
                    LOG.infof("stopped syncing to %s: %s", b.id(), st);
                }
                continue;
            }
            peers.computeIfAbsent(b.id(), id -> {
                added = true;
                PeerSync p = new PeerSync(this, id, b.ip(), b.port());
                Thread.ofPlatform().daemon().name("fdfs-sync-" + id).start(p);
                LOG.infof("syncing to %s (%s:%d)", id, b.ip(), b.port());
                return p;
            });
        }
        afterReconcile();
    }

    private void afterReconcile() {
        if (added) {
            peerListeners.forEach(Runnable::run);
        }
    }

    /** Runs {@code listener} whenever a new peer starts being synced to. */
    public void onNewPeer(Runnable listener) {
        peerListeners.add(listener);
    }

    private void deleteMark(String ip) {
        try {
            Files.deleteIfExists(MarkFile.path(syncDir(), ip, myPort()));
        } catch (IOException e) {
            LOG.warnf("cannot delete the mark of %s: %s", ip, e.toString());
        }
    }

    /** The peers being synced to, by id. */
    public Map<String, PeerSync> peers() {
        return Map.copyOf(peers);
    }

    void stop(@Observes ShutdownEvent event) {
        peers.values().forEach(PeerSync::stop);
    }

    // ---- SyncContext --------------------------------------------------------------------------

    @Override
    public String groupName() {
        return store.group();
    }

    @Override
    public String myId() {
        return store.identity().ip().orElse("");
    }

    @Override
    public int myPort() {
        return server.port();
    }

    @Override
    public String bindAddr() {
        return config.bindAddr();
    }

    @Override
    public BinlogWriter binlog() {
        return store.binlog();
    }

    @Override
    public Path syncDir() {
        return store.binlog().directory();
    }

    @Override
    public Path localPath(String remoteFilename) {
        boolean meta = remoteFilename.endsWith("-m");
        FileId id = store.localFileId(meta ? remoteFilename.substring(0, remoteFilename.length() - 2) : remoteFilename);
        return meta ? store.metaFile(id) : store.dataFile(id);
    }

    @Override
    public int connectTimeoutMs() {
        return config.connectTimeoutSeconds() * 1000;
    }

    @Override
    public int networkTimeoutMs() {
        return config.networkTimeoutSeconds() * 1000;
    }

    @Override
    public long idleWaitMs() {
        return config.syncWaitMsec();
    }

    @Override
    public int syncWindow() {
        return Math.max(1, config.syncWindow());
    }

    @Override
    public StorageStatus peerStatus(String peerId) {
        List<StorageBrief> members = reporter.members();
        for (StorageBrief b : members) {
            if (b.id().equals(peerId)) {
                return StorageStatus.of(b.status());
            }
        }
        return null;
    }

    @Override
    public SyncReqBody copySourceOf(String peerId) throws IOException {
        return reporter.copySourceOf(peerId);
    }

    @Override
    public void reportPeerStatus(String peerId, String peerIp, int peerPort, StorageStatus status) throws IOException {
        reporter.reportPeerStatus(peerId, peerIp, peerPort, status);
    }
}
