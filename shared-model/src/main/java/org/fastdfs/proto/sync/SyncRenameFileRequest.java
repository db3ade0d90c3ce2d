package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;

/**
 * SYNC_RENAME_FILE (40), PROTOCOL.md §5.2: dest_len (8) + src_len (8) + timestamp (4) + group (16) + dest file
 * name + src file name. FastDFS 6.02+. Renames {@code src} to {@code dest} (an appender turned into a normal file by
 * REGENERATE_APPENDER_FILENAME). Reply: empty; EEXIST counts as success, and on ENOENT the sender falls
 * back to SYNC_CREATE_FILE of the new name.
 *
 * @param timestamp    source-side operation time, unix seconds
 * @param group        the sender's group (read up to its first NUL)
 * @param destFilename the new name, "Mxx/...", 1..127 bytes
 * @param srcFilename  the old name, "Mxx/...", 1..127 bytes
 */
public record SyncRenameFileRequest(int timestamp, String group, String destFilename, String srcFilename)
        implements Request {

    public SyncRenameFileRequest {
        SyncFields.requireGroupAndName(group, destFilename, "destination file name");
        SyncFields.requireGroupAndName(group, srcFilename, "source file name");
    }

    @Override
    public Command command() {
        return Command.SYNC_RENAME_FILE;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return TwoNames.encodedLength(destFilename, srcFilename);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        TwoNames.encode(out, timestamp, group, destFilename, srcFilename);
    }

    public static SyncRenameFileRequest decode(ByteBuffer body) {
        TwoNames t = TwoNames.decode(body, "SYNC_RENAME_FILE");
        return new SyncRenameFileRequest(t.timestamp(), t.group(), t.dest(), t.src());
    }
}
