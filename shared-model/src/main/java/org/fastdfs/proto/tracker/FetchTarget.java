package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * Reply to QUERY_FETCH_ONE (102) and QUERY_UPDATE (103), PROTOCOL.md §2.4: group (16) + IP (W-1) +
 * port (8): 39 bytes, or 69 with 46-byte IPs.
 *
 * @param group the file's group
 * @param ip    the storage to download from (102) or to update on (103)
 * @param port  its port
 */
public record FetchTarget(String group, String ip, int port) implements WireMessage {

    public FetchTarget {
        Fields.checkGroup(group);
        Fields.checkText(ip, "IP address", 0, Fields.MAX_IP_LENGTH);
        Fields.checkPort(port, "port");
    }

    public static int size(WireProfile profile) {
        return Wire.GROUP_NAME_SIZE + profile.queryIpSize() + Wire.LONG_SIZE;
    }

    public ServerAddress address() {
        return new ServerAddress(ip, port);
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return size(profile);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
        Fields.putIp(out, ip, profile.queryIpSize());
        out.putLong(port);
    }

    public static FetchTarget decode(ByteBuffer body, WireProfile profile) {
        Wire.requireLength(body, size(profile), "query fetch/update reply");
        String group = Fields.readGroup(body);
        String ip = Wire.getFixed(body, profile.queryIpSize());
        return new FetchTarget(group, ip, Fields.readPort(body, "storage port"));
    }
}
