package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * Reply to STORAGE_GET_SERVER_ID (70), PROTOCOL.md §2.9: the storage id as text, 1..15 bytes, no NUL
 * (from storage_ids.conf, else the IP, or a short code for IPv6).
 *
 * @param storageId the storage's id
 */
public record ServerIdResponse(String storageId) implements WireMessage {

    public ServerIdResponse {
        Fields.checkText(storageId, "storage id", 1, Fields.MAX_STORAGE_ID_LENGTH);
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return storageId.length();
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putString(out, storageId);
    }

    public static ServerIdResponse decode(ByteBuffer body) {
        if (body.remaining() < 1 || body.remaining() > Fields.MAX_STORAGE_ID_LENGTH) {
            throw ProtocolException.invalid("get server id reply: body is " + body.remaining()
                    + " bytes, expected a storage id of 1..15 bytes");
        }
        return new ServerIdResponse(Fields.readText(body, "storage id"));
    }
}
