package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;

/**
 * TRUNK_ALLOC_CONFIRM (28), storage → trunk server, PROTOCOL.md §5.8: group (16) + {@link TrunkInfo}
 * (15) = 31 bytes. Reply: empty.
 *
 * <p>The request header's status byte carries the outcome of the upload that used the slot (not
 * listed in PROTOCOL.md §1.5; seen in storage/trunk_mgr/trunk_client.c and trunk_mem.c
 * {@code trunk_alloc_confirm}): 0 confirms the allocation, EEXIST and other errno values make the
 * trunk server release the slot again.
 *
 * @param status the upload's result, 0..255 (0 = success)
 * @param group  the requester's group
 * @param trunk  the slot that {@link TrunkAllocSpaceRequest} returned
 */
public record TrunkAllocConfirmRequest(int status, String group, TrunkInfo trunk) implements Request {

    public TrunkAllocConfirmRequest {
        if (status < 0 || status > 255) {
            throw new IllegalArgumentException("status must fit the header status byte: " + status);
        }
        TrunkSlotBody.check(group, trunk);
    }

    @Override
    public Command command() {
        return Command.TRUNK_ALLOC_CONFIRM;
    }

    /** The upload's result travels in the header's status byte. */
    @Override
    public int headerStatus() {
        return status;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return TrunkSlotBody.SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        TrunkSlotBody.encode(out, group, trunk, profile);
    }

    /** Decodes the body; {@code headerStatus} is the request header's status byte. */
    public static TrunkAllocConfirmRequest decode(ByteBuffer body, int headerStatus) {
        TrunkSlotBody b = TrunkSlotBody.decode(body, "TRUNK_ALLOC_CONFIRM");
        return new TrunkAllocConfirmRequest(headerStatus & 0xFF, b.group(), b.trunk());
    }
}
