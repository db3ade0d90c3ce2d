package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * SERVER_SET_TRUNK_SERVER (94), PROTOCOL.md §2.7: group_name (16) + an optional storage id (0..15
 * bytes, no NUL); the body is 16..31 bytes. The reply is a {@link TrunkServerResponse}.
 *
 * @param group     the group
 * @param storageId the storage to make trunk server; empty to keep an ACTIVE one or pick one
 */
public record SetTrunkServerRequest(String group, String storageId) implements Request {

    public SetTrunkServerRequest {
        Fields.checkGroup(group);
        Fields.checkText(storageId, "storage id", 0, Fields.MAX_STORAGE_ID_LENGTH);
    }

    @Override
    public Command command() {
        return Command.SERVER_SET_TRUNK_SERVER;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return Wire.GROUP_NAME_SIZE + storageId.length();
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
        Wire.putString(out, storageId);
    }

    public static SetTrunkServerRequest decode(ByteBuffer body) {
        Fields.requireGroupAndId(body, 0, "set trunk server");
        String group = Fields.readGroup(body);
        return new SetTrunkServerRequest(group, Fields.readText(body, "storage id"));
    }
}
