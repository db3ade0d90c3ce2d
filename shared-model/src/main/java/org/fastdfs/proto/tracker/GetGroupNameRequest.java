package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_GET_GROUP_NAME (109, use_storage_id only), PROTOCOL.md §2.9: either port (4) alone, meaning
 * the requester's IP, or the IP text (1..45 bytes, no NUL) followed by port (4). An IP of 46 bytes or
 * more is refused with ENAMETOOLONG. The reply is a {@link GroupNameResponse}.
 *
 * @param ip   the storage's IP; empty for the requester's own address
 * @param port the storage's port (4-byte field, read as a signed int by FastDFS)
 */
public record GetGroupNameRequest(String ip, int port) implements Request {

    public GetGroupNameRequest {
        Fields.checkText(ip, "IP address", 0, Fields.MAX_IP_LENGTH);
    }

    @Override
    public Command command() {
        return Command.STORAGE_GET_GROUP_NAME;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return ip.length() + 4;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putString(out, ip);
        out.putInt(port);
    }

    public static GetGroupNameRequest decode(ByteBuffer body) {
        int ipLength = body.remaining() - 4;
        if (ipLength < 0) {
            throw ProtocolException.invalid("get group name: body is " + body.remaining()
                    + " bytes, expected [ip] + port (4)");
        }
        if (ipLength > Fields.MAX_IP_LENGTH) {
            throw new ProtocolException(Status.ENAMETOOLONG, "get group name: IP address of " + ipLength
                    + " bytes is longer than " + Fields.MAX_IP_LENGTH);
        }
        String ip = Wire.getString(body, ipLength);
        if (ip.indexOf('\0') >= 0) {
            throw ProtocolException.invalid("get group name: IP address '" + ip.replace('\0', '.') + "' contains a NUL byte");
        }
        return new GetGroupNameRequest(ip, body.getInt());
    }
}
