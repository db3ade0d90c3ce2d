package org.fastdfs.client;

import java.time.Instant;
import org.fastdfs.fileid.FileType;

/**
 * What is known about a stored file: decoded from its name for normal files (as the C client
 * does, no traffic), or answered by the storage (QUERY_FILE_INFO, PROTOCOL.md §3.8) for appender
 * and slave files or on request.
 *
 * @param type            NORMAL, APPENDER, SLAVE or TRUNK (§6.6)
 * @param size            file size in bytes
 * @param createTimestamp unix seconds: from the name, or the file's mtime on the storage
 * @param crc32           CRC32 of the content (0 when the storage was asked not to compute it)
 * @param sourceIp        IP of the storage that created the file; "" when the name holds a server
 *                        id that only the servers can resolve
 * @param sourceServerId  the server id in the name, or 0 when the name holds an IP
 * @param fromServer      true when the storage answered, false when decoded from the name
 */
public record FileInfo(FileType type, long size, long createTimestamp, int crc32, String sourceIp,
                       int sourceServerId, boolean fromServer) {

    public Instant createTime() {
        return Instant.ofEpochSecond(createTimestamp);
    }

    /** The CRC32 as an unsigned value, e.g. for {@code %08x}. */
    public long crc32Unsigned() {
        return Integer.toUnsignedLong(crc32);
    }
}
