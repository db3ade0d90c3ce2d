package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_REPORT_TRUNK_FREE (74) request, PROTOCOL.md §4.9: the trunk server's free trunk space in MiB,
 * 8 bytes, not negative. Reply: empty.
 */
public record ReportTrunkFreeRequest(long freeMb) implements Request {

    public ReportTrunkFreeRequest {
        ClusterFields.range(freeMb, 0, Long.MAX_VALUE, "trunk free MB");
    }

    @Override
    public Command command() {
        return Command.STORAGE_REPORT_TRUNK_FREE;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return Wire.LONG_SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.putLong(freeMb);
    }

    public static ReportTrunkFreeRequest decode(ByteBuffer body) {
        Wire.requireLength(body, Wire.LONG_SIZE, "REPORT_TRUNK_FREE");
        long mb = body.getLong();
        if (mb < 0) {
            throw ProtocolException.invalid("REPORT_TRUNK_FREE: free space " + mb + " MB is negative");
        }
        return new ReportTrunkFreeRequest(mb);
    }
}
