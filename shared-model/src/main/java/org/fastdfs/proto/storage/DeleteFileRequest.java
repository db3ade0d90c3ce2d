package org.fastdfs.proto.storage;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;

/**
 * DELETE_FILE (12), PROTOCOL.md §3.5: group (16) + remote file name (the rest). Reply: empty.
 *
 * @param group    group name
 * @param filename remote file name without group, 1..127 bytes
 */
public record DeleteFileRequest(String group, String filename) implements Request {

    public DeleteFileRequest {
        FileFields.requireGroup(group);
        FileFields.requireName(filename, 1, "remote file name");
    }

    @Override
    public Command command() {
        return Command.DELETE_FILE;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return GroupAndName.length(filename);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        GroupAndName.encode(out, group, filename);
    }

    public static DeleteFileRequest decode(ByteBuffer body) {
        GroupAndName g = GroupAndName.decode(body, "DELETE_FILE");
        return new DeleteFileRequest(g.group(), g.filename());
    }
}
