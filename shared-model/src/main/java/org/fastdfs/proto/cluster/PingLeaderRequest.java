package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * TRACKER_PING_LEADER (65) request, PROTOCOL.md §4.12: the follower's connection counts alloc (4) +
 * current (4) + max (4), 12 bytes. Reply: a {@link PingLeaderReply}.
 */
public record PingLeaderRequest(int allocCount, int currentCount, int maxCount) implements Request {

    public static final int SIZE = 12;

    @Override
    public Command command() {
        return Command.TRACKER_PING_LEADER;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.putInt(allocCount).putInt(currentCount).putInt(maxCount);
    }

    public static PingLeaderRequest decode(ByteBuffer body) {
        Wire.requireLength(body, SIZE, "PING_LEADER");
        return new PingLeaderRequest(body.getInt(), body.getInt(), body.getInt());
    }
}
