package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;

/**
 * SYNC_CREATE_LINK (19), PROTOCOL.md §5.2: dest_len (8) + src_len (8) + timestamp (4) + group (16) + dest file
 * name + src file name. Creates {@code dest} as a symbolic link to {@code src}. Reply: empty (ENOENT counts as success).
 * The C receiver does not compare the group with its own for this command.
 *
 * @param timestamp    source-side operation time, unix seconds
 * @param group        the sender's group (read up to its first NUL)
 * @param destFilename the link to create, "Mxx/...", 1..127 bytes
 * @param srcFilename  the existing file it points to, "Mxx/...", 1..127 bytes
 */
public record SyncCreateLinkRequest(int timestamp, String group, String destFilename, String srcFilename)
        implements Request {

    public SyncCreateLinkRequest {
        SyncFields.requireGroupAndName(group, destFilename, "destination file name");
        SyncFields.requireGroupAndName(group, srcFilename, "source file name");
    }

    @Override
    public Command command() {
        return Command.SYNC_CREATE_LINK;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return TwoNames.encodedLength(destFilename, srcFilename);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        TwoNames.encode(out, timestamp, group, destFilename, srcFilename);
    }

    public static SyncCreateLinkRequest decode(ByteBuffer body) {
        TwoNames t = TwoNames.decode(body, "SYNC_CREATE_LINK");
        return new SyncCreateLinkRequest(t.timestamp(), t.group(), t.dest(), t.src());
    }
}
