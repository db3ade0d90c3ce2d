package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_GET_STATUS (71) and STORAGE_GET_SERVER_ID (70), PROTOCOL.md §2.9: group_name (16) + the
 * storage address as text. 71 is answered with the storage's {@link org.fastdfs.proto.stat.StorageBrief}
 * (67 bytes, 37 classic), 70 with a {@link ServerIdResponse}; ENOENT for an unknown storage.
 * Current clients send {@code ip:port} ({@code [ip]:port} for IPv6); classic ones (&lt;= 6.10) sent a
 * bare IP or nothing, meaning the requester's own address. All three forms decode; the text is at
 * most 52 bytes.
 *
 * @param command STORAGE_GET_STATUS or STORAGE_GET_SERVER_ID
 * @param group   the storage's group
 * @param storage its address; {@link ServerAddress#NONE} for "the requester", port 0 for a bare IP
 */
public record StorageLookupRequest(Command command, String group, ServerAddress storage) implements Request {

    public StorageLookupRequest {
        if (command != Command.STORAGE_GET_STATUS && command != Command.STORAGE_GET_SERVER_ID) {
            throw new IllegalArgumentException(command + " is not a storage lookup");
        }
        Fields.checkGroup(group);
        Objects.requireNonNull(storage, "storage");
        if (storage.format().length() > Fields.MAX_IP_PORT_LENGTH) {
            throw new IllegalArgumentException("address '" + storage.format() + "' is longer than 52 bytes");
        }
    }

    /** STORAGE_GET_STATUS (71). */
    public static StorageLookupRequest status(String group, ServerAddress storage) {
        return new StorageLookupRequest(Command.STORAGE_GET_STATUS, group, storage);
    }

    /** STORAGE_GET_SERVER_ID (70). */
    public static StorageLookupRequest serverId(String group, ServerAddress storage) {
        return new StorageLookupRequest(Command.STORAGE_GET_SERVER_ID, group, storage);
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

    public static StorageLookupRequest decode(Command command, ByteBuffer body) {
        if (body.remaining() < Wire.GROUP_NAME_SIZE || body.remaining() > Wire.GROUP_NAME_SIZE + Fields.MAX_IP_PORT_LENGTH) {
            throw ProtocolException.invalid(command + ": body is " + body.remaining()
                    + " bytes, expected group (16) + an address of at most 52 bytes");
        }
        String group = Fields.readGroup(body);
        return new StorageLookupRequest(command, group,
                ServerAddress.parse(Fields.readText(body, "storage address"), false, "storage address"));
    }
}
