package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * A cluster request whose body is always empty (PROTOCOL.md §4.4, §4.8, §4.9, §4.12): SYNC_DEST_REQ (87),
 * SYNC_DEST_QUERY (79), NOTIFY_RESELECT_LEADER (68), FETCH_TRUNK_FID (72), TRACKER_GET_STATUS (64),
 * GET_SYS_FILES_START (61) and GET_SYS_FILES_END (62). A body of any other length is EINVAL.
 * (An empty STORAGE_BEAT is a {@link StorageBeatRequest}; an empty CHANGELOG_REQ a {@link ChangelogRequest}.)
 */
public record EmptyRequest(Command command) implements Request {

    /** The commands this record carries. */
    public static final Set<Command> COMMANDS = Set.copyOf(EnumSet.of(
            Command.STORAGE_SYNC_DEST_REQ,
            Command.STORAGE_SYNC_DEST_QUERY,
            Command.TRACKER_NOTIFY_RESELECT_LEADER,
            Command.STORAGE_FETCH_TRUNK_FID,
            Command.TRACKER_GET_STATUS,
            Command.TRACKER_GET_SYS_FILES_START,
            Command.TRACKER_GET_SYS_FILES_END));

    public EmptyRequest {
        if (!COMMANDS.contains(command)) {
            throw new IllegalArgumentException(command + " is not an empty-body cluster request");
        }
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return 0;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        // no body
    }

    /** Checks that the body of {@code command} is empty. */
    public static EmptyRequest decode(ByteBuffer body, Command command) {
        EmptyRequest r = new EmptyRequest(command);
        Wire.requireLength(body, 0, command.name() + " takes no body");
        return r;
    }
}
