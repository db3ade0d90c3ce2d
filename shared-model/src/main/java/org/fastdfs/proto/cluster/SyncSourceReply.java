package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * Reply of SYNC_DEST_REQ (87), SYNC_DEST_QUERY (79) and SYNC_SRC_REQ (86), PROTOCOL.md §4.4: empty
 * ("nothing to copy" / no recorded source) or the 24-byte {@link SyncReqBody}.
 *
 * @param source the recorded source and until-timestamp, or {@code null} for the empty reply
 */
public record SyncSourceReply(SyncReqBody source) implements WireMessage {

    /** The empty reply. */
    public static final SyncSourceReply NONE = new SyncSourceReply(null);

    public static SyncSourceReply of(String srcId, long untilTimestamp) {
        return new SyncSourceReply(new SyncReqBody(srcId, untilTimestamp));
    }

    public boolean hasSource() {
        return source != null;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return source == null ? 0 : SyncReqBody.SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        if (source != null) {
            source.encode(out, profile);
        }
    }

    public static SyncSourceReply decode(ByteBuffer body) {
        if (body.remaining() == 0) {
            return NONE;
        }
        if (body.remaining() != SyncReqBody.SIZE) {
            throw ProtocolException.invalid("sync source reply is " + body.remaining() + " bytes, expected 0 or "
                    + SyncReqBody.SIZE);
        }
        return new SyncSourceReply(SyncReqBody.decode(body));
    }
}
