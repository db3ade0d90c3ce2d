package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.storage.FileFields;

/**
 * TRUNK_ALLOC_SPACE (27), storage → trunk server, PROTOCOL.md §5.8: group (16) + file_size (4) +
 * store_path_index (1) = 21 bytes. Reply: {@link TrunkInfo}. Whether the size fits a slot is the trunk
 * server's check.
 *
 * @param group          the requester's group
 * @param fileSize       slot size wanted (content + the 24-byte slot header), not negative
 * @param storePathIndex the store path the slot should be on, 0..127
 */
public record TrunkAllocSpaceRequest(String group, int fileSize, int storePathIndex) implements Request {

    /** Body size. */
    public static final int SIZE = Wire.GROUP_NAME_SIZE + 4 + 1;

    public TrunkAllocSpaceRequest {
        FileFields.requireGroup(group);
        FileFields.requireNonNegative(fileSize, "file size");
        if (storePathIndex < 0 || storePathIndex > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("store path index out of range: " + storePathIndex);
        }
    }

    @Override
    public Command command() {
        return Command.TRUNK_ALLOC_SPACE;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
        out.putInt(fileSize).put((byte) storePathIndex);
    }

    public static TrunkAllocSpaceRequest decode(ByteBuffer body) {
        Wire.requireLength(body, SIZE, "TRUNK_ALLOC_SPACE");
        String group = Wire.getFixed(body, Wire.GROUP_NAME_SIZE);
        int size = body.getInt();
        if (size < 0) {
            throw ProtocolException.invalid("TRUNK_ALLOC_SPACE: file size " + size + " is negative");
        }
        int index = body.get();
        if (index < 0) {
            throw ProtocolException.invalid("TRUNK_ALLOC_SPACE: store path index " + index + " is negative");
        }
        return new TrunkAllocSpaceRequest(group, size, index);
    }
}
