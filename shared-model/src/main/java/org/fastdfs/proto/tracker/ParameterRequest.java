package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_PARAMETER_REQ (75), PROTOCOL.md §2.9: empty body; the reply is a {@link ParameterResponse}.
 * Storages send it at start-up, the nginx module with load_fdfs_parameters_from_tracker.
 */
public record ParameterRequest() implements Request {

    @Override
    public Command command() {
        return Command.STORAGE_PARAMETER_REQ;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return 0;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
    }

    public static ParameterRequest decode(ByteBuffer body) {
        Wire.requireLength(body, 0, "parameter request");
        return new ParameterRequest();
    }
}
