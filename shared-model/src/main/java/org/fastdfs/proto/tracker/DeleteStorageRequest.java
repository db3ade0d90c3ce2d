package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * SERVER_DELETE_STORAGE (93), PROTOCOL.md §2.7: group_name (16) + storage id (1..15 bytes, no NUL);
 * the body is 17..31 bytes. The reply is empty.
 *
 * @param group     the storage's group
 * @param storageId the storage to mark DELETED
 */
public record DeleteStorageRequest(String group, String storageId) implements Request {

    public DeleteStorageRequest {
        Fields.checkGroup(group);
        Fields.checkText(storageId, "storage id", 1, Fields.MAX_STORAGE_ID_LENGTH);
    }

    @Override
    public Command command() {
        return Command.SERVER_DELETE_STORAGE;
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

    public static DeleteStorageRequest decode(ByteBuffer body) {
        Fields.requireGroupAndId(body, 1, "delete storage");
        String group = Fields.readGroup(body);
        return new DeleteStorageRequest(group, Fields.readText(body, "storage id"));
    }
}
