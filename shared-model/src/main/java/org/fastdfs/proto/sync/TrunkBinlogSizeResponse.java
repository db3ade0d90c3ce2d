package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.storage.FileFields;

/**
 * The TRUNK_GET_BINLOG_SIZE (31) reply: the size of the storage's trunk binlog file, 8 bytes big-endian
 * (storage_service.c {@code storage_server_trunk_get_binlog_size}; PROTOCOL.md §5.8 names the command
 * only; no capture covers it). The tracker uses it to pick the storage with the most complete trunk
 * binlog.
 *
 * @param size trunk binlog size in bytes
 */
public record TrunkBinlogSizeResponse(long size) implements WireMessage {

    public TrunkBinlogSizeResponse {
        FileFields.requireNonNegative(size, "trunk binlog size");
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return Wire.LONG_SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.putLong(size);
    }

    public static TrunkBinlogSizeResponse decode(ByteBuffer body) {
        Wire.requireLength(body, Wire.LONG_SIZE, "TRUNK_GET_BINLOG_SIZE reply");
        return new TrunkBinlogSizeResponse(FileFields.checkNonNegative(body.getLong(), "trunk binlog size"));
    }
}
