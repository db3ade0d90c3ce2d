package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * TRACKER_JOIN_LEADER (58) request (6.15.5+), PROTOCOL.md §4.12: up_time (8) + version (8) + server_port (8),
 * 24 bytes. Reply: empty.
 *
 * @param upTime     unix time the follower started
 * @param version    its FastDFS version text, e.g. "6.16.1"
 * @param serverPort its tracker port
 */
public record JoinLeaderRequest(long upTime, String version, int serverPort) implements Request {

    public static final int VERSION_SIZE = 8;
    public static final int SIZE = Wire.LONG_SIZE + VERSION_SIZE + Wire.LONG_SIZE;

    public JoinLeaderRequest {
        ClusterFields.fits(version, VERSION_SIZE, "version");
        ClusterFields.range(serverPort, 0, 65535, "server port");
    }

    @Override
    public Command command() {
        return Command.TRACKER_JOIN_LEADER;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.putLong(upTime);
        Wire.putFixed(out, version, VERSION_SIZE);
        out.putLong(serverPort);
    }

    public static JoinLeaderRequest decode(ByteBuffer body) {
        Wire.requireLength(body, SIZE, "JOIN_LEADER");
        long upTime = body.getLong();
        String version = Wire.getFixed(body, VERSION_SIZE);
        long port = body.getLong();
        if (port < 0 || port > 65535) {
            throw ProtocolException.invalid("JOIN_LEADER server port " + port + " is outside 0..65535");
        }
        return new JoinLeaderRequest(upTime, version, (int) port);
    }
}
