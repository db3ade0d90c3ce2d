package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * Reply to SERVER_GET_LEADER (95), PROTOCOL.md §2.8: the leader tracker as text {@code ip:port}
 * ({@code [ip]:port} for IPv6), no NUL, no padding.
 *
 * @param ip   the leader's IP
 * @param port the leader's port
 */
public record LeaderResponse(String ip, int port) implements WireMessage {

    public LeaderResponse {
        Fields.checkText(ip, "IP address", 1, Fields.MAX_IP_LENGTH);
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("leader port " + port + " is outside 1..65535");
        }
    }

    public ServerAddress address() {
        return new ServerAddress(ip, port);
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return address().format().length();
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putString(out, address().format());
    }

    public static LeaderResponse decode(ByteBuffer body) {
        ServerAddress a = ServerAddress.parse(Fields.readText(body, "leader address"), true, "leader address");
        return new LeaderResponse(a.ip(), a.port());
    }
}
