package org.fastdfs.proto.storage;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * REGENERATE_APPENDER_FILENAME (38, FastDFS 6.02+), PROTOCOL.md §3.9: the body is the appender file
 * name only (no group, no length field). Reply: {@link UploadResponse} with the new normal-file name.
 *
 * @param appenderFilename remote name of the appender file, 44..127 bytes
 */
public record RegenerateAppenderFilenameRequest(String appenderFilename) implements Request {

    public RegenerateAppenderFilenameRequest {
        FileFields.requireName(appenderFilename, FileFields.MIN_APPENDER_NAME_LENGTH, "appender file name");
    }

    @Override
    public Command command() {
        return Command.REGENERATE_APPENDER_FILENAME;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return FileFields.byteLength(appenderFilename);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putString(out, appenderFilename);
    }

    public static RegenerateAppenderFilenameRequest decode(ByteBuffer body) {
        int n = body.remaining();
        if (n < FileFields.MIN_APPENDER_NAME_LENGTH || n > FileFields.MAX_NAME_LENGTH) {
            throw ProtocolException.invalid("REGENERATE_APPENDER_FILENAME: name of " + n + " bytes, expected "
                    + FileFields.MIN_APPENDER_NAME_LENGTH + ".." + FileFields.MAX_NAME_LENGTH);
        }
        return new RegenerateAppenderFilenameRequest(Wire.getRest(body));
    }
}
