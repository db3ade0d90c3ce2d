package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.storage.FileFields;

/**
 * REPORT_SERVER_ID (9), the first request on a sync connection, PROTOCOL.md §5.1: the sender's server
 * id (16 bytes, NUL-padded). Reply: empty. The receiver ends the id at byte 15 (FDFS_STORAGE_ID_MAX_SIZE
 * counts the NUL), so an id has 1..15 characters; an empty id gives EINVAL.
 *
 * @param serverId the sender's id (its IP when storage ids are not used)
 */
public record ReportServerIdRequest(String serverId) implements Request {

    /** Longest id: the 16-byte field minus its terminating NUL. */
    public static final int MAX_ID_LENGTH = Wire.STORAGE_ID_SIZE - 1;

    public ReportServerIdRequest {
        FileFields.requireFixed(serverId, MAX_ID_LENGTH, "server id");
        if (serverId.isEmpty()) {
            throw new IllegalArgumentException("server id is empty");
        }
    }

    @Override
    public Command command() {
        return Command.REPORT_SERVER_ID;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return Wire.STORAGE_ID_SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, serverId, Wire.STORAGE_ID_SIZE);
    }

    public static ReportServerIdRequest decode(ByteBuffer body) {
        Wire.requireLength(body, Wire.STORAGE_ID_SIZE, "REPORT_SERVER_ID");
        String id = Wire.getFixed(body, Wire.STORAGE_ID_SIZE);
        if (id.length() > MAX_ID_LENGTH) {
            id = id.substring(0, MAX_ID_LENGTH);
        }
        if (id.isEmpty()) {
            throw ProtocolException.invalid("REPORT_SERVER_ID: the server id is empty");
        }
        return new ReportServerIdRequest(id);
    }
}
