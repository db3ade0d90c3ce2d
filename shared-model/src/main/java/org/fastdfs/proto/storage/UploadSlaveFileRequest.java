package org.fastdfs.proto.storage;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.StreamedHead;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * UPLOAD_SLAVE_FILE (21), PROTOCOL.md §3.3: master_filename_len (8) + file_size (8) + prefix (16) +
 * extension (6) + master file name, then the content (streamed). Reply: {@link UploadResponse} naming
 * the slave.
 *
 * @param masterFilename remote name of the master, without group; 11..127 bytes
 * @param fileSize       number of content bytes that follow
 * @param prefix         slave prefix, 1..16 characters of {@code [A-Za-z0-9._-]}
 * @param extension      slave extension, 0..6 characters of {@code [A-Za-z0-9._-]}; empty gives a
 *                       slave without extension
 */
public record UploadSlaveFileRequest(String masterFilename, long fileSize, String prefix, String extension)
        implements Request {

    /** Size of the part before the master name. */
    public static final int FIXED_SIZE = 2 * Wire.LONG_SIZE + FileFields.PREFIX_SIZE + FileFields.EXT_SIZE;

    public UploadSlaveFileRequest {
        FileFields.requireName(masterFilename, FileFields.MIN_MASTER_NAME_LENGTH, "master file name");
        FileFields.requireNonNegative(fileSize, "file size");
        FileFields.requireToken(prefix, FileFields.PREFIX_SIZE, "prefix");
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("the slave prefix is empty");
        }
        FileFields.requireToken(extension, FileFields.EXT_SIZE, "extension");
    }

    @Override
    public Command command() {
        return Command.UPLOAD_SLAVE_FILE;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return FIXED_SIZE + FileFields.byteLength(masterFilename);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.putLong(FileFields.byteLength(masterFilename)).putLong(fileSize);
        Wire.putFixed(out, prefix, FileFields.PREFIX_SIZE);
        Wire.putFixed(out, extension, FileFields.EXT_SIZE);
        Wire.putString(out, masterFilename);
    }

    @Override
    public long trailingLength() {
        return fileSize;
    }

    /** Reads the fixed part; leaves {@code body} at the first content byte. */
    public static UploadSlaveFileRequest decode(ByteBuffer body, long bodyLength) {
        if (bodyLength <= FIXED_SIZE) {
            throw ProtocolException.invalid("UPLOAD_SLAVE_FILE: body of " + bodyLength
                    + " bytes must be longer than " + FIXED_SIZE);
        }
        int nameLength = FileFields.readNameLength(body, FileFields.MIN_MASTER_NAME_LENGTH, "master file name");
        long size = Wire.getLong(body, "file size");
        StreamedHead.checkContentSize(size, bodyLength, FIXED_SIZE + nameLength, "UPLOAD_SLAVE_FILE");
        String prefix = FileFields.readPrefix(body, "slave prefix");
        if (prefix.isEmpty()) {
            throw ProtocolException.invalid("UPLOAD_SLAVE_FILE: the slave prefix is empty");
        }
        String ext = FileFields.readExtension(body, "file extension");
        String master = Wire.getString(body, nameLength);
        return new UploadSlaveFileRequest(master, size, prefix, ext);
    }
}
