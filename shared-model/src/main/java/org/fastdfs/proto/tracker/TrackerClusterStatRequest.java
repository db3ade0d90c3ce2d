package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * SERVER_TRACKER_CLUSTER_STAT (96, 6.15.5+, leader only), PROTOCOL.md §2.8: 3 bytes {filter_by,
 * is_active, is_leader}. filter_by bit 1 keeps trackers whose is_active matches, bit 2 those whose
 * is_leader matches. The reply is a {@link TrackerClusterStat}.
 *
 * @param filterBy {@link #FILTER_BY_IS_ACTIVE} | {@link #FILTER_BY_IS_LEADER}, or 0 for all
 * @param active   the is_active value to match
 * @param leader   the is_leader value to match
 */
public record TrackerClusterStatRequest(int filterBy, boolean active, boolean leader) implements Request {

    public static final int FILTER_BY_IS_ACTIVE = 1;
    public static final int FILTER_BY_IS_LEADER = 2;
    public static final int SIZE = 3;

    public TrackerClusterStatRequest {
        Fields.checkByte(filterBy, "filter_by");
    }

    /** Every tracker. */
    public static TrackerClusterStatRequest all() {
        return new TrackerClusterStatRequest(0, false, false);
    }

    @Override
    public Command command() {
        return Command.SERVER_TRACKER_CLUSTER_STAT;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.put((byte) filterBy);
        Fields.putFlag(out, active);
        Fields.putFlag(out, leader);
    }

    public static TrackerClusterStatRequest decode(ByteBuffer body) {
        Wire.requireLength(body, SIZE, "tracker cluster stat");
        int filterBy = body.get() & 0xFF;
        boolean active = Fields.readFlag(body, "is_active");
        return new TrackerClusterStatRequest(filterBy, active, Fields.readFlag(body, "is_leader"));
    }
}
