package org.fastdfs.storage.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import org.fastdfs.proto.stat.StatBlock;
import org.fastdfs.storage.StorageConfig;
import org.fastdfs.storage.disk.StorePaths;

/** {@link StorageFacts} from the configuration, the store paths' file systems and {@code .data_init_flag}. */
@ApplicationScoped
public class LocalStorageFacts implements StorageFacts {

    private final StorageConfig config;
    private final StorePaths paths;
    private final DataInitFlag flag;
    private final long upTime = System.currentTimeMillis() / 1000;
    private volatile String ip = "";

    LocalStorageFacts(StorageConfig config) {
        this.config = config;
        Path base = Path.of(config.basePath());
        List<Path> roots = config.storePaths().orElse(List.of(config.basePath())).stream().map(Path::of).toList();
        this.paths = new StorePaths(roots, config.subdirCountPerPath());
        this.flag = DataInitFlag.openOrCreate(base, upTime, config.port());
    }

    @Override
    public String groupName() {
        return config.groupName();
    }

    @Override
    public int port() {
        return config.port();
    }

    @Override
    public int storePathCount() {
        return paths.count();
    }

    @Override
    public int subdirCount() {
        return paths.subdirCount();
    }

    @Override
    public int uploadPriority() {
        return config.uploadPriority();
    }

    @Override
    public long joinTime() {
        return flag.joinTime();
    }

    @Override
    public long upTime() {
        return upTime;
    }

    @Override
    public boolean initialSyncDone() {
        return flag.syncOldDone();
    }

    @Override
    public void initialSyncNegotiated(String srcId, long untilTimestamp) {
        flag.negotiated(srcId, untilTimestamp);
    }

    @Override
    public String syncSrcId() {
        return flag.syncSrcServer();
    }

    @Override
    public long syncUntilTimestamp() {
        return flag.syncUntilTimestamp();
    }

    @Override
    public StatBlock stats() {
        return StatBlock.EMPTY;
    }

    @Override
    public long[][] usageMb() {
        return paths.usageMb();
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Long> syncedFrom = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public java.util.Map<String, Long> syncedFrom() {
        return java.util.Map.copyOf(syncedFrom);
    }

    /** A record with source timestamp {@code ts} arrived from {@code peerId}. */
    public void received(String peerId, long ts) {
        syncedFrom.merge(peerId, ts, Math::max);
    }

    @Override
    public void learnedIp(String ip) {
        this.ip = ip;
        flag.ipAddr(ip, config.port());
    }

    /** The IP the trackers see this storage at, empty before the first join. */
    public String ip() {
        return ip;
    }
}
