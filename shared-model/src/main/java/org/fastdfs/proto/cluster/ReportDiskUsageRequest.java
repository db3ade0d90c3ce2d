package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_REPORT_DISK_USAGE (84) request, PROTOCOL.md §4.6: for each store path in order, total_mb (8) +
 * free_mb (8). The tracker requires exactly 16 × the group's store_path_count bytes. The reply is a
 * {@link ChangeResponse}.
 */
public record ReportDiskUsageRequest(List<PathUsage> paths) implements Request {

    /** One store path's space in MiB (statvfs f_blocks and f_bavail × f_frsize). */
    public record PathUsage(long totalMb, long freeMb) {
    }

    public static final int PATH_SIZE = 16;

    public ReportDiskUsageRequest {
        paths = List.copyOf(paths);
        ClusterFields.range(paths.size(), 1, StorageJoinRequest.MAX_STORE_PATHS, "store path count");
    }

    @Override
    public Command command() {
        return Command.STORAGE_REPORT_DISK_USAGE;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return PATH_SIZE * paths.size();
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        for (PathUsage p : paths) {
            out.putLong(p.totalMb()).putLong(p.freeMb());
        }
    }

    /** Decodes a report of exactly {@code expectedPathCount} paths (the group's store_path_count), as the tracker does. */
    public static ReportDiskUsageRequest decode(ByteBuffer body, int expectedPathCount) {
        if (body.remaining() != (long) PATH_SIZE * expectedPathCount) {
            throw ProtocolException.invalid("disk usage report is " + body.remaining() + " bytes, expected "
                    + PATH_SIZE + " × " + expectedPathCount + " store paths");
        }
        return decode(body);
    }

    /** Decodes a report of any non-zero number of paths (at most 256). */
    public static ReportDiskUsageRequest decode(ByteBuffer body) {
        int n = body.remaining() / PATH_SIZE;
        if (body.remaining() % PATH_SIZE != 0 || n < 1 || n > StorageJoinRequest.MAX_STORE_PATHS) {
            throw ProtocolException.invalid("disk usage report of " + body.remaining() + " bytes is not N × "
                    + PATH_SIZE + " with N in 1.." + StorageJoinRequest.MAX_STORE_PATHS);
        }
        List<PathUsage> paths = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            paths.add(new PathUsage(body.getLong(), body.getLong()));
        }
        return new ReportDiskUsageRequest(paths);
    }
}
