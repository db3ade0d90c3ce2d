package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * SERVER_STORAGE_CLUSTER_STAT (97, 6.15.5+), PROTOCOL.md §2.8: 4 bytes {filter_by, op_type, status,
 * is_trunk_server}. filter_by bit 1 keeps storages whose is_trunk_server matches (only with trunk
 * files on), bit 2 those whose status is ('=') or is not ('!') {@code status}; with any other op_type
 * the status filter matches nothing. The reply is a {@link StorageClusterStat}.
 *
 * @param filterBy    {@link #FILTER_BY_IS_TRUNK_SERVER} | {@link #FILTER_BY_STATUS}, or 0 for all
 * @param opType      {@link #OP_EQUAL} or {@link #OP_NOT_EQUAL} (any byte when not filtering by status)
 * @param status      the storage status to compare with (§4.11)
 * @param trunkServer the is_trunk_server value to match
 */
public record StorageClusterStatRequest(int filterBy, int opType, int status, boolean trunkServer)
        implements Request {

    public static final int FILTER_BY_IS_TRUNK_SERVER = 1;
    public static final int FILTER_BY_STATUS = 2;
    public static final int OP_EQUAL = '=';
    public static final int OP_NOT_EQUAL = '!';
    public static final int SIZE = 4;

    public StorageClusterStatRequest {
        Fields.checkByte(filterBy, "filter_by");
        Fields.checkByte(opType, "op_type");
        Fields.checkByte(status, "status");
    }

    /** Every storage of every group. */
    public static StorageClusterStatRequest all() {
        return new StorageClusterStatRequest(0, 0, 0, false);
    }

    @Override
    public Command command() {
        return Command.SERVER_STORAGE_CLUSTER_STAT;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.put((byte) filterBy).put((byte) opType).put((byte) status);
        Fields.putFlag(out, trunkServer);
    }

    public static StorageClusterStatRequest decode(ByteBuffer body) {
        Wire.requireLength(body, SIZE, "storage cluster stat");
        int filterBy = body.get() & 0xFF;
        int opType = body.get() & 0xFF;
        int status = body.get() & 0xFF;
        return new StorageClusterStatRequest(filterBy, opType, status, Fields.readFlag(body, "is_trunk_server"));
    }
}
