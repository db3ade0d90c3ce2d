package org.fastdfs.proto.storage;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;

/**
 * GET_METADATA (15), PROTOCOL.md §3.6: group (16) + remote file name (the rest). Reply:
 * {@link MetadataResponse}.
 *
 * @param group    group name
 * @param filename remote file name without group, 1..127 bytes
 */
public record GetMetadataRequest(String group, String filename) implements Request {

    public GetMetadataRequest {
        FileFields.requireGroup(group);
        FileFields.requireName(filename, 1, "remote file name");
    }

    @Override
    public Command command() {
        return Command.GET_METADATA;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return GroupAndName.length(filename);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        GroupAndName.encode(out, group, filename);
    }

    public static GetMetadataRequest decode(ByteBuffer body) {
        GroupAndName g = GroupAndName.decode(body, "GET_METADATA");
        return new GetMetadataRequest(g.group(), g.filename());
    }
}
