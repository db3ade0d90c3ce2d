package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.storage.FileFields;

/**
 * TRUNK_SYNC_BINLOG (30), trunk server → the other storages of its group, PROTOCOL.md §5.8: the body
 * is a run of trunk binlog text lines, kept here as ISO-8859-1 text. Reply: empty.
 *
 * <p>PROTOCOL.md says only "the trunk server pushes its trunk binlog text". What this record relies on
 * comes from storage/trunk_mgr/trunk_sync.c and storage_service.c at the commit PROTOCOL.md cites: the
 * sender sends whole lines only (the buffer is cut after its last LF); the receiver rejects an empty
 * body with EINVAL and appends the bytes to its trunk binlog as they are. The line format itself
 * ({@code <timestamp> <A|D> <store_path> <sub_high> <sub_low> <file_id> <offset> <size>}, from
 * trunk_sync.c {@code trunk_binlog_pack}) is not modelled here. No capture covers this command.
 *
 * @param lines one or more trunk binlog lines, normally each ending in LF; not empty
 */
public record TrunkSyncBinlogRequest(String lines) implements Request {

    public TrunkSyncBinlogRequest {
        FileFields.requireLatin1(lines, "trunk binlog lines");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("trunk binlog lines are empty");
        }
    }

    @Override
    public Command command() {
        return Command.TRUNK_SYNC_BINLOG;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return lines.length();
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putString(out, lines);
    }

    public static TrunkSyncBinlogRequest decode(ByteBuffer body) {
        if (!body.hasRemaining()) {
            throw ProtocolException.invalid("TRUNK_SYNC_BINLOG: the body is empty");
        }
        return new TrunkSyncBinlogRequest(Wire.getRest(body));
    }
}
