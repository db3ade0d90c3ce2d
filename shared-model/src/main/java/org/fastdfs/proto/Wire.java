package org.fastdfs.proto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Field helpers shared by every message record: NUL-padded fixed-width strings, variable-length
 * trailing strings, and length checks that fail with {@link ProtocolException}.
 *
 * <p>Protocol text (group names, IPs, file names, ids) is carried as ISO-8859-1 so that every byte
 * round-trips unchanged; FastDFS itself only puts ASCII there.
 */
public final class Wire {

    /** Width of the group-name field in requests and most replies. */
    public static final int GROUP_NAME_SIZE = 16;
    /** Width of the group-name field inside stat structs and the storage-side JOIN/GET_MY_IP bodies. */
    public static final int GROUP_NAME_STRUCT_SIZE = 17;
    /** Width of a storage id field. */
    public static final int STORAGE_ID_SIZE = 16;
    /** Width of an 8-byte integer field. */
    public static final int LONG_SIZE = 8;

    private Wire() {
    }

    /** Encodes {@code value} as ISO-8859-1 bytes. */
    public static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Decodes ISO-8859-1 bytes. */
    public static String string(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code value} into exactly {@code width} bytes: truncated if longer, NUL-padded if shorter. */
    public static void putFixed(ByteBuffer out, String value, int width) {
        byte[] b = value == null ? new byte[0] : bytes(value);
        int n = Math.min(b.length, width);
        out.put(b, 0, n);
        for (int i = n; i < width; i++) {
            out.put((byte) 0);
        }
    }

    /** Reads a {@code width}-byte field and returns the text before its first NUL (bytes after it are ignored). */
    public static String getFixed(ByteBuffer in, int width) {
        require(in, width, "fixed field");
        byte[] b = new byte[width];
        in.get(b);
        int end = 0;
        while (end < width && b[end] != 0) {
            end++;
        }
        return string(b, 0, end);
    }

    /** Writes the string's bytes with no padding and no terminator. */
    public static void putString(ByteBuffer out, String value) {
        out.put(bytes(value));
    }

    /** Reads {@code length} bytes as text. */
    public static String getString(ByteBuffer in, int length) {
        require(in, length, "string field");
        byte[] b = new byte[length];
        in.get(b);
        return string(b, 0, length);
    }

    /** Reads everything left in {@code in} as text. */
    public static String getRest(ByteBuffer in) {
        return getString(in, in.remaining());
    }

    /** Reads an 8-byte length field and checks it lies in {@code [min, max]}. */
    public static int getLength(ByteBuffer in, int min, int max, String what) {
        long v = getLong(in, what);
        if (v < min || v > max) {
            throw ProtocolException.invalid(what + " " + v + " is outside " + min + ".." + max);
        }
        return (int) v;
    }

    public static long getLong(ByteBuffer in, String what) {
        require(in, LONG_SIZE, what);
        return in.getLong();
    }

    public static int getInt(ByteBuffer in, String what) {
        require(in, 4, what);
        return in.getInt();
    }

    public static byte getByte(ByteBuffer in, String what) {
        require(in, 1, what);
        return in.get();
    }

    /** Fails unless at least {@code n} bytes remain. */
    public static void require(ByteBuffer in, int n, String what) {
        if (in.remaining() < n) {
            throw ProtocolException.invalid(
                    "body too short for " + what + ": need " + n + " more bytes, have " + in.remaining());
        }
    }

    /** Fails unless the body is exactly {@code n} bytes long. */
    public static void requireLength(ByteBuffer body, int n, String message) {
        if (body.remaining() != n) {
            throw ProtocolException.invalid(message + ": body is " + body.remaining() + " bytes, expected " + n);
        }
    }

    /** Fails unless the body has been consumed completely. */
    public static void requireEnd(ByteBuffer body, String message) {
        if (body.hasRemaining()) {
            throw ProtocolException.invalid(message + ": " + body.remaining() + " unexpected trailing bytes");
        }
    }

    /** Fails unless the body length is a multiple of {@code unit}. */
    public static int requireMultiple(ByteBuffer body, int unit, String message) {
        if (body.remaining() % unit != 0) {
            throw ProtocolException.invalid(
                    message + ": body of " + body.remaining() + " bytes is not a multiple of " + unit);
        }
        return body.remaining() / unit;
    }
}
