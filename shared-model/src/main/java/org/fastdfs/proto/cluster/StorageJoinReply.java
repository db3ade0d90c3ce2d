package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_JOIN (81) reply, PROTOCOL.md §4.3: my_status (1, unsigned) + src_id (16): 17 bytes, the same in
 * every profile.
 *
 * @param myStatus the tracker's view of the joining storage (§4.11)
 * @param srcId    id of the storage's initial-sync source, or "" if none
 */
public record StorageJoinReply(int myStatus, String srcId) implements WireMessage {

    public static final int SIZE = 1 + Wire.STORAGE_ID_SIZE;

    public StorageJoinReply {
        ClusterFields.range(myStatus, 0, 255, "status");
        ClusterFields.fits(srcId, Wire.STORAGE_ID_SIZE, "source id");
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.put((byte) myStatus);
        Wire.putFixed(out, srcId, Wire.STORAGE_ID_SIZE);
    }

    public static StorageJoinReply decode(ByteBuffer body) {
        Wire.requireLength(body, SIZE, "JOIN reply");
        int status = body.get() & 0xFF;
        return new StorageJoinReply(status, Wire.getFixed(body, Wire.STORAGE_ID_SIZE));
    }
}
