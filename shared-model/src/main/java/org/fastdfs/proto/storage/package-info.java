/**
 * Client → storage messages (PROTOCOL.md §3): one record per request body and per non-empty reply.
 *
 * <p>Uploads, append and modify are streamed: their records hold the fixed part and the content
 * length ({@code trailingLength()}), and {@code decode(body, bodyLength)} leaves the buffer at the
 * first content byte. DOWNLOAD_FILE's reply is the raw content and has no record. Header status uses:
 * QUERY_FILE_INFO carries its flags there ({@link org.fastdfs.proto.storage.QueryFileInfoRequest}).
 *
 * <p>Every data-path layout is the same in the classic and current profiles, except the IP width of
 * the QUERY_FILE_INFO reply ({@link org.fastdfs.proto.storage.FileInfoResponse}).
 */
package org.fastdfs.proto.storage;
