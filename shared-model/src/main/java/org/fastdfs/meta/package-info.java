/**
 * File metadata (PROTOCOL.md §3.6): the packed {@code name 0x02 value} records joined by
 * {@code 0x01}, kept by the storage in the {@code -m} sidecar next to the data file.
 *
 * <ul>
 *   <li>{@link org.fastdfs.meta.MetaItem} and {@link org.fastdfs.meta.Metadata}: the items and the
 *       byte codec (with the server's parsing rules: records without 0x02 dropped, names cut to 64
 *       bytes, values to 256), bytewise sorting, size limits.</li>
 *   <li>{@link org.fastdfs.meta.MetadataMode} and {@link org.fastdfs.meta.SidecarChange}: what
 *       SET_METADATA (overwrite 'O' / merge 'M') does to the sidecar, as pure functions that also
 *       say which binlog record (C / U / D / none) the storage must write.</li>
 * </ul>
 */
package org.fastdfs.meta;
