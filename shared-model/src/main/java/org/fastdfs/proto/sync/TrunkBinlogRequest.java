package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * The header-only trunk binlog commands, PROTOCOL.md §5.8 ("31/32/33 manage trunk binlogs"); the body
 * must be empty, else EINVAL:
 * <ul>
 *   <li>TRUNK_GET_BINLOG_SIZE (31), tracker → storage: reply {@link TrunkBinlogSizeResponse};</li>
 *   <li>TRUNK_DELETE_BINLOG_MARKS (32), tracker → storage: delete the trunk data file and the trunk
 *       binlog mark files; reply empty;</li>
 *   <li>TRUNK_TRUNCATE_BINLOG_FILE (33), trunk server → storage: empty the local trunk binlog; reply
 *       empty.</li>
 * </ul>
 * PROTOCOL.md gives no layout for them; the empty bodies and replies above come from storage_service.c
 * ({@code storage_server_trunk_get_binlog_size}, {@code _delete_binlog_marks},
 * {@code _truncate_binlog_file}) and tracker_mem.c at the commit PROTOCOL.md cites, and no capture covers
 * them: treat the model as the smallest faithful reading, to be checked against real traffic before a
 * mixed C/Java trunk setup relies on it. When a storage refuses them (trunk files off, or it is itself
 * the trunk server) it answers EINVAL.
 *
 * @param command one of the three codes above
 */
public record TrunkBinlogRequest(Command command) implements Request {

    public TrunkBinlogRequest {
        if (command != Command.TRUNK_GET_BINLOG_SIZE && command != Command.TRUNK_DELETE_BINLOG_MARKS
                && command != Command.TRUNK_TRUNCATE_BINLOG_FILE) {
            throw new IllegalArgumentException("not a header-only trunk binlog command: " + command);
        }
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return 0;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
    }

    public static TrunkBinlogRequest decode(Command command, ByteBuffer body) {
        TrunkBinlogRequest request = new TrunkBinlogRequest(command);
        Wire.requireLength(body, 0, command.name());
        return request;
    }
}
