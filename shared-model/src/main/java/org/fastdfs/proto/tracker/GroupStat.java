package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * TrackerGroupStat, one group of the list-groups replies (90, 91), PROTOCOL.md §2.5. The name is a
 * 17-byte field and every other field is 8 bytes big-endian:
 * <ul>
 *   <li>current (6.13.1+), 113 bytes: name, total_mb, free_mb, reserved_mb, trunk_free_mb,
 *       storage_count, storage_port, readable_server_count, writable_server_count,
 *       current_write_server, store_path_count, subdir_count_per_path, current_trunk_file_id;</li>
 *   <li>classic (&lt;= 6.12, tobato's GroupState), 105 bytes: name, total_mb, free_mb,
 *       trunk_free_mb, count, storage_port, storage_http_port, active_count, current_write_server,
 *       store_path_count, subdir_count_per_path, current_trunk_file_id.</li>
 * </ul>
 * The record holds the union; each layout writes its own fields and decodes the others as 0.
 *
 * @param groupName          the group name
 * @param totalMb            total space of the group's reference storage, MB
 * @param freeMb             smallest free space among its writable storages, MB
 * @param reservedMb         reserved space, MB (current only)
 * @param trunkFreeMb        free trunk space, MB
 * @param storageCount       storages of any status
 * @param storagePort        the group port, -1 when the ports differ
 * @param httpPort           storage_http_port (classic only; 0 without HTTP)
 * @param activeCount        ACTIVE storages (classic only)
 * @param readableCount      readable storages (current only)
 * @param writableCount      writable storages (current only)
 * @param currentWriteServer round-robin index of the next upload server
 * @param storePathCount     store paths per storage
 * @param subdirCountPerPath sub-directories per level
 * @param currentTrunkFileId -1 when trunk files are disabled
 */
public record GroupStat(String groupName, long totalMb, long freeMb, long reservedMb, long trunkFreeMb,
                        long storageCount, long storagePort, long httpPort, long activeCount,
                        long readableCount, long writableCount, long currentWriteServer,
                        long storePathCount, long subdirCountPerPath, long currentTrunkFileId)
        implements WireMessage {

    /** Size of the current layout. */
    public static final int CURRENT_SIZE = 113;
    /** Size of the classic layout. */
    public static final int CLASSIC_SIZE = 105;

    public GroupStat {
        Fields.checkText(groupName, "group name", 0, Wire.GROUP_NAME_STRUCT_SIZE);
    }

    public static int size(WireProfile profile) {
        return profile.isClassic() ? CLASSIC_SIZE : CURRENT_SIZE;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return size(profile);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, groupName, Wire.GROUP_NAME_STRUCT_SIZE);
        out.putLong(totalMb).putLong(freeMb);
        if (profile.isClassic()) {
            out.putLong(trunkFreeMb).putLong(storageCount).putLong(storagePort).putLong(httpPort)
                    .putLong(activeCount);
        } else {
            out.putLong(reservedMb).putLong(trunkFreeMb).putLong(storageCount).putLong(storagePort)
                    .putLong(readableCount).putLong(writableCount);
        }
        out.putLong(currentWriteServer).putLong(storePathCount).putLong(subdirCountPerPath)
                .putLong(currentTrunkFileId);
    }

    /** Decodes a 90 reply: exactly one struct. */
    public static GroupStat decode(ByteBuffer body, WireProfile profile) {
        Wire.requireLength(body, size(profile), "list one group reply (" + profile + ")");
        return read(body, profile);
    }

    /** Reads one struct from {@code in}, which holds at least {@link #size} bytes. */
    static GroupStat read(ByteBuffer in, WireProfile profile) {
        Wire.require(in, size(profile), "group stat");
        String name = Wire.getFixed(in, Wire.GROUP_NAME_STRUCT_SIZE);
        long total = in.getLong();
        long free = in.getLong();
        if (profile.isClassic()) {
            long trunkFree = in.getLong();
            long count = in.getLong();
            long port = in.getLong();
            long httpPort = in.getLong();
            long active = in.getLong();
            return new GroupStat(name, total, free, 0, trunkFree, count, port, httpPort, active, 0, 0,
                    in.getLong(), in.getLong(), in.getLong(), in.getLong()); // arguments run left to right
        }
        long reserved = in.getLong();
        long trunkFree = in.getLong();
        long count = in.getLong();
        long port = in.getLong();
        long readable = in.getLong();
        long writable = in.getLong();
        return new GroupStat(name, total, free, reserved, trunkFree, count, port, 0, 0, readable, writable,
                in.getLong(), in.getLong(), in.getLong(), in.getLong());
    }
}
