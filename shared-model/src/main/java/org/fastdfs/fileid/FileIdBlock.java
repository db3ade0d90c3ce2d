package org.fastdfs.fileid;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * The 20-byte block encoded in the 27 base64url characters of a file name (PROTOCOL.md §6.2):
 * source (4) + create timestamp (4) + size word (8) + crc32 (4), all big-endian.
 *
 * <p>Size word: a normal file under 4 GiB has {@code 0x80000000 | random23} in the high 32 bits and
 * the size in the low 32 bits; a normal file of 4 GiB or more has the plain size; an appender has
 * bit 58 set and low bits 0; a trunk-stored file has bit 59 set and the size in the low bits.
 * The factories {@link #normal}, {@link #appender} and {@link #trunk} build those words from a
 * caller-supplied random value.
 *
 * @param source          the storage that created the file
 * @param createTimestamp unix seconds, read as an unsigned 32-bit value (0..2^32-1)
 * @param sizeWord        the raw 64-bit size word
 * @param crc32           the CRC32 of the content (meaningful for NORMAL and TRUNK files)
 */
public record FileIdBlock(FileSource source, long createTimestamp, long sizeWord, int crc32) {

    /** Bytes in the block. */
    public static final int BYTES = 20;
    /** FDFS_FILENAME_BASE64_LENGTH: characters of its base64url text. */
    public static final int TEXT_LENGTH = 27;
    /** INFINITE_FILE_SIZE = FDFS_APPENDER_FILE_SIZE: bit 58. */
    public static final long APPENDER_FLAG = 1L << 58;
    /** FDFS_TRUNK_FILE_MARK_SIZE: bit 59. */
    public static final long TRUNK_FLAG = 1L << 59;
    /** Bit 63: set together with the random bits when the size fits in 32 bits. */
    public static final long RANDOM_FLAG = 1L << 63;
    /** The random value in the high word is 23 bits wide. */
    public static final int RANDOM_MASK = 0x007FFFFF;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public FileIdBlock {
        if (source == null) {
            throw new IllegalArgumentException("source is null");
        }
        if (createTimestamp < 0 || createTimestamp > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("create timestamp " + createTimestamp + " does not fit 32 bits");
        }
    }

    /**
     * A normal (non-appender, non-trunk) file: {@code 0x80000000 | random23} in the high word and
     * the size in the low word if the size is below 2^32, else the plain size (no random bits).
     */
    public static FileIdBlock normal(FileSource source, long timestamp, long size, int crc32, int random23) {
        if (size < 0 || size >= APPENDER_FLAG) {
            throw new IllegalArgumentException("file size " + size + " cannot be stored in a file id (0..2^58-1)");
        }
        long word = (size >>> 32) != 0 ? size : randomHigh(random23) | size;
        return new FileIdBlock(source, timestamp, word, crc32);
    }

    /** An appender file: {@code 0x80000000 | random23 | 0x04000000} in the high word, 0 in the low word. */
    public static FileIdBlock appender(FileSource source, long timestamp, int crc32, int random23) {
        return new FileIdBlock(source, timestamp, randomHigh(random23) | APPENDER_FLAG, crc32);
    }

    /** A file stored in a trunk: {@code 0x80000000 | random23 | 0x08000000} high, size (< 2^32) low. */
    public static FileIdBlock trunk(FileSource source, long timestamp, long size, int crc32, int random23) {
        if (size < 0 || size > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("trunk file size " + size + " does not fit 32 bits");
        }
        return new FileIdBlock(source, timestamp, randomHigh(random23) | TRUNK_FLAG | size, crc32);
    }

    /** Draws the 23 random bits the factories need from {@code random}. */
    public static int random23(RandomGenerator random) {
        return random.nextInt(RANDOM_MASK + 1);
    }

    private static long randomHigh(int random23) {
        if ((random23 & ~RANDOM_MASK) != 0) {
            throw new IllegalArgumentException("random value " + random23 + " is not a 23-bit value");
        }
        return ((long) (0x80000000 | random23) & 0xFFFFFFFFL) << 32;
    }

    /** The 20 bytes, big-endian. */
    public byte[] toBytes() {
        return ByteBuffer.allocate(BYTES)
                .putInt(source.word())
                .putInt((int) createTimestamp)
                .putLong(sizeWord)
                .putInt(crc32)
                .array();
    }

    /** Reads 20 bytes. */
    public static FileIdBlock fromBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a file id block has " + BYTES + " bytes, not " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new FileIdBlock(FileSource.fromWord(b.getInt()), b.getInt() & 0xFFFFFFFFL, b.getLong(), b.getInt());
    }

    /** The 27-character base64url text (no padding), as FastDFS writes it (§6.3). */
    public String encode() {
        return ENCODER.encodeToString(toBytes());
    }

    /**
     * Decodes 27 base64url characters. Like FastDFS, the 2 unused low bits of the last character
     * are ignored, so two texts can decode to the same block; {@link FileId} keeps the text.
     *
     * @throws InvalidFileIdException if the text is not 27 characters of the base64url alphabet
     */
    public static FileIdBlock decode(CharSequence text) {
        if (text.length() != TEXT_LENGTH) {
            throw new InvalidFileIdException("the encoded block must be " + TEXT_LENGTH
                    + " base64url characters, got " + text.length() + ": \"" + text + "\"");
        }
        for (int i = 0; i < TEXT_LENGTH; i++) {
            if (!isBase64Url(text.charAt(i))) {
                throw new InvalidFileIdException("bad base64url character '" + text.charAt(i) + "' at position "
                        + i + " of the encoded block \"" + text + "\"");
            }
        }
        return fromBytes(DECODER.decode(text.toString()));
    }

    static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** Bit 58: an appender file. */
    public boolean isAppender() {
        return (sizeWord & APPENDER_FLAG) != 0;
    }

    /** Bit 59: a file stored in a trunk. */
    public boolean isTrunk() {
        return (sizeWord & TRUNK_FLAG) != 0;
    }

    /** The 23 random bits, when bit 63 says the high word carries them. */
    public OptionalInt randomBits() {
        return (sizeWord & RANDOM_FLAG) != 0 ? OptionalInt.of((int) (sizeWord >>> 32) & RANDOM_MASK) : OptionalInt.empty();
    }

    /**
     * The size read with the C rule for normal files: the low 32 bits if bit 63 is set, else the
     * low 32 bits if bit 59 (trunk) is set, else the whole word. Meaningless for appender and slave
     * files, whose size must be queried (use {@link FileId#sizeFromName()}).
     */
    public long sizeFromWord() {
        if ((sizeWord & RANDOM_FLAG) != 0 || isTrunk()) {
            return sizeWord & 0xFFFFFFFFL;
        }
        return sizeWord;
    }

    /** The create time. */
    public Instant createTime() {
        return Instant.ofEpochSecond(createTimestamp);
    }

    @Override
    public String toString() {
        return "FileIdBlock[source=" + source + ", createTimestamp=" + createTimestamp
                + ", sizeWord=0x" + Long.toHexString(sizeWord) + ", crc32=0x" + Integer.toHexString(crc32) + "]";
    }
}
