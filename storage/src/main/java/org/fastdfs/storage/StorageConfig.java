package org.fastdfs.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Storage settings, named after FastDFS's storage.conf keys (PROTOCOL.md §9.2) under
 * {@code fdfs.storage}: e.g. {@code fdfs.storage.group-name}, {@code fdfs.storage.store-paths}
 * (comma-separated, M00 first) or the env var {@code FDFS_STORAGE_PORT}.
 */
@ConfigMapping(prefix = "fdfs.storage")
public interface StorageConfig {

    /** The group this storage belongs to. */
    @WithDefault("group1")
    String groupName();

    /** Address to bind; empty binds all. */
    @WithDefault("0.0.0.0")
    String bindAddr();

    /** TCP port of the FastDFS protocol; 0 picks a free one. */
    @WithDefault("23000")
    int port();

    /** Directory for data/ (binlog, marks, stats) and logs/. */
    @WithDefault("run/storage")
    String basePath();

    /** Store paths in order (M00, M01, ...); empty means base-path alone. */
    Optional<List<String>> storePaths();

    /** Sub-directories per level under each store path's data/ (1..256). */
    @WithDefault("256")
    int subdirCountPerPath();

    /** Trackers to join, as host:port. */
    Optional<List<String>> trackerServers();

    /** Wire profile of the listener: classic, current or current-ipv6. */
    @WithDefault("classic")
    String protocol();

    /**
     * {@code work_threads}: event loops the connections are spread over, as FastDFS's network threads
     * (whose default is 4). One here: blocking work runs on the disk threads anyway, and on the 2-core
     * benchmark machine four loops measured no different from one.
     */
    @WithDefault("1")
    int workThreads();

    /** Close connections silent for this many seconds; 0 keeps them. */
    @WithDefault("900")
    int idleTimeoutSeconds();

    /** Largest non-streamed request body (FastDFS buff_size). */
    @WithDefault("262144")
    int buffSize();

    /** An existing FastDFS storage.conf to take settings from (our keys still override it). */
    Optional<String> confFile();

    /** Seconds between STORAGE_BEATs (FastDFS heart_beat_interval). */
    @WithDefault("30")
    int heartBeatIntervalSeconds();

    /** Seconds between REPORT_DISK_USAGE reports (FastDFS stat_report_interval). */
    @WithDefault("60")
    int statReportIntervalSeconds();

    /** Connect timeout towards trackers and peers, seconds. */
    @WithDefault("5")
    int connectTimeoutSeconds();

    /** Read timeout towards trackers and peers, seconds. */
    @WithDefault("30")
    int networkTimeoutSeconds();

    /** upload_priority reported to trackers (store_server=2 picks the lowest). */
    @WithDefault("10")
    int uploadPriority();

    /**
     * {@code file_distribute_path_mode}: how uploads pick their {@code data/HH/LL} directory,
     * 0 = round robin (a cursor persisted in storage_stat.dat), 1 = by a hash of the file name.
     */
    @WithDefault("0")
    int fileDistributePathMode();

    /** {@code file_distribute_rotate_count}: files written to one directory before round robin moves on. */
    @WithDefault("100")
    int fileDistributeRotateCount();

    /**
     * {@code reserved_storage_space} (PROTOCOL.md §7.5): free space an upload must leave, {@code "10%"}
     * of each store path or an absolute amount for the whole storage ({@code "20G"}, {@code "512M"},
     * bytes without a unit). The tracker's value replaces it once the storage has joined.
     */
    @WithDefault("10%")
    String reservedStorageSpace();

    /** {@code store_pathN_readonly}: indices of store paths that take no new uploads (they still serve reads). */
    Optional<List<Integer>> storePathReadonly();

    /**
     * {@code disk_writer_threads}: threads for blocking writes (uploads, appends, deletes, metadata) per
     * store path, as in FastDFS (whose default is 1).
     */
    @WithDefault("4")
    int diskWriterThreads();

    /**
     * {@code disk_reader_threads}: threads for blocking reads (downloads, file stats, metadata reads,
     * CRC32 computations) per store path, as in FastDFS (whose default is 1). A thread waits for each read
     * that misses the page cache, so a slow disk wants several.
     */
    @WithDefault("4")
    int diskReaderThreads();

    /** {@code sync_stat_file_interval}: seconds between writes of data/storage_stat.dat. */
    @WithDefault("60")
    int syncStatFileInterval();

    /** {@code sync_binlog_buff_interval}: seconds between forcing the binlog to the device. */
    @WithDefault("1")
    int syncBinlogBuffInterval();

    /** {@code fsync_after_written_bytes}: force file data to the device every this many bytes; 0 never. */
    @WithDefault("0")
    long fsyncAfterWrittenBytes();

    /** Milliseconds a sync thread waits for new binlog records when it has caught up (sync_wait_msec). */
    @WithDefault("100")
    int syncWaitMsec();

    /**
     * Whole-file creates and deletes a sync thread sends to a peer before it reads the oldest answer; other
     * records always go one at a time. 1 (the default) sends every record alone, as FastDFS does. Not a
     * FastDFS setting. A larger window (8, say) lets the replicas catch up with a burst of small uploads in
     * about half the time, for the same CPU in all; during the burst that CPU competes with the clients'
     * requests, which then run slower (bench/README.md, "Replication window"). Only for groups whose
     * members all run this storage: a C FastDFS 6.16 storage stopped reading a connection's pipelined
     * requests after about 1,500 of them, and the push stalled until the network timeout. Values below 1
     * count as 1.
     */
    @WithDefault("1")
    int syncWindow();
}
