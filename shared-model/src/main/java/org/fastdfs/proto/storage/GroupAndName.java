package org.fastdfs.proto.storage;

import java.nio.ByteBuffer;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Wire;

/** The common body "group (16) + remote file name (the rest)" of commands 12, 15 and 22. */
record GroupAndName(String group, String filename) {

    static int length(String filename) {
        return Wire.GROUP_NAME_SIZE + FileFields.byteLength(filename);
    }

    static void encode(ByteBuffer out, String group, String filename) {
        Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
        Wire.putString(out, filename);
    }

    static GroupAndName decode(ByteBuffer body, String what) {
        if (body.remaining() <= Wire.GROUP_NAME_SIZE) {
            throw ProtocolException.invalid(what + ": body of " + body.remaining()
                    + " bytes has no file name after the 16-byte group");
        }
        String group = Wire.getFixed(body, Wire.GROUP_NAME_SIZE);
        return new GroupAndName(group, FileFields.readRestName(body, "remote file name"));
    }
}
