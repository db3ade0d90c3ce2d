package org.fastdfs.proto.storage;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * The QUERY_FILE_INFO (22) reply, PROTOCOL.md §3.8: file_size (8) + create_timestamp (8) + crc32 (8,
 * a 32-bit value sign-extended to 64 bits) + source IP (W = {@link WireProfile#ipSize()}, 16 or 46,
 * NUL-padded): 40 or 70 bytes.
 *
 * @param fileSize        file size (for a symlink, the target's)
 * @param createTimestamp file mtime in unix seconds
 * @param crc32           CRC32 of the content (0 when the request asked not to compute it)
 * @param sourceIp        IP of the storage that created the file; empty if it cannot be resolved
 */
public record FileInfoResponse(long fileSize, long createTimestamp, int crc32, String sourceIp)
        implements WireMessage {

    private static final int FIXED_SIZE = 3 * Wire.LONG_SIZE;

    public FileInfoResponse {
        FileFields.requireNonNegative(fileSize, "file size");
        FileFields.requireFixed(sourceIp, 46, "source IP");
    }

    /** The body length under {@code profile}: 24 + the IP width. */
    public static int size(WireProfile profile) {
        return FIXED_SIZE + profile.ipSize();
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return size(profile);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        if (FileFields.byteLength(sourceIp) > profile.ipSize()) {
            throw new IllegalArgumentException("source IP '" + sourceIp + "' does not fit "
                    + profile.ipSize() + " bytes");
        }
        out.putLong(fileSize).putLong(createTimestamp).putLong(crc32);
        Wire.putFixed(out, sourceIp, profile.ipSize());
    }

    /** Decodes a reply of exactly 24 + W bytes; clients keep the low 32 bits of the crc32 field. */
    public static FileInfoResponse decode(ByteBuffer body, WireProfile profile) {
        Wire.requireLength(body, size(profile), "QUERY_FILE_INFO reply (" + profile + ")");
        long size = FileFields.checkNonNegative(body.getLong(), "file size");
        long timestamp = body.getLong();
        int crc = (int) body.getLong();
        return new FileInfoResponse(size, timestamp, crc, Wire.getFixed(body, profile.ipSize()));
    }
}
