package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_CHANGE_STATUS (59) request, PROTOCOL.md §4.8: the new status, 1 byte (a C {@code char}, read
 * signed). Logged in only. Reply: empty.
 */
public record ChangeStatusRequest(int status) implements Request {

    public ChangeStatusRequest {
        ClusterFields.range(status, Byte.MIN_VALUE, Byte.MAX_VALUE, "status");
    }

    public ChangeStatusRequest(StorageStatus status) {
        this(status.code());
    }

    @Override
    public Command command() {
        return Command.STORAGE_CHANGE_STATUS;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return 1;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.put((byte) status);
    }

    public static ChangeStatusRequest decode(ByteBuffer body) {
        Wire.requireLength(body, 1, "CHANGE_STATUS");
        return new ChangeStatusRequest(body.get());
    }
}
