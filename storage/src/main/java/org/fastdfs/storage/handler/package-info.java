/**
 * The storage's client commands (PROTOCOL.md §3), one handler class per verb family: upload (11, 21,
 * 23), download (14), delete (12), metadata (13, 15), appender files (24, 34, 36, 38) and file info (22).
 *
 * <p>Decisions:
 * <ul>
 *   <li>Handlers decode and validate on the event loop (pure checks: group, name, store path index,
 *       appender flag) and do every disk access on the store's worker pools; the answer is sent from the
 *       worker through the connection. The one exception never waits on the disk either: a download of up
 *       to 64 KiB that the kernel confirms is in memory (dentry and page cache, {@link
 *       org.fastdfs.storage.handler.CachedReads}) is read and answered on the event loop, saving the
 *       two thread hand-offs that were most of a small download's cost.</li>
 *   <li>Streamed bodies ({@link org.fastdfs.storage.handler.StreamReceiver}) go to a temp file in the
 *       target store path through a per-request serial executor, with socket back-pressure; a new file
 *       is hard-linked under its final name (never replacing one), appends and modifies are copied into
 *       the appender file under its lock, so a half-received body never shows.</li>
 *   <li>An upload is acknowledged after its data is in place and its binlog line is written.</li>
 *   <li>A request refused before its content (ENOSPC, ENOENT, EEXIST, or EINVAL from the fixed part)
 *       has the rest of its body read and dropped, then the status answered (EINVAL still closes);
 *       beyond 64 MiB of body the status goes out at once and the connection is closed.</li>
 *   <li>Download ranges follow the lenient rule of §3.4 (offset = size gives 0 bytes, lengths are
 *       clamped); content goes out with sendfile.</li>
 * </ul>
 */
package org.fastdfs.storage.handler;
