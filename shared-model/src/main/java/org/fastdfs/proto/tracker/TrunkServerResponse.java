package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * Reply to SERVER_SET_TRUNK_SERVER (94), PROTOCOL.md §2.7: the chosen trunk server's id followed by
 * one NUL byte (strlen + 1 bytes, 2..16).
 *
 * @param storageId id of the trunk server now in charge
 */
public record TrunkServerResponse(String storageId) implements WireMessage {

    public TrunkServerResponse {
        Fields.checkText(storageId, "storage id", 1, Fields.MAX_STORAGE_ID_LENGTH);
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return storageId.length() + 1;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putString(out, storageId);
        out.put((byte) 0);
    }

    public static TrunkServerResponse decode(ByteBuffer body) {
        int length = body.remaining();
        if (length < 2 || length > Fields.MAX_STORAGE_ID_LENGTH + 1) {
            throw ProtocolException.invalid("set trunk server reply: body is " + length
                    + " bytes, expected a storage id of 1..15 bytes and a NUL");
        }
        String id = Wire.getString(body, length - 1);
        if (Wire.getByte(body, "terminator") != 0) {
            throw ProtocolException.invalid("set trunk server reply: the storage id is not NUL-terminated");
        }
        if (id.indexOf('\0') >= 0) {
            throw ProtocolException.invalid("set trunk server reply: the storage id holds a NUL byte");
        }
        return new TrunkServerResponse(id);
    }
}
