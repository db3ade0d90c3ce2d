package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_SYNC_REPORT (89) request, PROTOCOL.md §4.7: one record per peer, peer storage id (16) + timestamp
 * (4); the body is a non-zero multiple of 20 bytes. The reply is a {@link ChangeResponse}.
 */
public record SyncReportRequest(List<SyncTimestamp> peers) implements Request {

    /**
     * @param storageId the peer (source) storage id
     * @param timestamp source-side unix time of the newest binlog record received from that peer
     */
    public record SyncTimestamp(String storageId, int timestamp) {
        public SyncTimestamp {
            ClusterFields.fits(storageId, Wire.STORAGE_ID_SIZE, "storage id");
        }
    }

    public static final int RECORD_SIZE = Wire.STORAGE_ID_SIZE + 4;

    public SyncReportRequest {
        peers = List.copyOf(peers);
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("a sync report lists at least one peer");
        }
    }

    @Override
    public Command command() {
        return Command.STORAGE_SYNC_REPORT;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return RECORD_SIZE * peers.size();
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        for (SyncTimestamp p : peers) {
            Wire.putFixed(out, p.storageId(), Wire.STORAGE_ID_SIZE);
            out.putInt(p.timestamp());
        }
    }

    public static SyncReportRequest decode(ByteBuffer body) {
        if (body.remaining() == 0) {
            throw ProtocolException.invalid("sync report is empty");
        }
        int n = Wire.requireMultiple(body, RECORD_SIZE, "sync report");
        List<SyncTimestamp> peers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            peers.add(new SyncTimestamp(Wire.getFixed(body, Wire.STORAGE_ID_SIZE), body.getInt()));
        }
        return new SyncReportRequest(peers);
    }
}
