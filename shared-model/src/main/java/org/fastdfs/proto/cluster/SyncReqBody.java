package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * TrackerStorageSyncReqBody, PROTOCOL.md §4.4: src_id (16) + until_timestamp (8), 24 bytes. The body of
 * SYNC_NOTIFY (88) and the non-empty reply of SYNC_DEST_REQ (87), SYNC_DEST_QUERY (79) and SYNC_SRC_REQ (86).
 *
 * @param srcId          the storage the initial data is copied from ("" = no source)
 * @param untilTimestamp copy files older than this unix time
 */
public record SyncReqBody(String srcId, long untilTimestamp) implements WireMessage {

    public static final int SIZE = Wire.STORAGE_ID_SIZE + Wire.LONG_SIZE;

    public SyncReqBody {
        ClusterFields.fits(srcId, Wire.STORAGE_ID_SIZE, "source id");
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, srcId, Wire.STORAGE_ID_SIZE);
        out.putLong(untilTimestamp);
    }

    public static SyncReqBody decode(ByteBuffer body) {
        Wire.requireLength(body, SIZE, "sync body");
        return new SyncReqBody(Wire.getFixed(body, Wire.STORAGE_ID_SIZE), body.getLong());
    }
}
