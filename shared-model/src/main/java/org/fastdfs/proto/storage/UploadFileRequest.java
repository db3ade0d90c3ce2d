package org.fastdfs.proto.storage;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.StreamedHead;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * UPLOAD_FILE (11) and UPLOAD_APPENDER_FILE (23), PROTOCOL.md §3.2: store_path_index (1, signed;
 * -1 = the storage chooses) + file_size (8) + extension (6, NUL-padded) = 15 bytes, then the content
 * (streamed). Reply: {@link UploadResponse}.
 *
 * @param command        {@link Command#UPLOAD_FILE} or {@link Command#UPLOAD_APPENDER_FILE}
 * @param storePathIndex the store path from the query-store reply, or {@link #ANY_STORE_PATH}; the
 *                       upper bound depends on the storage's configuration and is checked there
 * @param fileSize       number of content bytes that follow
 * @param extension      file extension without the dot, 0..6 characters of {@code [A-Za-z0-9._-]}
 */
public record UploadFileRequest(Command command, int storePathIndex, long fileSize, String extension)
        implements Request {

    /** The store_path_index byte 0xFF: the storage picks the path. */
    public static final int ANY_STORE_PATH = -1;
    /** Size of the fixed part. */
    public static final int HEAD_SIZE = 1 + Wire.LONG_SIZE + FileFields.EXT_SIZE;

    public UploadFileRequest {
        requireUploadCommand(command);
        if (storePathIndex < ANY_STORE_PATH || storePathIndex > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("store path index out of range: " + storePathIndex);
        }
        FileFields.requireNonNegative(fileSize, "file size");
        FileFields.requireToken(extension, FileFields.EXT_SIZE, "extension");
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return HEAD_SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.put((byte) storePathIndex).putLong(fileSize);
        Wire.putFixed(out, extension, FileFields.EXT_SIZE);
    }

    @Override
    public long trailingLength() {
        return fileSize;
    }

    /**
     * Reads the fixed part of an upload of {@code command} whose header announced {@code bodyLength};
     * leaves {@code body} at the first content byte.
     */
    public static UploadFileRequest decode(Command command, ByteBuffer body, long bodyLength) {
        requireUploadCommand(command);
        String what = command.name();
        if (bodyLength < HEAD_SIZE) {
            throw ProtocolException.invalid(what + ": body of " + bodyLength + " bytes is shorter than "
                    + HEAD_SIZE);
        }
        int index = Wire.getByte(body, "store path index");
        if (index < ANY_STORE_PATH) {
            throw ProtocolException.invalid(what + ": store path index " + index + " is negative and not -1");
        }
        long size = Wire.getLong(body, "file size");
        StreamedHead.checkContentSize(size, bodyLength, HEAD_SIZE, what);
        String ext = FileFields.readExtension(body, "file extension");
        return new UploadFileRequest(command, index, size, ext);
    }

    private static void requireUploadCommand(Command command) {
        if (command != Command.UPLOAD_FILE && command != Command.UPLOAD_APPENDER_FILE) {
            throw new IllegalArgumentException("not an upload command: " + command);
        }
    }
}
