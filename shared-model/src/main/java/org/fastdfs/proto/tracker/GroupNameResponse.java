package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * Reply to STORAGE_GET_GROUP_NAME (109), PROTOCOL.md §2.9: group_name (16), NUL-padded.
 *
 * @param group the storage's group from storage_ids.conf
 */
public record GroupNameResponse(String group) implements WireMessage {

    public GroupNameResponse {
        Fields.checkGroup(group);
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return Wire.GROUP_NAME_SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
    }

    public static GroupNameResponse decode(ByteBuffer body) {
        Wire.requireLength(body, Wire.GROUP_NAME_SIZE, "get group name reply");
        return new GroupNameResponse(Fields.readGroup(body));
    }
}
