package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;

/**
 * TRUNK_FREE_SPACE (29), storage → trunk server, PROTOCOL.md §5.8: group (16) + {@link TrunkInfo}
 * (15) = 31 bytes; header status 0. Reply: empty.
 *
 * @param group the requester's group
 * @param trunk the slot to release
 */
public record TrunkFreeSpaceRequest(String group, TrunkInfo trunk) implements Request {

    public TrunkFreeSpaceRequest {
        TrunkSlotBody.check(group, trunk);
    }

    @Override
    public Command command() {
        return Command.TRUNK_FREE_SPACE;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return TrunkSlotBody.SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        TrunkSlotBody.encode(out, group, trunk, profile);
    }

    public static TrunkFreeSpaceRequest decode(ByteBuffer body) {
        TrunkSlotBody b = TrunkSlotBody.decode(body, "TRUNK_FREE_SPACE");
        return new TrunkFreeSpaceRequest(b.group(), b.trunk());
    }
}
