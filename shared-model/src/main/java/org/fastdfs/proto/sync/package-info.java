/**
 * Storage → storage messages (PROTOCOL.md §5): replication (REPORT_SERVER_ID and the SYNC_* commands,
 * §5.1–§5.2), the disk-recovery binlog fetch (§5.7, {@link org.fastdfs.proto.sync.BinlogStream}) and
 * the trunk-server protocol (§5.8).
 *
 * <p>Every sync body carries the source timestamp (4 bytes) and the sender's group, which the C sender
 * writes as a C string: decoders read it up to the first NUL and ignore the garbage after it, so such
 * a body does not re-encode byte for byte (the re-encoded group is NUL-padded).
 *
 * <p>Header status uses: SYNC_CREATE_FILE/SYNC_UPDATE_FILE (0 = content follows, 17 = content omitted)
 * and TRUNK_ALLOC_CONFIRM (the upload's result). The layouts are the same in every profile.
 */
package org.fastdfs.proto.sync;
