package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.stat.StorageBrief;

/**
 * The tracker's "change" reply to BEAT (83), REPORT_DISK_USAGE (84) and SYNC_REPORT (89), PROTOCOL.md §4.5:
 * one flag byte, then the leader brief (flag 0x01), the trunk-server brief (0x02) and one brief per storage
 * of the group (0x04), in that order. A brief is 67 bytes (current) or 37 (classic).
 *
 * @param flags          the flag byte (unknown bits are kept as they are)
 * @param leader         the leader tracker (id = IP, empty IP = no leader); present iff flag 0x01
 * @param trunkServer    the group's trunk server (zeroed if none); present iff flag 0x02
 * @param groupStorages  every storage of the group sorted by id; empty unless flag 0x04
 */
public record ChangeResponse(int flags, StorageBrief leader, StorageBrief trunkServer,
                             List<StorageBrief> groupStorages) implements WireMessage {

    public static final int FLAG_TRACKER_LEADER = 0x01;
    public static final int FLAG_TRUNK_SERVER = 0x02;
    public static final int FLAG_GROUP_SERVER = 0x04;
    /** {@code FDFS_MAX_SERVERS_EACH_GROUP}: the storage's receive buffer holds 2 + 32 briefs. */
    public static final int MAX_GROUP_STORAGES = 32;

    /** "Nothing changed": the single byte 0 every non-leader tracker sends. */
    public static final ChangeResponse NONE = new ChangeResponse(0, null, null, List.of());

    public ChangeResponse {
        ClusterFields.range(flags, 0, 255, "flags");
        groupStorages = List.copyOf(groupStorages == null ? List.of() : groupStorages);
        if ((leader != null) != has(flags, FLAG_TRACKER_LEADER)) {
            throw new IllegalArgumentException("a leader brief goes with flag 0x01 and only with it");
        }
        if ((trunkServer != null) != has(flags, FLAG_TRUNK_SERVER)) {
            throw new IllegalArgumentException("a trunk-server brief goes with flag 0x02 and only with it");
        }
        if (!groupStorages.isEmpty() && !has(flags, FLAG_GROUP_SERVER)) {
            throw new IllegalArgumentException("group storages go with flag 0x04");
        }
        if (groupStorages.size() > MAX_GROUP_STORAGES) {
            throw new IllegalArgumentException(groupStorages.size() + " group storages, at most " + MAX_GROUP_STORAGES);
        }
    }

    /** Builds the reply from its parts, setting the flag of each part that is present ({@code group} may be null). */
    public static ChangeResponse of(StorageBrief leader, StorageBrief trunkServer, List<StorageBrief> group) {
        int flags = (leader != null ? FLAG_TRACKER_LEADER : 0) | (trunkServer != null ? FLAG_TRUNK_SERVER : 0)
                | (group != null ? FLAG_GROUP_SERVER : 0);
        return new ChangeResponse(flags, leader, trunkServer, group);
    }

    public boolean leaderChanged() {
        return has(flags, FLAG_TRACKER_LEADER);
    }

    public boolean trunkServerChanged() {
        return has(flags, FLAG_TRUNK_SERVER);
    }

    public boolean groupChanged() {
        return has(flags, FLAG_GROUP_SERVER);
    }

    private static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }

    private int briefCount() {
        return (leader != null ? 1 : 0) + (trunkServer != null ? 1 : 0) + groupStorages.size();
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return 1 + briefCount() * StorageBrief.size(profile);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.put((byte) flags);
        if (leader != null) {
            leader.encode(out, profile);
        }
        if (trunkServer != null) {
            trunkServer.encode(out, profile);
        }
        for (StorageBrief b : groupStorages) {
            b.encode(out, profile);
        }
    }

    /**
     * Decodes the reply the way the C storage does ({@code tracker_check_response}). An empty body, which the
     * storage also accepts, decodes as {@link #NONE} (and re-encodes as the single byte 0). Briefs beyond the
     * flagged parts are rejected.
     */
    public static ChangeResponse decode(ByteBuffer body, WireProfile profile) {
        if (body.remaining() == 0) {
            return NONE;
        }
        int size = StorageBrief.size(profile);
        int length = body.remaining();
        if ((length - 1) % size != 0) {
            throw ProtocolException.invalid("change reply of " + length + " bytes is not 1 + N × " + size);
        }
        int count = (length - 1) / size;
        if (count > 2 + MAX_GROUP_STORAGES) {
            throw ProtocolException.invalid("change reply holds " + count + " briefs, at most " + (2 + MAX_GROUP_STORAGES));
        }
        int flags = body.get() & 0xFF;
        StorageBrief leader = null;
        StorageBrief trunk = null;
        if (has(flags, FLAG_TRACKER_LEADER)) {
            requireBrief(count--, "leader");
            leader = StorageBrief.decode(body, profile);
        }
        if (has(flags, FLAG_TRUNK_SERVER)) {
            requireBrief(count--, "trunk server");
            trunk = StorageBrief.decode(body, profile);
        }
        List<StorageBrief> group = new ArrayList<>(count);
        if (has(flags, FLAG_GROUP_SERVER)) {
            if (count > MAX_GROUP_STORAGES) {
                throw ProtocolException.invalid("change reply lists " + count + " group storages, at most "
                        + MAX_GROUP_STORAGES);
            }
            for (int i = 0; i < count; i++) {
                group.add(StorageBrief.decode(body, profile));
            }
        } else if (count > 0) {
            throw ProtocolException.invalid("change reply with flags 0x" + Integer.toHexString(flags) + " carries "
                    + count + " unflagged briefs");
        }
        return new ChangeResponse(flags, leader, trunk, group);
    }

    private static void requireBrief(int remaining, String what) {
        if (remaining < 1) {
            throw ProtocolException.invalid("change reply flags a " + what + " brief but carries none");
        }
    }
}
