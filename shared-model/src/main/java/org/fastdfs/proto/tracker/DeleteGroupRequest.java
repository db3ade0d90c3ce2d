package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * SERVER_DELETE_GROUP (108), PROTOCOL.md §2.7: group_name (16) exactly. The reply is empty
 * (ENOENT for an unknown group, EBUSY while it still has storages).
 *
 * @param group the group to delete
 */
public record DeleteGroupRequest(String group) implements Request {

    public DeleteGroupRequest {
        Fields.checkGroup(group);
    }

    @Override
    public Command command() {
        return Command.SERVER_DELETE_GROUP;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return Wire.GROUP_NAME_SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
    }

    public static DeleteGroupRequest decode(ByteBuffer body) {
        Wire.requireLength(body, Wire.GROUP_NAME_SIZE, "delete group");
        return new DeleteGroupRequest(Fields.readGroup(body));
    }
}
