/**
 * Storage-to-tracker and tracker-to-tracker messages (PROTOCOL.md §4): JOIN, heart-beats and the
 * tracker "change" response, disk and sync reports, initial-sync negotiation, changelog, trunk
 * reports, and leader election / system-file transfer between trackers. Layouts that changed in
 * FastDFS 6.11 (JOIN, the storage brief, REPORT_IP_CHANGED) take a
 * {@link org.fastdfs.proto.WireProfile}.
 */
package org.fastdfs.proto.cluster;
