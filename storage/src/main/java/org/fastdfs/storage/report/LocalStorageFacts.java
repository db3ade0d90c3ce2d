package org.fastdfs.storage.report;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fastdfs.proto.stat.StatBlock;
import org.fastdfs.storage.StorageConfig;
import org.fastdfs.storage.StorageServer;
import org.fastdfs.storage.store.DataInitFlag;
import org.fastdfs.storage.store.FileStore;
import org.fastdfs.storage.store.StorePathSelector;

/** {@link StorageFacts} from the open {@link FileStore}: its counters, disks and {@code .data_init_flag}. */
@Singleton
public class LocalStorageFacts implements StorageFacts {

    private final StorageConfig config;
    private final FileStore store;
    private final StorageServer server;
    private final long upTime = System.currentTimeMillis() / 1000;
    private final Map<String, Long> syncedFrom = new ConcurrentHashMap<>();

    LocalStorageFacts(StorageConfig config, FileStore store, StorageServer server) {
        this.config = config;
        this.store = store;
        this.server = server;
    }

    @Override
    public String groupName() {
        return config.groupName();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public int storePathCount() {
        return store.paths().count();
    }

    @Override
    public int subdirCount() {
        return store.paths().subdirCount();
    }

    @Override
    public int uploadPriority() {
        return config.uploadPriority();
    }

    @Override
    public long joinTime() {
        return store.initFlag().number(DataInitFlag.STORAGE_JOIN_TIME);
    }

    @Override
    public long upTime() {
        return upTime;
    }

    @Override
    public boolean initialSyncDone() {
        return store.initFlag().number(DataInitFlag.SYNC_OLD_DONE) == 1;
    }

    @Override
    public void initialSyncNegotiated(String srcId, long untilTimestamp) {
        try {
            DataInitFlag f = store.initFlag();
            f.set(DataInitFlag.SYNC_SRC_SERVER, srcId);
            f.set(DataInitFlag.SYNC_UNTIL_TIMESTAMP, untilTimestamp);
            f.set(DataInitFlag.SYNC_OLD_DONE, 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String syncSrcId() {
        String s = store.initFlag().get(DataInitFlag.SYNC_SRC_SERVER);
        return s == null ? "" : s;
    }

    @Override
    public long syncUntilTimestamp() {
        return store.initFlag().number(DataInitFlag.SYNC_UNTIL_TIMESTAMP);
    }

    @Override
    public StatBlock stats() {
        return store.stats().snapshot();
    }

    @Override
    public List<StorePathSelector.Usage> usage() {
        return store.usage();
    }

    @Override
    public Map<String, Long> syncedFrom() {
        return Map.copyOf(syncedFrom);
    }

    /** A record with source timestamp {@code ts} arrived from {@code peerId}. */
    public void received(String peerId, long ts) {
        syncedFrom.merge(peerId, ts, Math::max);
    }

    @Override
    public void learnedIp(String ip) {
        store.identity().setIp(ip);
        try {
            store.initFlag().set(DataInitFlag.LAST_IP_ADDR, ip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
