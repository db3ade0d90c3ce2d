package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.storage.FileFields;

/**
 * SYNC_DELETE_FILE (17), PROTOCOL.md §5.2: timestamp (4) + group (16) + file name (the rest). Reply:
 * empty (ENOENT counts as success).
 *
 * @param timestamp source-side operation time, unix seconds
 * @param group     the sender's group (read up to its first NUL)
 * @param filename  remote file name without group, 1..127 bytes
 */
public record SyncDeleteFileRequest(int timestamp, String group, String filename) implements Request {

    public SyncDeleteFileRequest {
        SyncFields.requireGroupAndName(group, filename, "file name");
    }

    @Override
    public Command command() {
        return Command.SYNC_DELETE_FILE;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return SyncFields.STAMP_AND_GROUP + filename.length();
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        SyncFields.putStampAndGroup(out, timestamp, group);
        Wire.putString(out, filename);
    }

    public static SyncDeleteFileRequest decode(ByteBuffer body) {
        SyncFields.requireLonger(body.remaining(), SyncFields.STAMP_AND_GROUP, "SYNC_DELETE_FILE");
        int timestamp = body.getInt();
        String group = Wire.getFixed(body, Wire.GROUP_NAME_SIZE);
        return new SyncDeleteFileRequest(timestamp, group, FileFields.readRestName(body, "file name"));
    }
}
