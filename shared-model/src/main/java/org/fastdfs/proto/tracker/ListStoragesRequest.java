package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * SERVER_LIST_STORAGE (92), PROTOCOL.md §2.6: group_name (16) + an optional storage id (0..15 bytes,
 * no NUL); the body is 16..31 bytes. The reply is a {@link StorageStatList}.
 *
 * @param group     the group to list
 * @param storageId only this storage; empty for all of them
 */
public record ListStoragesRequest(String group, String storageId) implements Request {

    public ListStoragesRequest {
        Fields.checkGroup(group);
        Fields.checkText(storageId, "storage id", 0, Fields.MAX_STORAGE_ID_LENGTH);
    }

    public ListStoragesRequest(String group) {
        this(group, "");
    }

    @Override
    public Command command() {
        return Command.SERVER_LIST_STORAGE;
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

    public static ListStoragesRequest decode(ByteBuffer body) {
        Fields.requireGroupAndId(body, 0, "list storages");
        String group = Fields.readGroup(body);
        return new ListStoragesRequest(group, Fields.readText(body, "storage id"));
    }
}
