/**
 * The Java client library for FastDFS trackers and storages.
 *
 * <p>Entry point: {@link org.fastdfs.client.FdfsClient}, built from a
 * {@link org.fastdfs.client.ClientConfig}; tracker queries and monitoring through
 * {@link org.fastdfs.client.FdfsClient#tracker()}. Messages are the records of {@code shared-model}
 * ({@code org.fastdfs.proto.storage}, {@code org.fastdfs.proto.tracker}); tracker answers are
 * returned as those records.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>Blocking, plain sockets.</b> One request, then its reply, on a {@code java.net.Socket}
 *       with 64 KiB buffers; uploads stream from the source and downloads stream to the sink, so no
 *       file is held in memory. Every call is synchronous and the client is thread-safe.</li>
 *   <li><b>Pool per address.</b> Bounded ({@code maxConnectionsPerServer}, callers wait
 *       {@code borrowTimeout}), newest idle connection first, ACTIVE_TEST before reusing one idle
 *       longer than {@code activeTestAfter} (3 s), closed after {@code idleTimeout} (60 s) without a
 *       background thread. A connection is dropped after an I/O error, a malformed reply, an EINVAL
 *       status (the storage closes after it) or any failure half-way through an exchange. QUIT is
 *       sent to idle connections on {@code close()}.</li>
 *   <li><b>Tracker failover.</b> Each tracker call starts at the next tracker (round robin) and moves
 *       on after connect or I/O errors; a FastDFS status is an answer and is thrown.</li>
 *   <li><b>Which server</b> (PROTOCOL.md §3.1, checked against the C tools' captures): upload
 *       QUERY_STORE (101/104); download, file info, get metadata QUERY_FETCH_ONE (102); delete, set
 *       metadata, slave upload, append, modify, truncate, regenerate QUERY_UPDATE (103). Metadata
 *       given with an upload is set on the same storage connection, and the file is deleted again
 *       if that fails, as the C client does.</li>
 *   <li><b>File info</b> of normal and trunk files is decoded from the id (no traffic); appender and
 *       slave files are asked of the storage (QUERY_FILE_INFO, 22).</li>
 *   <li><b>Resume</b> appends to the local file from offset = its size; the remote size comes from
 *       the id, or from QUERY_FILE_INFO without CRC on the same storage connection.</li>
 *   <li><b>Profiles.</b> The configured profile decides the list-groups, list-storages and
 *       fetch-all layouts; the IP width (16 or 46) of the current profile is recognised from each
 *       reply's length, as the C client does.</li>
 *   <li><b>Errors.</b> {@link org.fastdfs.client.FdfsException} carries the server's status;
 *       {@link org.fastdfs.client.FdfsNetworkException} (a subclass) means no usable answer;
 *       local files and streams fail with {@code UncheckedIOException}; bad arguments with
 *       {@code IllegalArgumentException}.</li>
 *   <li>{@link org.fastdfs.client.ClientConfig#addressMapper()} rewrites the storage addresses a
 *       tracker announces (NAT, containers, tests against fakes on ephemeral ports).</li>
 * </ul>
 */
package org.fastdfs.client;
