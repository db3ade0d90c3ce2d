package org.fastdfs.proto.storage;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * TRUNCATE_FILE (36), PROTOCOL.md §3.7: appender_filename_len (8) + new_size (8) + appender file name.
 * No group field. Reply: empty.
 *
 * @param appenderFilename remote name of the appender file, 44..127 bytes
 * @param newSize          the size after truncation; larger than the current size grows the file
 */
public record TruncateFileRequest(String appenderFilename, long newSize) implements Request {

    private static final int FIXED_SIZE = 2 * Wire.LONG_SIZE;

    public TruncateFileRequest {
        FileFields.requireName(appenderFilename, FileFields.MIN_APPENDER_NAME_LENGTH, "appender file name");
        FileFields.requireNonNegative(newSize, "new size");
    }

    @Override
    public Command command() {
        return Command.TRUNCATE_FILE;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return FIXED_SIZE + FileFields.byteLength(appenderFilename);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.putLong(FileFields.byteLength(appenderFilename)).putLong(newSize);
        Wire.putString(out, appenderFilename);
    }

    /** Decodes the body; unlike the C storage, bytes after the file name are rejected. */
    public static TruncateFileRequest decode(ByteBuffer body) {
        if (body.remaining() <= FIXED_SIZE) {
            throw ProtocolException.invalid("TRUNCATE_FILE: body of " + body.remaining()
                    + " bytes must be longer than " + FIXED_SIZE);
        }
        int nameLength = FileFields.readNameLength(body, FileFields.MIN_APPENDER_NAME_LENGTH, "appender file name");
        long newSize = FileFields.checkNonNegative(Wire.getLong(body, "new size"), "new size");
        String name = Wire.getString(body, nameLength);
        Wire.requireEnd(body, "TRUNCATE_FILE");
        return new TruncateFileRequest(name, newSize);
    }
}
