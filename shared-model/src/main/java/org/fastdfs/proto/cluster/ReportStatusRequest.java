package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.stat.StorageBrief;

/**
 * STORAGE_REPORT_STATUS (76) request, PROTOCOL.md §4.8: group (16) + one storage brief (67 bytes current,
 * 37 classic). No login needed. Reply: empty.
 *
 * @param storage the storage whose status is reported (a sync destination, or the sender itself)
 */
public record ReportStatusRequest(String groupName, StorageBrief storage) implements Request {

    public ReportStatusRequest {
        ClusterFields.fits(groupName, Wire.GROUP_NAME_SIZE, "group name");
        if (storage == null) {
            throw new IllegalArgumentException("storage brief must not be null");
        }
    }

    @Override
    public Command command() {
        return Command.STORAGE_REPORT_STATUS;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return Wire.GROUP_NAME_SIZE + StorageBrief.size(profile);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, groupName, Wire.GROUP_NAME_SIZE);
        storage.encode(out, profile);
    }

    public static ReportStatusRequest decode(ByteBuffer body, WireProfile profile) {
        Wire.requireLength(body, Wire.GROUP_NAME_SIZE + StorageBrief.size(profile), "REPORT_STATUS");
        return new ReportStatusRequest(Wire.getFixed(body, Wire.GROUP_NAME_SIZE), StorageBrief.decode(body, profile));
    }
}
