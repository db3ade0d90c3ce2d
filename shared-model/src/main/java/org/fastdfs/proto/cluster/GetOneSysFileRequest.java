package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import java.util.List;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * TRACKER_GET_ONE_SYS_FILE (63) request, PROTOCOL.md §4.12: file index (1) + offset (8), 9 bytes. The index
 * names one of {@link #FILES}; the offset must not be negative. Reply: a {@link SysFileChunk}.
 */
public record GetOneSysFileRequest(int index, long offset) implements Request {

    /** The system files by index ({@code g_tracker_sys_filenames}), relative to the tracker's base path. */
    public static final List<String> FILES = List.of(
            "data/storage_groups_new.dat",
            "data/storage_servers_new.dat",
            "data/storage_sync_timestamp.dat",
            "data/storage_changelog.dat");
    public static final int SIZE = 1 + Wire.LONG_SIZE;

    public GetOneSysFileRequest {
        ClusterFields.range(index, 0, FILES.size() - 1, "system file index");
        ClusterFields.range(offset, 0, Long.MAX_VALUE, "offset");
    }

    /** The file this request reads. */
    public String file() {
        return FILES.get(index);
    }

    @Override
    public Command command() {
        return Command.TRACKER_GET_ONE_SYS_FILE;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.put((byte) index).putLong(offset);
    }

    public static GetOneSysFileRequest decode(ByteBuffer body) {
        Wire.requireLength(body, SIZE, "GET_ONE_SYS_FILE");
        int index = body.get();
        long offset = body.getLong();
        if (index < 0 || index >= FILES.size()) {
            throw ProtocolException.invalid("GET_ONE_SYS_FILE index " + index + " is outside 0.." + (FILES.size() - 1));
        }
        if (offset < 0) {
            throw ProtocolException.invalid("GET_ONE_SYS_FILE offset " + offset + " is negative");
        }
        return new GetOneSysFileRequest(index, offset);
    }
}
