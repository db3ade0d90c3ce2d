package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_GET_SERVER_ID (70), PROTOCOL.md §2.9: group_name (16) + the storage address as text. The
 * reply is a {@link ServerIdResponse}.
 * Current clients send {@code ip:port} ({@code [ip]:port} for IPv6); classic ones (&lt;= 6.10) sent a
 * bare IP or nothing, meaning the requester's own address. All three forms decode; the text is at
 * most 52 bytes.
 *
 * @param group   the storage's group
 * @param storage its address; {@link ServerAddress#NONE} for "the requester", port 0 for a bare IP
 */
public record GetServerIdRequest(String group, ServerAddress storage) implements Request {

    public GetServerIdRequest {
        Fields.checkGroup(group);
        Objects.requireNonNull(storage, "storage");
        if (storage.format().length() > Fields.MAX_IP_PORT_LENGTH) {
            throw new IllegalArgumentException("address '" + storage.format() + "' is longer than 52 bytes");
        }
    }

    @Override
    public Command command() {
        return Command.STORAGE_GET_SERVER_ID;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return Wire.GROUP_NAME_SIZE + storage.format().length();
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
        Wire.putString(out, storage.format());
    }

    public static GetServerIdRequest decode(ByteBuffer body) {
        if (body.remaining() < Wire.GROUP_NAME_SIZE || body.remaining() > Wire.GROUP_NAME_SIZE + Fields.MAX_IP_PORT_LENGTH) {
            throw ProtocolException.invalid("get server id: body is " + body.remaining()
                    + " bytes, expected group (16) + an address of at most 52 bytes");
        }
        String group = Fields.readGroup(body);
        return new GetServerIdRequest(group, ServerAddress.parse(Fields.readText(body, "storage address"), false, "storage address"));
    }
}
