package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.storage.FileFields;

/**
 * FETCH_ONE_PATH_BINLOG (26), the disk-recovery helper, PROTOCOL.md §5.7: group (16) +
 * store_path_index (1, signed; negative gives EINVAL): exactly 17 bytes. The reply is not an ordinary
 * frame: see {@link BinlogStream}.
 *
 * @param group          the requester's group
 * @param storePathIndex the store path whose binlog records are wanted, 0..127
 */
public record FetchOnePathBinlogRequest(String group, int storePathIndex) implements Request {

    /** Body size. */
    public static final int SIZE = Wire.GROUP_NAME_SIZE + 1;

    public FetchOnePathBinlogRequest {
        FileFields.requireGroup(group);
        if (storePathIndex < 0 || storePathIndex > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("store path index out of range: " + storePathIndex);
        }
    }

    @Override
    public Command command() {
        return Command.FETCH_ONE_PATH_BINLOG;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
        out.put((byte) storePathIndex);
    }

    public static FetchOnePathBinlogRequest decode(ByteBuffer body) {
        Wire.requireLength(body, SIZE, "FETCH_ONE_PATH_BINLOG");
        String group = Wire.getFixed(body, Wire.GROUP_NAME_SIZE);
        int index = body.get();
        if (index < 0) {
            throw ProtocolException.invalid("FETCH_ONE_PATH_BINLOG: store path index " + index + " is negative");
        }
        return new FetchOnePathBinlogRequest(group, index);
    }
}
