package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.storage.FileFields;

/** The body of TRUNK_ALLOC_CONFIRM (28) and TRUNK_FREE_SPACE (29): group (16) + trunk info (15). */
record TrunkSlotBody(String group, TrunkInfo trunk) {

    static final int SIZE = Wire.GROUP_NAME_SIZE + TrunkInfo.SIZE;

    static void check(String group, TrunkInfo trunk) {
        FileFields.requireGroup(group);
        if (trunk == null) {
            throw new IllegalArgumentException("trunk info is null");
        }
    }

    static void encode(ByteBuffer out, String group, TrunkInfo trunk, WireProfile profile) {
        Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
        trunk.encode(out, profile);
    }

    static TrunkSlotBody decode(ByteBuffer body, String what) {
        Wire.requireLength(body, SIZE, what);
        String group = Wire.getFixed(body, Wire.GROUP_NAME_SIZE);
        return new TrunkSlotBody(group, TrunkInfo.read(body));
    }
}
