package org.fastdfs.fileid;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * The trunk slot of a trunk-stored file: the 16 base64url characters (T16) between the block and
 * the extension part of a 60-character trunk name (PROTOCOL.md §6.7). They encode 12 bytes:
 * trunk file id (4), offset in the trunk file (4), allocated size (4), all big-endian.
 *
 * <p>The content lives in {@code <store path>/data/HH/LL/<id as 6 zero-padded digits>} at
 * {@code offset + 24}, after a 24-byte slot header.
 *
 * @param trunkFileId the trunk file's id, an unsigned 32-bit value
 * @param offset      where the slot (its 24-byte header) starts in the trunk file
 * @param allocSize   bytes allocated to the slot
 */
public record TrunkInfo(long trunkFileId, int offset, int allocSize) {

    /** FDFS_TRUNK_FILE_INFO_LEN: characters of the text. */
    public static final int TEXT_LENGTH = 16;
    /** Bytes behind the text. */
    public static final int BYTES = 12;
    /** FDFS_TRUNK_FILE_HEADER_SIZE: the slot header in front of the content. */
    public static final int SLOT_HEADER_SIZE = 24;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public TrunkInfo {
        if (trunkFileId < 0 || trunkFileId > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("trunk file id " + trunkFileId + " does not fit 32 bits");
        }
        if (offset < 0 || allocSize < 0) {
            throw new IllegalArgumentException("negative trunk offset " + offset + " or size " + allocSize);
        }
    }

    /** The 16-character base64url text. */
    public String encode() {
        byte[] b = ByteBuffer.allocate(BYTES).putInt((int) trunkFileId).putInt(offset).putInt(allocSize).array();
        return ENCODER.encodeToString(b);
    }

    /**
     * Decodes the 16 characters.
     *
     * @throws InvalidFileIdException if they are not 16 base64url characters or give a negative offset or size
     */
    public static TrunkInfo decode(CharSequence text) {
        if (text.length() != TEXT_LENGTH) {
            throw new InvalidFileIdException("the trunk part must be " + TEXT_LENGTH
                    + " base64url characters, got " + text.length() + ": \"" + text + "\"");
        }
        for (int i = 0; i < TEXT_LENGTH; i++) {
            if (!FileIdBlock.isBase64Url(text.charAt(i))) {
                throw new InvalidFileIdException("bad base64url character '" + text.charAt(i)
                        + "' in the trunk part \"" + text + "\"");
            }
        }
        ByteBuffer b = ByteBuffer.wrap(DECODER.decode(text.toString()));
        long id = b.getInt() & 0xFFFFFFFFL;
        int offset = b.getInt();
        int size = b.getInt();
        if (offset < 0 || size < 0) {
            throw new InvalidFileIdException("the trunk part \"" + text + "\" gives offset " + offset
                    + " and size " + size);
        }
        return new TrunkInfo(id, offset, size);
    }

    /** The trunk file's name: the id as at least 6 zero-padded decimal digits ("000123"). */
    public String trunkFileName() {
        return String.format("%06d", trunkFileId);
    }

    /** The trunk file relative to the store path: {@code data/HH/LL/000123}. */
    public String trunkRelativePath(int subDirHigh, int subDirLow) {
        return FileId.dataDir(subDirHigh, subDirLow) + trunkFileName();
    }

    /** Where the content starts in the trunk file: after the 24-byte slot header. */
    public long contentOffset() {
        return (long) offset + SLOT_HEADER_SIZE;
    }
}
