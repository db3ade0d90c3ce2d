package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * Reply to QUERY_STORE ONE (101, 104), PROTOCOL.md §2.3: group (16) + IP (W-1) + port (8) +
 * store_path_index (1): 40 bytes, or 70 with 46-byte IPs.
 *
 * @param group          the chosen group
 * @param ip             the chosen storage's IP
 * @param port           its port
 * @param storePathIndex the store path the client names in its upload (0..255)
 */
public record StoreTarget(String group, String ip, int port, int storePathIndex) implements WireMessage {

    public StoreTarget {
        Fields.checkGroup(group);
        Fields.checkText(ip, "IP address", 0, Fields.MAX_IP_LENGTH);
        Fields.checkPort(port, "port");
        Fields.checkByte(storePathIndex, "store path index");
    }

    public static int size(WireProfile profile) {
        return Wire.GROUP_NAME_SIZE + profile.queryIpSize() + Wire.LONG_SIZE + 1;
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
        out.put((byte) storePathIndex);
    }

    public static StoreTarget decode(ByteBuffer body, WireProfile profile) {
        Wire.requireLength(body, size(profile), "query store reply");
        String group = Fields.readGroup(body);
        String ip = Wire.getFixed(body, profile.queryIpSize());
        int port = Fields.readPort(body, "storage port");
        return new StoreTarget(group, ip, port, body.get() & 0xFF);
    }
}
