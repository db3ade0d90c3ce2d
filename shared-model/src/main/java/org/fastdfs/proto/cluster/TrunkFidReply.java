package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_FETCH_TRUNK_FID (72) reply, PROTOCOL.md §4.9: the group's current trunk file id, 4 bytes.
 * (The request body is empty: {@link EmptyRequest}.)
 */
public record TrunkFidReply(int trunkFileId) implements WireMessage {

    @Override
    public int encodedLength(WireProfile profile) {
        return 4;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.putInt(trunkFileId);
    }

    public static TrunkFidReply decode(ByteBuffer body) {
        Wire.requireLength(body, 4, "FETCH_TRUNK_FID reply");
        return new TrunkFidReply(body.getInt());
    }
}
