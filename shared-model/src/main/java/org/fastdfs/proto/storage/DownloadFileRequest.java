package org.fastdfs.proto.storage;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * DOWNLOAD_FILE (14), PROTOCOL.md §3.4: offset (8) + download_bytes (8) + group (16) + remote file
 * name (the rest). The reply is the raw content (pkg_len = bytes sent), so it has no record.
 *
 * @param offset   first byte to send, not negative
 * @param length   number of bytes to send; 0 = everything from {@code offset} to the end
 * @param group    group name
 * @param filename remote file name without group, 1..127 bytes
 */
public record DownloadFileRequest(long offset, long length, String group, String filename) implements Request {

    private static final int FIXED_SIZE = 2 * Wire.LONG_SIZE + Wire.GROUP_NAME_SIZE;

    public DownloadFileRequest {
        FileFields.requireNonNegative(offset, "download offset");
        FileFields.requireNonNegative(length, "download length");
        FileFields.requireGroup(group);
        FileFields.requireName(filename, 1, "remote file name");
    }

    @Override
    public Command command() {
        return Command.DOWNLOAD_FILE;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return FIXED_SIZE + FileFields.byteLength(filename);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.putLong(offset).putLong(length);
        Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
        Wire.putString(out, filename);
    }

    public static DownloadFileRequest decode(ByteBuffer body) {
        if (body.remaining() <= FIXED_SIZE) {
            throw ProtocolException.invalid("DOWNLOAD_FILE: body of " + body.remaining()
                    + " bytes must be longer than " + FIXED_SIZE);
        }
        long offset = FileFields.checkNonNegative(Wire.getLong(body, "offset"), "download offset");
        long length = FileFields.checkNonNegative(Wire.getLong(body, "download bytes"), "download length");
        String group = Wire.getFixed(body, Wire.GROUP_NAME_SIZE);
        return new DownloadFileRequest(offset, length, group, FileFields.readRestName(body, "remote file name"));
    }
}
