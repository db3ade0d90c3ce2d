package org.fastdfs.storage;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fastdfs.proto.stat.StatField;
import org.fastdfs.storage.disk.StorePaths;
import org.fastdfs.storage.handler.DownloadHandler;
import org.fastdfs.storage.store.FileStore;
import org.fastdfs.storage.sync.PeerSync;
import org.fastdfs.storage.sync.SyncManager;

/**
 * Storage gauges for Prometheus: connections, free and total space per store path, downloads answered
 * from memory on the event loop, binlog records written, and per peer the sync backlog in records and
 * seconds. Request counts, latency and bytes come from {@link org.fastdfs.server.RequestMetrics}.
 */
@Singleton
public class StorageMetrics {

    private final MeterRegistry registry;
    private final StorageServer server;
    private final FileStore store;
    private final SyncManager sync;
    private final DownloadHandler downloads;
    private final Set<String> watchedPeers = ConcurrentHashMap.newKeySet();

    StorageMetrics(MeterRegistry registry, StorageServer server, FileStore store, SyncManager sync,
                   DownloadHandler downloads) {
        this.registry = registry;
        this.server = server;
        this.store = store;
        this.sync = sync;
        this.downloads = downloads;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder("fdfs_storage_connections", server, StorageServer::connectionCount)
                .description("Open FastDFS connections").register(registry);
        for (int i = 0; i < store.paths().count(); i++) {
            int index = i;
            String path = "M" + StorePaths.hex(i);
            Gauge.builder("fdfs_storage_path_free_mb", store, s -> s.usage(index).freeMb()).tag("path", path)
                    .description("Free MB of the store path's file system").register(registry);
            Gauge.builder("fdfs_storage_path_total_mb", store, s -> s.usage(index).totalMb()).tag("path", path)
                    .description("Total MB of the store path's file system").register(registry);
        }
        Gauge.builder("fdfs_storage_files_uploaded", store, s -> s.stats().get(StatField.SUCCESS_UPLOAD_COUNT))
                .description("Successful uploads since the storage was created").register(registry);
        sync.onNewPeer(this::watchPeers);
        FunctionCounter.builder("fdfs_storage_downloads_from_memory", downloads, DownloadHandler::fromMemory)
                .description("Downloads read on the event loop because the kernel had them in memory; the others"
                        + " went to the disk readers").register(registry);
        Gauge.builder("fdfs_storage_binlog_records", store, s -> s.binlog().records())
                .description("Binlog records written by this process").register(registry);
    }

    /** Registers the lag gauges of peers that appeared since the last call (cheap; called on scrape paths). */
    void watchPeers() {
        for (PeerSync p : sync.peers().values()) {
            if (watchedPeers.add(p.peerId())) {
                Gauge.builder("fdfs_storage_sync_lag_records", p, PeerSync::lagRecords).tag("peer", p.peerId())
                        .description("Binlog records the peer has not acknowledged").register(registry);
                Gauge.builder("fdfs_storage_sync_lag_seconds", p, x -> x.lagSeconds(store.now()))
                        .tag("peer", p.peerId())
                        .description("Age of the oldest record waiting for the peer").register(registry);
            }
        }
    }
}
