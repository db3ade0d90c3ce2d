package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * SERVER_STORAGE_VOLUMN_STAT (98, 6.15.5+), PROTOCOL.md §2.8: 4 bytes {filter_by, is_disk_available,
 * is_trunk_available, is_space_available}; filter_by bits 1, 2 and 4 select which of the three flags
 * a group must match. The reply is a {@link StorageVolumeStat}.
 *
 * @param filterBy       a combination of the FILTER_BY_* bits, or 0 for all groups
 * @param diskAvailable  the is_disk_available value to match
 * @param trunkAvailable the is_trunk_available value to match
 * @param spaceAvailable the is_space_available (disk or trunk) value to match
 */
public record StorageVolumeStatRequest(int filterBy, boolean diskAvailable, boolean trunkAvailable,
                                       boolean spaceAvailable) implements Request {

    public static final int FILTER_BY_IS_DISK_AVAILABLE = 1;
    public static final int FILTER_BY_IS_TRUNK_AVAILABLE = 2;
    public static final int FILTER_BY_IS_SPACE_AVAILABLE = 4;
    public static final int SIZE = 4;

    public StorageVolumeStatRequest {
        Fields.checkByte(filterBy, "filter_by");
    }

    /** Every group. */
    public static StorageVolumeStatRequest all() {
        return new StorageVolumeStatRequest(0, false, false, false);
    }

    @Override
    public Command command() {
        return Command.SERVER_STORAGE_VOLUME_STAT;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.put((byte) filterBy);
        Fields.putFlag(out, diskAvailable);
        Fields.putFlag(out, trunkAvailable);
        Fields.putFlag(out, spaceAvailable);
    }

    public static StorageVolumeStatRequest decode(ByteBuffer body) {
        Wire.requireLength(body, SIZE, "storage volume stat");
        int filterBy = body.get() & 0xFF;
        boolean disk = Fields.readFlag(body, "is_disk_available");
        boolean trunk = Fields.readFlag(body, "is_trunk_available");
        return new StorageVolumeStatRequest(filterBy, disk, trunk, Fields.readFlag(body, "is_space_available"));
    }
}
