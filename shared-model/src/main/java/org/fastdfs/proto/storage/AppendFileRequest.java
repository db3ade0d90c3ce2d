package org.fastdfs.proto.storage;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.StreamedHead;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * APPEND_FILE (24), PROTOCOL.md §3.7: appender_filename_len (8) + file_size (8) + appender file name,
 * then the content (streamed). No group field. Reply: empty.
 *
 * @param appenderFilename remote name of the appender file, 44..127 bytes
 * @param fileSize         number of bytes to append (0 succeeds without writing)
 */
public record AppendFileRequest(String appenderFilename, long fileSize) implements Request {

    private static final int FIXED_SIZE = 2 * Wire.LONG_SIZE;

    public AppendFileRequest {
        FileFields.requireName(appenderFilename, FileFields.MIN_APPENDER_NAME_LENGTH, "appender file name");
        FileFields.requireNonNegative(fileSize, "file size");
    }

    @Override
    public Command command() {
        return Command.APPEND_FILE;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return FIXED_SIZE + FileFields.byteLength(appenderFilename);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.putLong(FileFields.byteLength(appenderFilename)).putLong(fileSize);
        Wire.putString(out, appenderFilename);
    }

    @Override
    public long trailingLength() {
        return fileSize;
    }

    /** Reads the fixed part; leaves {@code body} at the first content byte. */
    public static AppendFileRequest decode(ByteBuffer body, long bodyLength) {
        if (bodyLength <= FIXED_SIZE) {
            throw ProtocolException.invalid("APPEND_FILE: body of " + bodyLength + " bytes must be longer than "
                    + FIXED_SIZE);
        }
        int nameLength = FileFields.readNameLength(body, FileFields.MIN_APPENDER_NAME_LENGTH, "appender file name");
        long size = Wire.getLong(body, "file size");
        StreamedHead.checkContentSize(size, bodyLength, FIXED_SIZE + nameLength, "APPEND_FILE");
        return new AppendFileRequest(Wire.getString(body, nameLength), size);
    }
}
