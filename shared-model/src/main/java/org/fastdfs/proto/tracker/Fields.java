package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Wire;

/**
 * Checks and field readers shared by the tracker records. Constructors use the {@code check*}
 * methods (IllegalArgumentException: a programming error); decoders use the {@code read*} methods
 * (ProtocolException: bad bytes from the peer).
 */
final class Fields {

    /** FDFS_STORAGE_ID_MAX_SIZE - 1: the longest storage id. */
    static final int MAX_STORAGE_ID_LENGTH = Wire.STORAGE_ID_SIZE - 1;
    /** FDFS_MAX_IP_PORT_SIZE: the longest "ip:port" text (46 + 6). */
    static final int MAX_IP_PORT_LENGTH = 52;
    /** IPV6_ADDRESS_SIZE - 1: the longest IP text. */
    static final int MAX_IP_LENGTH = 45;
    /** FDFS_VERSION_SIZE of the 6.15.5+ monitor replies (96, 97), which exist only in the current layout. */
    static final int MONITOR_VERSION_SIZE = 8;

    private Fields() {
    }

    /** A group name for a 16-byte field: at most 16 ISO-8859-1 characters, no NUL. */
    static String checkGroup(String group) {
        return checkText(group, "group name", 0, Wire.GROUP_NAME_SIZE);
    }

    /** Text that round-trips through a NUL-padded or length-delimited field. */
    static String checkText(String value, String what, int min, int max) {
        Objects.requireNonNull(value, what);
        if (value.length() < min || value.length() > max) {
            throw new IllegalArgumentException(what + " '" + value + "' must be " + min + ".." + max
                    + " characters long");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c > 0xFF) {
                throw new IllegalArgumentException(what + " '" + value + "' holds a NUL or non-ISO-8859-1 character");
            }
        }
        return value;
    }

    /** Text of any length (line-based bodies): non-null, ISO-8859-1, no NUL. */
    static String checkText(String value, String what) {
        return checkText(value, what, 0, Integer.MAX_VALUE);
    }

    static int checkPort(int port, String what) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException(what + " " + port + " is outside 0..65535");
        }
        return port;
    }

    static int checkByte(int value, String what) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(what + " " + value + " is outside 0..255");
        }
        return value;
    }

    static <T> List<T> checkList(List<T> list, String what) {
        Objects.requireNonNull(list, what);
        return List.copyOf(list);
    }

    /** Writes an IP into a {@code width}-byte field, refusing one that would be cut. */
    static void putIp(ByteBuffer out, String ip, int width) {
        if (ip.length() > width) {
            throw new IllegalArgumentException("IP '" + ip + "' does not fit the " + width + "-byte field of this profile");
        }
        Wire.putFixed(out, ip, width);
    }

    static String readGroup(ByteBuffer in) {
        return Wire.getFixed(in, Wire.GROUP_NAME_SIZE);
    }

    /** An 8-byte port field, checked to be a TCP port. */
    static int readPort(ByteBuffer in, String what) {
        return Wire.getLength(in, 0, 0xFFFF, what);
    }

    /**
     * The rest of the body as text. Trailing NUL padding is dropped, as the C tracker reads these fields
     * as C strings and tobato pads the storage id of LIST_STORAGE to 15 bytes; a NUL followed by more
     * text, or text that is nothing but padding, is refused.
     */
    static String readText(ByteBuffer body, String what) {
        String raw = Wire.getRest(body);
        int end = raw.length();
        while (end > 0 && raw.charAt(end - 1) == '\0') {
            end--;
        }
        String text = raw.substring(0, end);
        if (text.indexOf('\0') >= 0) {
            throw ProtocolException.invalid(what + " '" + text.replace('\0', '.') + "' contains a NUL byte");
        }
        if (text.isEmpty() && !raw.isEmpty()) {
            throw ProtocolException.invalid(what + " is only NUL padding");
        }
        return text;
    }

    /** A 0/1 flag byte. */
    static boolean readFlag(ByteBuffer in, String what) {
        int v = Wire.getByte(in, what) & 0xFF;
        if (v > 1) {
            throw ProtocolException.invalid(what + " must be 0 or 1, not " + v);
        }
        return v == 1;
    }

    static void putFlag(ByteBuffer out, boolean flag) {
        out.put((byte) (flag ? 1 : 0));
    }

    /** Checks a group (16) + storage id body, the id being {@code minId}..15 bytes. */
    static void requireGroupAndId(ByteBuffer body, int minId, String what) {
        int length = body.remaining();
        if (length < Wire.GROUP_NAME_SIZE + minId || length > Wire.GROUP_NAME_SIZE + MAX_STORAGE_ID_LENGTH) {
            throw ProtocolException.invalid(what + ": body is " + length + " bytes, expected group (16) + a storage id of "
                    + minId + ".." + MAX_STORAGE_ID_LENGTH + " bytes");
        }
    }
}
