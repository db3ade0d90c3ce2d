package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_REPORT_IP_CHANGED (78) request, PROTOCOL.md §4.8: group (16) + old_ip + new_ip, each IP 46 bytes
 * (current, 108 in all) or 16 (classic, 48 in all). Only without use_storage_id. Reply: empty.
 */
public record ReportIpChangedRequest(String groupName, String oldIp, String newIp) implements Request {

    public ReportIpChangedRequest {
        ClusterFields.fits(groupName, Wire.GROUP_NAME_SIZE, "group name");
        ClusterFields.fits(oldIp, 46, "old IP");
        ClusterFields.fits(newIp, 46, "new IP");
    }

    public static int size(WireProfile profile) {
        return Wire.GROUP_NAME_SIZE + 2 * profile.serverIpSize();
    }

    @Override
    public Command command() {
        return Command.STORAGE_REPORT_IP_CHANGED;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return size(profile);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, groupName, Wire.GROUP_NAME_SIZE);
        ClusterFields.putFixed(out, oldIp, profile.serverIpSize(), "old IP");
        ClusterFields.putFixed(out, newIp, profile.serverIpSize(), "new IP");
    }

    public static ReportIpChangedRequest decode(ByteBuffer body, WireProfile profile) {
        Wire.requireLength(body, size(profile), "REPORT_IP_CHANGED");
        return new ReportIpChangedRequest(Wire.getFixed(body, Wire.GROUP_NAME_SIZE),
                Wire.getFixed(body, profile.serverIpSize()), Wire.getFixed(body, profile.serverIpSize()));
    }
}
