package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * Reply to SERVER_STORAGE_VOLUMN_STAT (98), PROTOCOL.md §2.8: use_trunk_file (1), count (4), then
 * count x 59-byte records: group (17), total_mb, free_mb, reserved_mb, avail_mb, trunk_free_mb
 * (8 each), is_disk_available (1), is_trunk_available (1). The layout does not depend on the profile.
 *
 * @param useTrunkFile the tracker's use_trunk_file
 * @param groups       the groups that passed the filter, in name order
 */
public record StorageVolumeStat(boolean useTrunkFile, List<StorageVolumeStat.Volume> groups) implements WireMessage {

    /**
     * The space of one group.
     *
     * @param group          group name
     * @param totalMb        total space, MB
     * @param freeMb         free space, MB
     * @param reservedMb     reserved space, MB
     * @param availMb        free minus reserved (0 when the disk is not available)
     * @param trunkFreeMb    free trunk space (0 when trunks are not available)
     * @param diskAvailable  passes the reserved-space check
     * @param trunkAvailable passes the trunk reserved-space check
     */
    public record Volume(String group, long totalMb, long freeMb, long reservedMb, long availMb, long trunkFreeMb,
                         boolean diskAvailable, boolean trunkAvailable) {

        public static final int SIZE = Wire.GROUP_NAME_STRUCT_SIZE + 5 * 8 + 1 + 1;

        public Volume {
            Fields.checkText(group, "group name", 0, Wire.GROUP_NAME_STRUCT_SIZE);
        }

        void encode(ByteBuffer out) {
            Wire.putFixed(out, group, Wire.GROUP_NAME_STRUCT_SIZE);
            out.putLong(totalMb).putLong(freeMb).putLong(reservedMb).putLong(availMb).putLong(trunkFreeMb);
            Fields.putFlag(out, diskAvailable);
            Fields.putFlag(out, trunkAvailable);
        }

        static Volume read(ByteBuffer in) {
            String group = Wire.getFixed(in, Wire.GROUP_NAME_STRUCT_SIZE);
            long total = Wire.getLong(in, "total_mb");
            long free = Wire.getLong(in, "free_mb");
            long reserved = Wire.getLong(in, "reserved_mb");
            long avail = Wire.getLong(in, "avail_mb");
            long trunkFree = Wire.getLong(in, "trunk_free_mb");
            boolean disk = Fields.readFlag(in, "is_disk_available");
            return new Volume(group, total, free, reserved, avail, trunkFree, disk,
                    Fields.readFlag(in, "is_trunk_available"));
        }
    }

    /** Size of the header before the records. */
    public static final int HEADER_SIZE = 1 + 4;

    public StorageVolumeStat {
        groups = Fields.checkList(groups, "groups");
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return HEADER_SIZE + groups.size() * Volume.SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Fields.putFlag(out, useTrunkFile);
        out.putInt(groups.size());
        for (Volume v : groups) {
            v.encode(out);
        }
    }

    public static StorageVolumeStat decode(ByteBuffer body) {
        boolean useTrunkFile = Fields.readFlag(body, "use_trunk_file");
        int count = Wire.getInt(body, "group count");
        if (count < 0 || (long) count * Volume.SIZE != body.remaining()) {
            throw ProtocolException.invalid("storage volume stat reply: " + count + " groups need "
                    + (long) count * Volume.SIZE + " bytes after the header, got " + body.remaining());
        }
        List<Volume> groups = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            groups.add(Volume.read(body));
        }
        return new StorageVolumeStat(useTrunkFile, groups);
    }
}
