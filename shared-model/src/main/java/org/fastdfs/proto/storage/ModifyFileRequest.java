package org.fastdfs.proto.storage;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.StreamedHead;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * MODIFY_FILE (34), PROTOCOL.md §3.7: appender_filename_len (8) + file_offset (8) + file_size (8) +
 * appender file name, then the content (streamed). No group field. Reply: empty.
 *
 * @param appenderFilename remote name of the appender file, 44..127 bytes
 * @param offset           where to write, not negative (beyond the current size gives EINVAL on the storage)
 * @param fileSize         number of bytes to write
 */
public record ModifyFileRequest(String appenderFilename, long offset, long fileSize) implements Request {

    private static final int FIXED_SIZE = 3 * Wire.LONG_SIZE;

    public ModifyFileRequest {
        FileFields.requireName(appenderFilename, FileFields.MIN_APPENDER_NAME_LENGTH, "appender file name");
        FileFields.requireNonNegative(offset, "file offset");
        FileFields.requireNonNegative(fileSize, "file size");
    }

    @Override
    public Command command() {
        return Command.MODIFY_FILE;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return FIXED_SIZE + FileFields.byteLength(appenderFilename);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.putLong(FileFields.byteLength(appenderFilename)).putLong(offset).putLong(fileSize);
        Wire.putString(out, appenderFilename);
    }

    @Override
    public long trailingLength() {
        return fileSize;
    }

    /** Reads the fixed part; leaves {@code body} at the first content byte. */
    public static ModifyFileRequest decode(ByteBuffer body, long bodyLength) {
        if (bodyLength <= FIXED_SIZE) {
            throw ProtocolException.invalid("MODIFY_FILE: body of " + bodyLength + " bytes must be longer than "
                    + FIXED_SIZE);
        }
        int nameLength = FileFields.readNameLength(body, FileFields.MIN_APPENDER_NAME_LENGTH, "appender file name");
        long offset = FileFields.checkNonNegative(Wire.getLong(body, "file offset"), "file offset");
        long size = Wire.getLong(body, "file size");
        StreamedHead.checkContentSize(size, bodyLength, FIXED_SIZE + nameLength, "MODIFY_FILE");
        return new ModifyFileRequest(Wire.getString(body, nameLength), offset, size);
    }
}
