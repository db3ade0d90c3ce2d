package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/** SERVER_LIST_ALL_GROUPS (91), PROTOCOL.md §2.5: empty body; the reply is a {@link GroupStatList}. */
public record ListGroupsRequest() implements Request {

    @Override
    public Command command() {
        return Command.SERVER_LIST_ALL_GROUPS;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return 0;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
    }

    public static ListGroupsRequest decode(ByteBuffer body) {
        Wire.requireLength(body, 0, "list all groups");
        return new ListGroupsRequest();
    }
}
