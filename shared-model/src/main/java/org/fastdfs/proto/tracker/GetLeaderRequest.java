package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/** SERVER_GET_LEADER (95, 6.15.5+), PROTOCOL.md §2.8: empty body; the reply is a {@link LeaderResponse}. */
public record GetLeaderRequest() implements Request {

    @Override
    public Command command() {
        return Command.SERVER_GET_LEADER;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return 0;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
    }

    public static GetLeaderRequest decode(ByteBuffer body) {
        Wire.requireLength(body, 0, "get leader");
        return new GetLeaderRequest();
    }
}
