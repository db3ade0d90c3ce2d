package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.storage.FileFields;

/**
 * SYNC_TRUNCATE_FILE (37), PROTOCOL.md §5.2: filename_len (8) + old_size (8) + new_size (8) +
 * timestamp (4) + group (16) + file name; the body ends there. Reply: empty (EEXIST when the replica's
 * size is not {@code oldSize}, which the sender treats as success).
 *
 * @param timestamp source-side operation time, unix seconds
 * @param group     the sender's group (read up to its first NUL)
 * @param filename  remote name of the appender file, 1..127 bytes
 * @param oldSize   size before the truncation
 * @param newSize   size after it
 */
public record SyncTruncateFileRequest(int timestamp, String group, String filename, long oldSize, long newSize)
        implements Request {

    private static final int FIXED_SIZE = 3 * Wire.LONG_SIZE + SyncFields.STAMP_AND_GROUP;

    public SyncTruncateFileRequest {
        SyncFields.requireGroupAndName(group, filename, "file name");
        FileFields.requireNonNegative(oldSize, "old size");
        FileFields.requireNonNegative(newSize, "new size");
    }

    @Override
    public Command command() {
        return Command.SYNC_TRUNCATE_FILE;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return FIXED_SIZE + filename.length();
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.putLong(filename.length()).putLong(oldSize).putLong(newSize);
        SyncFields.putStampAndGroup(out, timestamp, group);
        Wire.putString(out, filename);
    }

    public static SyncTruncateFileRequest decode(ByteBuffer body) {
        int total = body.remaining();
        SyncFields.requireLonger(total, FIXED_SIZE, "SYNC_TRUNCATE_FILE");
        int nameLength = SyncFields.nameLength(body, "file name");
        SyncFields.requireTotal(total, FIXED_SIZE + nameLength, "SYNC_TRUNCATE_FILE");
        long oldSize = FileFields.checkNonNegative(body.getLong(), "old size");
        long newSize = FileFields.checkNonNegative(body.getLong(), "new size");
        int timestamp = body.getInt();
        String group = Wire.getFixed(body, Wire.GROUP_NAME_SIZE);
        return new SyncTruncateFileRequest(timestamp, group, Wire.getString(body, nameLength), oldSize, newSize);
    }
}
