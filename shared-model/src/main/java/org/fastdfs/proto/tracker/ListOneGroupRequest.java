package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * SERVER_LIST_ONE_GROUP (90), PROTOCOL.md §2.5: group_name (16) exactly; the reply is one
 * {@link GroupStat}, or ENOENT.
 *
 * @param group the group to describe
 */
public record ListOneGroupRequest(String group) implements Request {

    public ListOneGroupRequest {
        Fields.checkGroup(group);
    }

    @Override
    public Command command() {
        return Command.SERVER_LIST_ONE_GROUP;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return Wire.GROUP_NAME_SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
    }

    public static ListOneGroupRequest decode(ByteBuffer body) {
        Wire.requireLength(body, Wire.GROUP_NAME_SIZE, "list one group");
        return new ListOneGroupRequest(Fields.readGroup(body));
    }
}
