package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * Reply to SERVER_LIST_ALL_GROUPS (91), PROTOCOL.md §2.5: one {@link GroupStat} per group, sorted by
 * group name, with no count and no separator (113 bytes each, 105 classic). Empty when there is no group.
 *
 * @param groups the group stats in wire order
 */
public record GroupStatList(List<GroupStat> groups) implements WireMessage {

    public GroupStatList {
        groups = Fields.checkList(groups, "groups");
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return groups.size() * GroupStat.size(profile);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        for (GroupStat g : groups) {
            g.encode(out, profile);
        }
    }

    public static GroupStatList decode(ByteBuffer body, WireProfile profile) {
        int count = Wire.requireMultiple(body, GroupStat.size(profile), "list all groups reply (" + profile + ")");
        List<GroupStat> groups = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            groups.add(GroupStat.read(body, profile));
        }
        return new GroupStatList(groups);
    }
}
