package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * TRACKER_GET_STATUS (64) reply, PROTOCOL.md §4.12: if_leader (1) + running_time (8) + restart_interval (8),
 * 17 bytes, in that order (the C header comment lists another order; the code writes this one).
 *
 * @param leader          whether the answering tracker is the leader
 * @param runningTime     seconds since the tracker started
 * @param restartInterval seconds the tracker was down before its last start
 */
public record TrackerStatusReply(boolean leader, long runningTime, long restartInterval) implements WireMessage {

    public static final int SIZE = 1 + 2 * Wire.LONG_SIZE;

    @Override
    public int encodedLength(WireProfile profile) {
        return SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.put((byte) (leader ? 1 : 0)).putLong(runningTime).putLong(restartInterval);
    }

    public static TrackerStatusReply decode(ByteBuffer body) {
        Wire.requireLength(body, SIZE, "GET_STATUS reply");
        return new TrackerStatusReply(body.get() != 0, body.getLong(), body.getLong());
    }
}
