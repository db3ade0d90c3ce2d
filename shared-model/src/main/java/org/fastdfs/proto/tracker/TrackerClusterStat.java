package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * Reply to SERVER_TRACKER_CLUSTER_STAT (96), PROTOCOL.md §2.8: count (1 byte, unsigned), then
 * count x 90-byte records: host "ip:port" (52, NUL-padded), is_leader (1), is_active (1),
 * connection alloc/current/max (4 each), version (8), up_time (8), last_heartbeat_time (8).
 * The command exists only since 6.15.5, so the layout does not depend on the profile.
 *
 * @param trackers the trackers that passed the filter, at most 255
 */
public record TrackerClusterStat(List<TrackerClusterStat.Tracker> trackers) implements WireMessage {

    /**
     * One tracker of the cluster.
     *
     * @param host              "ip:port" text
     * @param leader            is_leader
     * @param active            is_active (heard from within 3 s, or the leader itself)
     * @param allocCount        connection.alloc_count
     * @param currentCount      connection.current_count
     * @param maxCount          connection.max_count
     * @param version           tracker version, e.g. "6.16.1"
     * @param upTime            unix seconds
     * @param lastHeartbeatTime unix seconds
     */
    public record Tracker(String host, boolean leader, boolean active, int allocCount, int currentCount,
                          int maxCount, String version, long upTime, long lastHeartbeatTime) {

        public static final int SIZE = Fields.MAX_IP_PORT_LENGTH + 1 + 1 + 3 * 4 + Fields.MONITOR_VERSION_SIZE + 8 + 8;

        public Tracker {
            Fields.checkText(host, "host", 0, Fields.MAX_IP_PORT_LENGTH);
            Fields.checkText(version, "version", 0, Fields.MONITOR_VERSION_SIZE);
        }

        void encode(ByteBuffer out) {
            Wire.putFixed(out, host, Fields.MAX_IP_PORT_LENGTH);
            Fields.putFlag(out, leader);
            Fields.putFlag(out, active);
            out.putInt(allocCount).putInt(currentCount).putInt(maxCount);
            Wire.putFixed(out, version, Fields.MONITOR_VERSION_SIZE);
            out.putLong(upTime).putLong(lastHeartbeatTime);
        }

        static Tracker read(ByteBuffer in) {
            String host = Wire.getFixed(in, Fields.MAX_IP_PORT_LENGTH);
            boolean leader = Fields.readFlag(in, "is_leader");
            boolean active = Fields.readFlag(in, "is_active");
            int alloc = Wire.getInt(in, "alloc_count");
            int current = Wire.getInt(in, "current_count");
            int max = Wire.getInt(in, "max_count");
            String version = Wire.getFixed(in, Fields.MONITOR_VERSION_SIZE);
            long upTime = Wire.getLong(in, "up_time");
            return new Tracker(host, leader, active, alloc, current, max, version, upTime,
                    Wire.getLong(in, "last_heartbeat_time"));
        }
    }

    public TrackerClusterStat {
        trackers = Fields.checkList(trackers, "trackers");
        if (trackers.size() > 0xFF) {
            throw new IllegalArgumentException("the count byte holds at most 255 trackers, not " + trackers.size());
        }
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return 1 + trackers.size() * Tracker.SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.put((byte) trackers.size());
        for (Tracker t : trackers) {
            t.encode(out);
        }
    }

    public static TrackerClusterStat decode(ByteBuffer body) {
        int count = Wire.getByte(body, "tracker count") & 0xFF;
        if (body.remaining() != count * Tracker.SIZE) {
            throw ProtocolException.invalid("tracker cluster stat reply: " + count + " trackers need "
                    + count * Tracker.SIZE + " bytes after the count, got " + body.remaining());
        }
        List<Tracker> trackers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            trackers.add(Tracker.read(body));
        }
        return new TrackerClusterStat(trackers);
    }
}
