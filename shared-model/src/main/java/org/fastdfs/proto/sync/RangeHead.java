package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.StreamedHead;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.storage.FileFields;

/**
 * The fixed part shared by SYNC_APPEND_FILE (25) and SYNC_MODIFY_FILE (35): filename_len (8) +
 * offset (8) + length (8) + timestamp (4) + group (16) + file name; {@code length} content bytes follow.
 */
record RangeHead(int timestamp, String group, String filename, long offset, long length) {

    static final int FIXED_SIZE = 3 * Wire.LONG_SIZE + SyncFields.STAMP_AND_GROUP;

    static int encodedLength(String filename) {
        return FIXED_SIZE + filename.length();
    }

    static void encode(ByteBuffer out, int timestamp, String group, String filename, long offset, long length) {
        out.putLong(filename.length()).putLong(offset).putLong(length);
        SyncFields.putStampAndGroup(out, timestamp, group);
        Wire.putString(out, filename);
    }

    static RangeHead decode(ByteBuffer body, long bodyLength, String what) {
        SyncFields.requireLonger(bodyLength, FIXED_SIZE, what);
        int nameLength = SyncFields.nameLength(body, "file name");
        long offset = FileFields.checkNonNegative(Wire.getLong(body, "start offset"), "start offset");
        long length = FileFields.checkNonNegative(Wire.getLong(body, "byte count"), "byte count");
        int timestamp = Wire.getInt(body, "timestamp");
        String group = Wire.getFixed(body, Wire.GROUP_NAME_SIZE);
        StreamedHead.checkContentSize(length, bodyLength, FIXED_SIZE + nameLength, what);
        return new RangeHead(timestamp, group, Wire.getString(body, nameLength), offset, length);
    }
}
