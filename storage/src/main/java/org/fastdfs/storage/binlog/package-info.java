/**
 * The storage binlog (PROTOCOL.md §5.3–§5.4): one text line per write under
 * {@code <base_path>/data/sync/binlog.NNN}, upper-case ops for writes clients asked this storage
 * for, lower-case for writes replicated from a peer.
 */
package org.fastdfs.storage.binlog;
