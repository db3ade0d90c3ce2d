package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.storage.FileFields;

/**
 * SYNC_CREATE_FILE (16) and SYNC_UPDATE_FILE (18), PROTOCOL.md §5.2: filename_len (8) + file_size (8) +
 * timestamp (4) + group (16) + file name, then file_size content bytes (streamed) unless the header
 * status byte is 17 (EEXIST): then no content follows and the body ends after the name, although
 * file_size still holds the source file's size. Reply: empty (EEXIST counts as success).
 *
 * <p>The group is read up to its first NUL: the C sender leaves garbage after it. The C receiver
 * treats any non-zero header status as "content omitted"; so does {@link #decode}, and such a request
 * is re-encoded with 17.
 *
 * @param command        {@link Command#SYNC_CREATE_FILE} or {@link Command#SYNC_UPDATE_FILE}
 * @param contentOmitted true when only the binlog record is replicated (header status 17)
 * @param timestamp      source-side operation time, unix seconds (becomes the replica's mtime)
 * @param group          the sender's group
 * @param filename       remote file name without group, 1..127 bytes (may end in "-m" for metadata)
 * @param fileSize       size of the source file
 */
public record SyncCopyFileRequest(Command command, boolean contentOmitted, int timestamp, String group,
                                  String filename, long fileSize) implements Request {

    private static final int FIXED_SIZE = 2 * Wire.LONG_SIZE + SyncFields.STAMP_AND_GROUP;

    public SyncCopyFileRequest {
        requireCopyCommand(command);
        SyncFields.requireGroupAndName(group, filename, "file name");
        FileFields.requireNonNegative(fileSize, "file size");
    }

    @Override
    public int headerStatus() {
        return contentOmitted ? Status.EEXIST.code() : 0;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return FIXED_SIZE + filename.length();
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.putLong(filename.length()).putLong(fileSize);
        SyncFields.putStampAndGroup(out, timestamp, group);
        Wire.putString(out, filename);
    }

    /** Content bytes after the fixed part: the file size, or 0 when the content is omitted. */
    @Override
    public long trailingLength() {
        return contentOmitted ? 0 : fileSize;
    }

    /**
     * Reads the fixed part of a {@code command} request whose header announced {@code bodyLength} and
     * carried {@code headerStatus}; leaves {@code body} at the first content byte.
     */
    public static SyncCopyFileRequest decode(Command command, ByteBuffer body, long bodyLength, int headerStatus) {
        requireCopyCommand(command);
        String what = command.name();
        SyncFields.requireLonger(bodyLength, FIXED_SIZE, what);
        int nameLength = SyncFields.nameLength(body, "file name");
        long size = FileFields.checkNonNegative(Wire.getLong(body, "file size"), "file size");
        int timestamp = Wire.getInt(body, "timestamp");
        String group = Wire.getFixed(body, Wire.GROUP_NAME_SIZE);
        boolean omitted = headerStatus != 0;
        long content = bodyLength - FIXED_SIZE - nameLength;
        if (content != (omitted ? 0 : size)) {
            throw ProtocolException.invalid(what + (omitted
                    ? ": content is omitted (header status " + headerStatus + ") but " + content + " bytes follow the name"
                    : ": file size " + size + " does not match the " + content + " bytes after the name"));
        }
        String filename = Wire.getString(body, nameLength);
        return new SyncCopyFileRequest(command, omitted, timestamp, group, filename, size);
    }

    private static void requireCopyCommand(Command command) {
        if (command != Command.SYNC_CREATE_FILE && command != Command.SYNC_UPDATE_FILE) {
            throw new IllegalArgumentException("not a sync copy command: " + command);
        }
    }
}
