package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * TRACKER_GET_ONE_SYS_FILE (63) reply, PROTOCOL.md §4.12: the whole file's size (8) + the bytes from the
 * requested offset (at most about 8 KB). Holds a copy of the bytes; equality compares content.
 *
 * @param fileSize size of the whole file
 * @param content  the chunk (never longer than {@code fileSize})
 */
public record SysFileChunk(long fileSize, byte[] content) implements WireMessage {

    public SysFileChunk {
        ClusterFields.range(fileSize, 0, Long.MAX_VALUE, "file size");
        content = content.clone();
        if (content.length > fileSize) {
            throw new IllegalArgumentException("chunk of " + content.length + " bytes exceeds the file size " + fileSize);
        }
    }

    /** A copy of the chunk. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    public int length() {
        return content.length;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return Wire.LONG_SIZE + content.length;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.putLong(fileSize).put(content);
    }

    /**
     * Decodes as the fetching tracker does: at least the 8-byte size, size not negative, and a non-empty
     * chunk whenever the file is not empty (the fetcher never asks at offset = size).
     */
    public static SysFileChunk decode(ByteBuffer body) {
        long size = Wire.getLong(body, "system file size");
        if (size < 0) {
            throw ProtocolException.invalid("system file size " + size + " is negative");
        }
        int n = body.remaining();
        if (size > 0 && n == 0) {
            throw ProtocolException.invalid("system file of " + size + " bytes came with an empty chunk");
        }
        if (n > size) {
            throw ProtocolException.invalid("chunk of " + n + " bytes exceeds the file size " + size);
        }
        byte[] b = new byte[n];
        body.get(b);
        return new SysFileChunk(size, b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SysFileChunk c && c.fileSize == fileSize && Arrays.equals(c.content, content);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(fileSize) + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        String head = HexFormat.of().formatHex(content, 0, Math.min(content.length, 32));
        return "SysFileChunk[fileSize=" + fileSize + ", length=" + content.length + ", head=" + head
                + (content.length > 32 ? "…" : "") + "]";
    }
}
