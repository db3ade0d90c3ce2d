package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.stat.StatBlock;

/**
 * STORAGE_BEAT (83) request, PROTOCOL.md §4.5: an empty body, or the 348-byte stat block (§2.6) when the
 * storage's counters changed. Any other length is EINVAL. The reply is a {@link ChangeResponse}.
 *
 * @param stats the counters, or {@code null} for an empty beat
 */
public record StorageBeatRequest(StatBlock stats) implements Request {

    /** A beat without counters. */
    public static final StorageBeatRequest EMPTY = new StorageBeatRequest(null);

    public boolean hasStats() {
        return stats != null;
    }

    @Override
    public Command command() {
        return Command.STORAGE_BEAT;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return stats == null ? 0 : StatBlock.SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        if (stats != null) {
            stats.encode(out);
        }
    }

    public static StorageBeatRequest decode(ByteBuffer body) {
        if (body.remaining() == 0) {
            return EMPTY;
        }
        if (body.remaining() != StatBlock.SIZE) {
            throw ProtocolException.invalid("BEAT body is " + body.remaining() + " bytes, expected 0 or "
                    + StatBlock.SIZE);
        }
        return new StorageBeatRequest(StatBlock.decode(body));
    }
}
