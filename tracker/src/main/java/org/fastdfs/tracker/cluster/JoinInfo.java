package org.fastdfs.tracker.cluster;

/**
 * What a storage tells the tracker when it joins (STORAGE_JOIN, PROTOCOL.md §4.3), plus the
 * address the tracker saw it connect from.
 */
public record JoinInfo(String group, String ip, int port, int storePathCount, int subdirCount, int uploadPriority,
                       long joinTime, long upTime, String version, boolean initDone, int reportedStatus) {
}
