package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * TRACKER_PING_LEADER (65) reply, PROTOCOL.md §4.12: empty, or, when trunk servers changed, one record per
 * group (in the leader's sorted order): group (16) + trunk server id (16, empty if the group has none).
 */
public record PingLeaderReply(List<TrunkServer> trunkServers) implements WireMessage {

    /** A group and its trunk server id ("" = none). */
    public record TrunkServer(String groupName, String storageId) {
        public TrunkServer {
            ClusterFields.fits(groupName, Wire.GROUP_NAME_SIZE, "group name");
            ClusterFields.fits(storageId, Wire.STORAGE_ID_SIZE, "trunk server id");
        }
    }

    public static final int RECORD_SIZE = Wire.GROUP_NAME_SIZE + Wire.STORAGE_ID_SIZE;
    /** {@code FDFS_MAX_GROUPS}: the follower's receive buffer holds this many records. */
    public static final int MAX_GROUPS = 512;
    /** Nothing changed: the empty reply. */
    public static final PingLeaderReply NONE = new PingLeaderReply(List.of());

    public PingLeaderReply {
        trunkServers = List.copyOf(trunkServers);
        ClusterFields.range(trunkServers.size(), 0, MAX_GROUPS, "group count");
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return RECORD_SIZE * trunkServers.size();
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        for (TrunkServer t : trunkServers) {
            Wire.putFixed(out, t.groupName(), Wire.GROUP_NAME_SIZE);
            Wire.putFixed(out, t.storageId(), Wire.STORAGE_ID_SIZE);
        }
    }

    public static PingLeaderReply decode(ByteBuffer body) {
        int n = Wire.requireMultiple(body, RECORD_SIZE, "PING_LEADER reply");
        if (n > MAX_GROUPS) {
            throw ProtocolException.invalid("PING_LEADER reply lists " + n + " groups, at most " + MAX_GROUPS);
        }
        List<TrunkServer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new TrunkServer(Wire.getFixed(body, Wire.GROUP_NAME_SIZE), Wire.getFixed(body, Wire.STORAGE_ID_SIZE)));
        }
        return new PingLeaderReply(list);
    }
}
