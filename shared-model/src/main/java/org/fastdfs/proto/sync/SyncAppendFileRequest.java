package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.storage.FileFields;

/**
 * SYNC_APPEND_FILE (25), PROTOCOL.md §5.2: filename_len (8) + start_offset (8) + byte count (8) +
 * timestamp (4) + group (16) + file name, then the content (streamed). Reply: empty.
 *
 * <p>If the replica's size equals {@code offset} the bytes are appended; if it already
 * holds them the reply is EEXIST; otherwise ENOENT, and the sender re-sends the whole file with 18.
 *
 * @param timestamp source-side operation time, unix seconds
 * @param group     the sender's group (read up to its first NUL)
 * @param filename  remote name of the appender file, 1..127 bytes
 * @param offset    the replica's size before the append
 * @param length    number of bytes appended
 */
public record SyncAppendFileRequest(int timestamp, String group, String filename, long offset, long length)
        implements Request {

    public SyncAppendFileRequest {
        SyncFields.requireGroupAndName(group, filename, "file name");
        FileFields.requireNonNegative(offset, "start offset");
        FileFields.requireNonNegative(length, "byte count");
    }

    @Override
    public Command command() {
        return Command.SYNC_APPEND_FILE;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return RangeHead.encodedLength(filename);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        RangeHead.encode(out, timestamp, group, filename, offset, length);
    }

    @Override
    public long trailingLength() {
        return length;
    }

    /** Reads the fixed part; leaves {@code body} at the first content byte. */
    public static SyncAppendFileRequest decode(ByteBuffer body, long bodyLength) {
        RangeHead h = RangeHead.decode(body, bodyLength, "SYNC_APPEND_FILE");
        return new SyncAppendFileRequest(h.timestamp(), h.group(), h.filename(), h.offset(), h.length());
    }
}
