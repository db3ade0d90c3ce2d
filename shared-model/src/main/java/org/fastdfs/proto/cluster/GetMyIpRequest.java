package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_GET_MY_IP (60) request, PROTOCOL.md §4.2: group_name (17, NUL-padded) + storage port (4): 21 bytes.
 * The tracker does not validate the group name here; it only uses it to look up storage_ids.conf.
 */
public record GetMyIpRequest(String groupName, int port) implements Request {

    public static final int SIZE = Wire.GROUP_NAME_STRUCT_SIZE + 4;

    public GetMyIpRequest {
        ClusterFields.fits(groupName, Wire.GROUP_NAME_SIZE, "group name");
    }

    @Override
    public Command command() {
        return Command.STORAGE_GET_MY_IP;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, groupName, Wire.GROUP_NAME_STRUCT_SIZE);
        out.putInt(port);
    }

    public static GetMyIpRequest decode(ByteBuffer body) {
        Wire.requireLength(body, SIZE, "GET_MY_IP");
        // the tracker reads 16 bytes of the 17-byte field
        String group = Wire.getFixed(body, Wire.GROUP_NAME_STRUCT_SIZE);
        if (group.length() > Wire.GROUP_NAME_SIZE) {
            group = group.substring(0, Wire.GROUP_NAME_SIZE);
        }
        return new GetMyIpRequest(group, body.getInt());
    }
}
