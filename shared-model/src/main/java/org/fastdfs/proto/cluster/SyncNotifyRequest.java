package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_SYNC_NOTIFY (88) request, PROTOCOL.md §4.4: the 24-byte {@link SyncReqBody} (src_id + until).
 * An empty src_id tells the tracker there is nothing to copy. Reply: empty.
 */
public record SyncNotifyRequest(SyncReqBody sync) implements Request {

    public SyncNotifyRequest {
        if (sync == null) {
            throw new IllegalArgumentException("sync body must not be null");
        }
    }

    public SyncNotifyRequest(String srcId, long untilTimestamp) {
        this(new SyncReqBody(srcId, untilTimestamp));
    }

    @Override
    public Command command() {
        return Command.STORAGE_SYNC_NOTIFY;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return SyncReqBody.SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        sync.encode(out, profile);
    }

    public static SyncNotifyRequest decode(ByteBuffer body) {
        return new SyncNotifyRequest(SyncReqBody.decode(body));
    }
}
