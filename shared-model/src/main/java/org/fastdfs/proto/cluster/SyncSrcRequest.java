package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_SYNC_SRC_REQ (86) request, PROTOCOL.md §4.4: group (16) + destination storage id (16), 32 bytes.
 * Sent by a source storage, no login needed. Reply: a {@link SyncSourceReply}.
 */
public record SyncSrcRequest(String groupName, String destStorageId) implements Request {

    public static final int SIZE = Wire.GROUP_NAME_SIZE + Wire.STORAGE_ID_SIZE;

    public SyncSrcRequest {
        ClusterFields.fits(groupName, Wire.GROUP_NAME_SIZE, "group name");
        ClusterFields.fits(destStorageId, Wire.STORAGE_ID_SIZE, "destination storage id");
    }

    @Override
    public Command command() {
        return Command.STORAGE_SYNC_SRC_REQ;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, groupName, Wire.GROUP_NAME_SIZE);
        Wire.putFixed(out, destStorageId, Wire.STORAGE_ID_SIZE);
    }

    public static SyncSrcRequest decode(ByteBuffer body) {
        Wire.requireLength(body, SIZE, "SYNC_SRC_REQ");
        return new SyncSrcRequest(Wire.getFixed(body, Wire.GROUP_NAME_SIZE), Wire.getFixed(body, Wire.STORAGE_ID_SIZE));
    }
}
