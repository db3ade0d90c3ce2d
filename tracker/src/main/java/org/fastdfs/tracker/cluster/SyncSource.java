package org.fastdfs.tracker.cluster;

/** The storage a new member copies its old data from, and the cut-off time (PROTOCOL.md §4.4). */
public record SyncSource(String srcId, long untilTimestamp) {
}
