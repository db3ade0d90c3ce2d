package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Wire;

/**
 * The body shared by SYNC_CREATE_LINK (19) and SYNC_RENAME_FILE (40): dest_len (8) + src_len (8) +
 * timestamp (4) + group (16) + dest file name + src file name; the body ends there.
 */
record TwoNames(int timestamp, String group, String dest, String src) {

    static final int FIXED_SIZE = 2 * Wire.LONG_SIZE + SyncFields.STAMP_AND_GROUP;

    static int encodedLength(String dest, String src) {
        return FIXED_SIZE + dest.length() + src.length();
    }

    static void encode(ByteBuffer out, int timestamp, String group, String dest, String src) {
        out.putLong(dest.length()).putLong(src.length());
        SyncFields.putStampAndGroup(out, timestamp, group);
        Wire.putString(out, dest);
        Wire.putString(out, src);
    }

    static TwoNames decode(ByteBuffer body, String what) {
        int total = body.remaining();
        SyncFields.requireLonger(total, FIXED_SIZE, what);
        int destLength = SyncFields.nameLength(body, "destination file name");
        int srcLength = SyncFields.nameLength(body, "source file name");
        SyncFields.requireTotal(total, FIXED_SIZE + destLength + srcLength, what);
        int timestamp = body.getInt();
        String group = Wire.getFixed(body, Wire.GROUP_NAME_SIZE);
        String dest = Wire.getString(body, destLength);
        return new TwoNames(timestamp, group, dest, Wire.getString(body, srcLength));
    }
}
