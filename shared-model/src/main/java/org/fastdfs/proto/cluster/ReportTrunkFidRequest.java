package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_REPORT_TRUNK_FID (73) request, PROTOCOL.md §4.9: the trunk server's current trunk file id, 4 bytes,
 * not negative. Reply: empty.
 */
public record ReportTrunkFidRequest(int trunkFileId) implements Request {

    public ReportTrunkFidRequest {
        ClusterFields.range(trunkFileId, 0, Integer.MAX_VALUE, "trunk file id");
    }

    @Override
    public Command command() {
        return Command.STORAGE_REPORT_TRUNK_FID;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return 4;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.putInt(trunkFileId);
    }

    public static ReportTrunkFidRequest decode(ByteBuffer body) {
        Wire.requireLength(body, 4, "REPORT_TRUNK_FID");
        int id = body.getInt();
        if (id < 0) {
            throw ProtocolException.invalid("REPORT_TRUNK_FID: trunk file id " + id + " is negative");
        }
        return new ReportTrunkFidRequest(id);
    }
}
