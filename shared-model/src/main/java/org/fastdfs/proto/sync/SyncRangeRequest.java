package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.storage.FileFields;

/**
 * SYNC_APPEND_FILE (25) and SYNC_MODIFY_FILE (35), PROTOCOL.md §5.2: filename_len (8) + start_offset (8)
 * + byte count (8) + timestamp (4) + group (16) + file name, then the content (streamed). Reply: empty.
 *
 * <p>Append: if the replica's size equals {@code offset} the bytes are appended; if it already holds
 * them the reply is EEXIST; otherwise ENOENT. Modify: if the replica is at least {@code offset} bytes
 * long the bytes are written there; otherwise ENOENT. After ENOENT the sender re-sends the whole file
 * with SYNC_UPDATE_FILE (18).
 *
 * @param command   SYNC_APPEND_FILE or SYNC_MODIFY_FILE
 * @param timestamp source-side operation time, unix seconds
 * @param group     the sender's group (read up to its first NUL)
 * @param filename  remote name of the appender file, 1..127 bytes
 * @param offset    where the bytes go (for an append: the replica's size before it)
 * @param length    number of bytes
 */
public record SyncRangeRequest(Command command, int timestamp, String group, String filename, long offset,
                               long length) implements Request {

    public SyncRangeRequest {
        if (command != Command.SYNC_APPEND_FILE && command != Command.SYNC_MODIFY_FILE) {
            throw new IllegalArgumentException(command + " is not SYNC_APPEND_FILE or SYNC_MODIFY_FILE");
        }
        SyncFields.requireGroupAndName(group, filename, "file name");
        FileFields.requireNonNegative(offset, "start offset");
        FileFields.requireNonNegative(length, "byte count");
    }

    /** SYNC_APPEND_FILE (25). */
    public static SyncRangeRequest append(int timestamp, String group, String filename, long offset, long length) {
        return new SyncRangeRequest(Command.SYNC_APPEND_FILE, timestamp, group, filename, offset, length);
    }

    /** SYNC_MODIFY_FILE (35). */
    public static SyncRangeRequest modify(int timestamp, String group, String filename, long offset, long length) {
        return new SyncRangeRequest(Command.SYNC_MODIFY_FILE, timestamp, group, filename, offset, length);
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
    public static SyncRangeRequest decode(Command command, ByteBuffer body, long bodyLength) {
        RangeHead h = RangeHead.decode(body, bodyLength, command.name());
        return new SyncRangeRequest(command, h.timestamp(), h.group(), h.filename(), h.offset(), h.length());
    }
}
