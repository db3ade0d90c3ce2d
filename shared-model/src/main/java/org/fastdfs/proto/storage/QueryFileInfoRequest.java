package org.fastdfs.proto.storage;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;

/**
 * QUERY_FILE_INFO (22), PROTOCOL.md §3.8 and §1.5: body group (16) + remote file name (the rest);
 * the flags travel in the request header's status byte. Reply: {@link FileInfoResponse}.
 *
 * @param flags    header status byte: {@link #NO_CRC32} | {@link #KEEP_SILENT}; old clients send 0.
 *                 Other bits are carried unchanged (the storage ignores them)
 * @param group    group name
 * @param filename remote file name without group, 1..127 bytes
 */
public record QueryFileInfoRequest(int flags, String group, String filename) implements Request {

    /** FDFS_QUERY_FINFO_FLAGS_NOT_CALC_CRC32: answer crc32 = 0 for appender and slave files. */
    public static final int NO_CRC32 = 0x01;
    /** FDFS_QUERY_FINFO_FLAGS_KEEP_SILENCE: do not log a missing file. */
    public static final int KEEP_SILENT = 0x02;

    public QueryFileInfoRequest {
        if (flags < 0 || flags > 255) {
            throw new IllegalArgumentException("query flags must fit the header status byte: " + flags);
        }
        FileFields.requireGroup(group);
        FileFields.requireName(filename, 1, "remote file name");
    }

    public QueryFileInfoRequest(String group, String filename) {
        this(0, group, filename);
    }

    public boolean noCrc32() {
        return (flags & NO_CRC32) != 0;
    }

    public boolean keepSilent() {
        return (flags & KEEP_SILENT) != 0;
    }

    @Override
    public Command command() {
        return Command.QUERY_FILE_INFO;
    }

    /** The flags: this request puts them in the header's status byte. */
    @Override
    public int headerStatus() {
        return flags;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return GroupAndName.length(filename);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        GroupAndName.encode(out, group, filename);
    }

    /** Decodes the body; {@code headerStatus} is the request header's status byte (the flags). */
    public static QueryFileInfoRequest decode(ByteBuffer body, int headerStatus) {
        GroupAndName g = GroupAndName.decode(body, "QUERY_FILE_INFO");
        return new QueryFileInfoRequest(headerStatus & 0xFF, g.group(), g.filename());
    }
}
