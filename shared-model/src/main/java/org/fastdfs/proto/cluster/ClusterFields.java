package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Wire;

/** Field checks shared by the records of this package. */
final class ClusterFields {

    private ClusterFields() {
    }

    /** Fails with IllegalArgumentException unless {@code value} is non-null and fits {@code width} bytes. */
    static String fits(String value, int width, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        int len = Wire.bytes(value).length;
        if (len > width) {
            throw new IllegalArgumentException(what + " '" + value + "' is " + len + " bytes, the field holds " + width);
        }
        return value;
    }

    /** Writes a NUL-padded field after checking that the value fits (never truncates silently). */
    static void putFixed(ByteBuffer out, String value, int width, String what) {
        Wire.putFixed(out, fits(value, width, what), width);
    }

    /** Fails unless {@code value} lies in {@code [min, max]}. */
    static long range(long value, long min, long max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is outside " + min + ".." + max);
        }
        return value;
    }

    /**
     * FastDFS group-name rule ({@code fdfs_validate_group_name}, PROTOCOL.md §2.2): 1..16 characters,
     * each in {@code [A-Za-z0-9]}. Fails with EINVAL.
     */
    static String validGroupName(String name) {
        if (name.isEmpty()) {
            throw ProtocolException.invalid("group name is empty");
        }
        if (name.length() > Wire.GROUP_NAME_SIZE) {
            throw ProtocolException.invalid("group name '" + name + "' is longer than " + Wire.GROUP_NAME_SIZE);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                throw ProtocolException.invalid("group name '" + name + "' has a character other than A-Z, a-z, 0-9 at "
                        + i);
            }
        }
        return name;
    }
}
