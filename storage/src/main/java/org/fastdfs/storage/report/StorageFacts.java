package org.fastdfs.storage.report;

import java.util.List;
import java.util.Map;
import org.fastdfs.proto.stat.StatBlock;
import org.fastdfs.storage.store.StorePathSelector;

/** What the reporter tells trackers about this storage, and what it learns back. */
public interface StorageFacts {

    String groupName();

    int port();

    int storePathCount();

    int subdirCount();

    int uploadPriority();

    /** First join time, kept in {@code .data_init_flag}. */
    long joinTime();

    /** Process start, unix seconds. */
    long upTime();

    /** True once the initial-sync negotiation has happened ({@code sync_old_done}). */
    boolean initialSyncDone();

    /** Records the negotiated source (empty when there was nothing to copy) and marks the negotiation done. */
    void initialSyncNegotiated(String srcId, long untilTimestamp);

    /** The recorded sync source, or empty. */
    String syncSrcId();

    long syncUntilTimestamp();

    /** Current counters for STORAGE_BEAT. */
    StatBlock stats();

    /** Total and free MB of each store path, in path order. */
    List<StorePathSelector.Usage> usage();

    /** The IP address a tracker sees this storage at (GET_MY_IP). */
    void learnedIp(String ip);

    /**
     * For each peer that pushed records to this storage: the source-side timestamp of the newest one
     * received (the body of STORAGE_SYNC_REPORT, PROTOCOL.md §4.7).
     */
    Map<String, Long> syncedFrom();
}
