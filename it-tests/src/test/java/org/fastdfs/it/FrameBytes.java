package org.fastdfs.it;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Hand-made request frames, including wrong ones: any command byte, any field, any declared
 * length. {@code pkg_len} is the body length unless {@link #declaredLength} overrides it.
 */
public final class FrameBytes {

    private final int command;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private Long declared;
    private int status;

    private FrameBytes(int command) {
        this.command = command;
    }

    public static FrameBytes request(int command) {
        return new FrameBytes(command);
    }

    /** An 8-byte big-endian field. */
    public FrameBytes long8(long v) {
        body.writeBytes(ByteBuffer.allocate(8).putLong(v).array());
        return this;
    }

    public FrameBytes byte1(int v) {
        body.write(v);
        return this;
    }

    /** A NUL-padded fixed-width text field (truncated to the width). */
    public FrameBytes fixed(String s, int width) {
        byte[] b = Arrays.copyOf(s.getBytes(StandardCharsets.ISO_8859_1), width);
        body.writeBytes(b);
        return this;
    }

    /** A 16-byte group field. */
    public FrameBytes group(String g) {
        return fixed(g, 16);
    }

    /** Raw text, no padding. */
    public FrameBytes text(String s) {
        body.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    public FrameBytes bytes(byte[] b) {
        body.writeBytes(b);
        return this;
    }

    /** The pkg_len to put in the header instead of the real body length. */
    public FrameBytes declaredLength(long len) {
        declared = len;
        return this;
    }

    /** The header status byte (requests use it only for QUERY_FILE_INFO flags). */
    public FrameBytes status(int s) {
        status = s;
        return this;
    }

    public int bodyLength() {
        return body.size();
    }

    /** Header and body. */
    public byte[] build() {
        byte[] b = body.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(10 + b.length);
        out.putLong(declared != null ? declared : b.length).put((byte) command).put((byte) status).put(b);
        return out.array();
    }

    /** Only the first {@code n} bytes of {@link #build()}. */
    public byte[] firstBytes(int n) {
        return Arrays.copyOf(build(), n);
    }
}
