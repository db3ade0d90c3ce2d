/**
 * Replication inside a group (PROTOCOL.md §5): one {@link org.fastdfs.storage.sync.PeerSync} loop per
 * peer reads the local binlog from that peer's {@code .mark} and pushes each record with the SYNC_*
 * commands, advancing and persisting the mark only after the peer acknowledged. Only source
 * (upper-case) records are pushed, except during the old-data copy to a new member, so nothing loops.
 */
package org.fastdfs.storage.sync;
