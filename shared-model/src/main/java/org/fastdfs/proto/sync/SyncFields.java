package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.storage.FileFields;

/**
 * Pieces shared by the sync bodies (PROTOCOL.md §5.2): the 4-byte source timestamp and the 16-byte
 * group, which the C sender writes as a C string, so only the bytes up to the first NUL count.
 */
final class SyncFields {

    /** timestamp (4) + group (16). */
    static final int STAMP_AND_GROUP = 4 + Wire.GROUP_NAME_SIZE;

    private SyncFields() {
    }

    static void putStampAndGroup(ByteBuffer out, int timestamp, String group) {
        out.putInt(timestamp);
        Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
    }

    /** Reads a sync file-name length field: 1..127. */
    static int nameLength(ByteBuffer in, String what) {
        return FileFields.readNameLength(in, 1, what);
    }

    /** Fails unless a body of {@code bodyLength} bytes is longer than its {@code fixed} part. */
    static void requireLonger(long bodyLength, int fixed, String what) {
        if (bodyLength <= fixed) {
            throw ProtocolException.invalid(what + ": body of " + bodyLength + " bytes must be longer than " + fixed);
        }
    }

    /** Fails unless the body is exactly {@code expected} bytes. */
    static void requireTotal(long bodyLength, long expected, String what) {
        if (bodyLength != expected) {
            throw ProtocolException.invalid(what + ": body of " + bodyLength + " bytes, the lengths say " + expected);
        }
    }

    /** Constructor check for a timestamp-carrying record. */
    static void requireGroupAndName(String group, String filename, String what) {
        FileFields.requireGroup(group);
        FileFields.requireName(filename, 1, what);
    }
}
