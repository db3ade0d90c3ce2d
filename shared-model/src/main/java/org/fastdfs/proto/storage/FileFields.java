package org.fastdfs.proto.storage;

import java.nio.ByteBuffer;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Wire;

/**
 * Field rules shared by the storage and sync messages (PROTOCOL.md §1.7, §3, §5.2): remote file names
 * (at most 127 bytes, FastDFS keeps them in 128-byte C buffers), the 6-byte extension and 16-byte
 * prefix fields and their allowed characters {@code [A-Za-z0-9._-]}.
 *
 * <p>Decoders use the {@code read*} methods, which fail with {@link ProtocolException} (EINVAL);
 * record constructors use the {@code require*} methods, which fail with IllegalArgumentException.
 * The structure of a name ("M00/XX/YY/...") is checked by whoever resolves it, not here.
 */
public final class FileFields {

    /** FDFS_FILE_EXT_NAME_MAX_LEN: width of the extension field. */
    public static final int EXT_SIZE = 6;
    /** FDFS_FILE_PREFIX_MAX_LEN: width of the slave prefix field. */
    public static final int PREFIX_SIZE = 16;
    /** Longest remote file name a storage accepts (the C buffers are 128 bytes). */
    public static final int MAX_NAME_LENGTH = 127;
    /** FDFS_NORMAL_LOGIC_FILENAME_LENGTH: shortest appender name (44 = 10 + 27 + 6 + 1). */
    public static final int MIN_APPENDER_NAME_LENGTH = 44;
    /** A master name must be longer than FDFS_LOGIC_FILE_PATH_LEN ("M00/00/00/", 10). */
    public static final int MIN_MASTER_NAME_LENGTH = 11;

    private FileFields() {
    }

    /** True if every character is one of {@code [A-Za-z0-9._-]} (fdfs_validate_filename). */
    public static boolean allowedChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Reads an 8-byte name-length field and checks it lies in {@code [min, 127]}. */
    public static int readNameLength(ByteBuffer in, int min, String what) {
        return Wire.getLength(in, min, MAX_NAME_LENGTH, what + " length");
    }

    /** Reads everything left as a file name of 1..127 bytes. */
    public static String readRestName(ByteBuffer in, String what) {
        int n = in.remaining();
        if (n < 1 || n > MAX_NAME_LENGTH) {
            throw ProtocolException.invalid(what + " of " + n + " bytes: expected 1.." + MAX_NAME_LENGTH);
        }
        return Wire.getRest(in);
    }

    /** Reads a NUL-padded extension field; empty is allowed, other characters than {@code [A-Za-z0-9._-]} are not. */
    public static String readExtension(ByteBuffer in, String what) {
        return checkChars(Wire.getFixed(in, EXT_SIZE), what);
    }

    /** Reads a NUL-padded prefix field; empty is allowed here (callers that forbid it check). */
    public static String readPrefix(ByteBuffer in, String what) {
        return checkChars(Wire.getFixed(in, PREFIX_SIZE), what);
    }

    private static String checkChars(String value, String what) {
        if (!allowedChars(value)) {
            throw ProtocolException.invalid(what + " '" + value + "' has characters outside [A-Za-z0-9._-]");
        }
        return value;
    }

    /** Constructor check: a non-null name of {@code min..127} bytes. */
    public static String requireName(String name, int min, String what) {
        requireLatin1(name, what);
        int n = name.length();
        if (n < min || n > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(what + " '" + name + "' is " + n + " bytes, expected "
                    + min + ".." + MAX_NAME_LENGTH);
        }
        return name;
    }

    /** Constructor check: a non-null value of at most {@code width} bytes made of {@code [A-Za-z0-9._-]}. */
    public static String requireToken(String value, int width, String what) {
        requireFixed(value, width, what);
        if (!allowedChars(value)) {
            throw new IllegalArgumentException(what + " '" + value + "' has characters outside [A-Za-z0-9._-]");
        }
        return value;
    }

    /** Constructor check: a non-null value that fits a {@code width}-byte NUL-padded field. */
    public static String requireFixed(String value, int width, String what) {
        requireLatin1(value, what);
        if (value.length() > width) {
            throw new IllegalArgumentException(what + " '" + value + "' is longer than " + width + " bytes");
        }
        return value;
    }

    /** Constructor check: a group name of at most 16 bytes. */
    public static String requireGroup(String group) {
        return requireFixed(group, Wire.GROUP_NAME_SIZE, "group name");
    }

    /**
     * Constructor check: every character is one byte on the wire (ISO-8859-1). Text in another charset
     * (UTF-8 metadata, for instance) must be turned into bytes and back with ISO-8859-1 first.
     */
    public static String requireLatin1(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xFF) {
                throw new IllegalArgumentException(what + " has a character that is not one byte (ISO-8859-1) at "
                        + i + ": encode the text to bytes first");
            }
        }
        return value;
    }

    /** Constructor check: a value that is not negative. */
    public static long requireNonNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " is negative: " + value);
        }
        return value;
    }

    /** Decoder check: a value read from the wire that is not negative. */
    public static long checkNonNegative(long value, String what) {
        if (value < 0) {
            throw ProtocolException.invalid(what + " is negative: " + value);
        }
        return value;
    }

    /** Number of bytes of {@code s} on the wire: its length, as records hold one-byte (ISO-8859-1) characters only. */
    public static int byteLength(String s) {
        return s.length();
    }
}
