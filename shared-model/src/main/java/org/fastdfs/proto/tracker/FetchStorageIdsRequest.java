package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_FETCH_STORAGE_IDS (69), PROTOCOL.md §2.9 and §10.15: start_index (4) + allow_empty (1).
 * Clients before 6.11 send only the 4-byte start_index ({@code legacy}); both forms decode, although
 * the 6.16 tracker demands 5 bytes. The reply is a {@link StorageIdsResponse}.
 *
 * @param startIndex first entry wanted (0-based, not negative)
 * @param allowEmpty with use_storage_id off, answer 8 zero bytes instead of EOPNOTSUPP (any non-zero
 *                   byte reads as true)
 * @param legacy     the 4-byte form without allow_empty (then allowEmpty is false)
 */
public record FetchStorageIdsRequest(int startIndex, boolean allowEmpty, boolean legacy) implements Request {

    public FetchStorageIdsRequest {
        if (startIndex < 0) {
            throw new IllegalArgumentException("start index " + startIndex + " is negative");
        }
        if (legacy && allowEmpty) {
            throw new IllegalArgumentException("the legacy 4-byte form has no allow_empty byte");
        }
    }

    /** The 5-byte form of 6.11+. */
    public FetchStorageIdsRequest(int startIndex, boolean allowEmpty) {
        this(startIndex, allowEmpty, false);
    }

    /** The 4-byte form of clients before 6.11. */
    public static FetchStorageIdsRequest legacy(int startIndex) {
        return new FetchStorageIdsRequest(startIndex, false, true);
    }

    @Override
    public Command command() {
        return Command.STORAGE_FETCH_STORAGE_IDS;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return legacy ? 4 : 5;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.putInt(startIndex);
        if (!legacy) {
            Fields.putFlag(out, allowEmpty);
        }
    }

    public static FetchStorageIdsRequest decode(ByteBuffer body) {
        int length = body.remaining();
        if (length != 4 && length != 5) {
            throw ProtocolException.invalid("fetch storage ids: body is " + length
                    + " bytes, expected start_index (4) and optionally allow_empty (1)");
        }
        int start = body.getInt();
        if (start < 0) {
            throw ProtocolException.invalid("fetch storage ids: start index " + start + " is negative");
        }
        return length == 4 ? legacy(start) : new FetchStorageIdsRequest(start, body.get() != 0);
    }
}
