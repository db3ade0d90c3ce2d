package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.stat.StatBlock;

/**
 * One storage of the list-storages reply (92), PROTOCOL.md §2.6. 8-byte fields are big-endian.
 * <ul>
 *   <li>current (6.13.1+), 487 bytes (517 with 46-byte IPs): status (1), rw_mode (1), id (16),
 *       ip_addr (W), src_id (16), version (8), join_time, up_time, total_mb, free_mb, reserved_mb,
 *       upload_priority, store_path_count, subdir_count_per_path, current_write_path, storage_port
 *       (8 each), stat block (348), if_trunk_server (1);</li>
 *   <li>classic (&lt;= 6.10, tobato's StorageState), 612 bytes: status (1), id (16), ip_addr (16),
 *       domain_name (128), src_id (16), version (6), join_time, up_time, total_mb, free_mb,
 *       upload_priority, store_path_count, subdir_count_per_path, current_write_path, storage_port,
 *       storage_http_port (8 each), stat block (348), if_trunk_server (1).</li>
 * </ul>
 * The record holds the union; each layout writes its own fields and decodes the others as 0 or "".
 * The version is cut to the layout's width (6 classic, 8 current).
 *
 * @param status             storage status (§4.11)
 * @param rwMode             0 none, 2 write-only, 4 read-only, 6 both (current only)
 * @param id                 server id, or the IP when ids are not used
 * @param ip                 IP address text
 * @param domainName         HTTP domain name (classic only)
 * @param srcId              id of the storage it copied its initial data from
 * @param version            storage version, e.g. "6.16.1"
 * @param joinTime           unix seconds
 * @param upTime             unix seconds
 * @param totalMb            total space, MB
 * @param freeMb             free space, MB
 * @param reservedMb         reserved space, MB (current only)
 * @param uploadPriority     lower wins (store_server=2)
 * @param storePathCount     store paths
 * @param subdirCountPerPath sub-directories per level
 * @param currentWritePath   round-robin index of the next store path
 * @param storagePort        storage port
 * @param httpPort           storage_http_port (classic only)
 * @param stat               the 348-byte counter block
 * @param trunkServer        if_trunk_server (any non-zero byte reads as true)
 */
public record StorageStat(int status, int rwMode, String id, String ip, String domainName, String srcId,
                          String version, long joinTime, long upTime, long totalMb, long freeMb, long reservedMb,
                          long uploadPriority, long storePathCount, long subdirCountPerPath,
                          long currentWritePath, long storagePort, long httpPort, StatBlock stat,
                          boolean trunkServer) implements WireMessage {

    public static final int RW_NONE = 0;
    public static final int RW_WRITE_ONLY = 2;
    public static final int RW_READ_ONLY = 4;
    public static final int RW_BOTH = 6;

    /** FDFS_DOMAIN_NAME_MAX_SIZE, the classic domain_name field. */
    public static final int DOMAIN_NAME_SIZE = 128;

    public StorageStat {
        Fields.checkByte(status, "status");
        Fields.checkByte(rwMode, "rw_mode");
        Fields.checkText(id, "storage id", 0, Wire.STORAGE_ID_SIZE);
        Fields.checkText(ip, "IP address", 0, Fields.MAX_IP_LENGTH + 1);
        Fields.checkText(domainName, "domain name", 0, DOMAIN_NAME_SIZE);
        Fields.checkText(srcId, "source storage id", 0, Wire.STORAGE_ID_SIZE);
        Fields.checkText(version, "version", 0, 8);
        Objects.requireNonNull(stat, "stat");
    }

    /** 612 classic, 487 current with 16-byte IPs, 517 with 46-byte IPs. */
    public static int size(WireProfile profile) {
        if (profile.isClassic()) {
            return 1 + 16 + 16 + DOMAIN_NAME_SIZE + 16 + 6 + 10 * Wire.LONG_SIZE + StatBlock.SIZE + 1;
        }
        return 1 + 1 + 16 + profile.ipSize() + 16 + profile.versionSize() + 10 * Wire.LONG_SIZE + StatBlock.SIZE + 1;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return size(profile);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        boolean classic = profile.isClassic();
        out.put((byte) status);
        if (!classic) {
            out.put((byte) rwMode);
        }
        Wire.putFixed(out, id, Wire.STORAGE_ID_SIZE);
        Fields.putIp(out, ip, profile.ipSize());
        if (classic) {
            Wire.putFixed(out, domainName, DOMAIN_NAME_SIZE);
        }
        Wire.putFixed(out, srcId, Wire.STORAGE_ID_SIZE);
        Wire.putFixed(out, version, profile.versionSize());
        out.putLong(joinTime).putLong(upTime).putLong(totalMb).putLong(freeMb);
        if (!classic) {
            out.putLong(reservedMb);
        }
        out.putLong(uploadPriority).putLong(storePathCount).putLong(subdirCountPerPath).putLong(currentWritePath)
                .putLong(storagePort);
        if (classic) {
            out.putLong(httpPort);
        }
        stat.encode(out);
        Fields.putFlag(out, trunkServer);
    }

    /** Decodes a body holding exactly one struct. */
    public static StorageStat decode(ByteBuffer body, WireProfile profile) {
        Wire.requireLength(body, size(profile), "storage stat (" + profile + ")");
        return read(body, profile);
    }

    /** Reads one struct from {@code in}. */
    static StorageStat read(ByteBuffer in, WireProfile profile) {
        Wire.require(in, size(profile), "storage stat");
        boolean classic = profile.isClassic();
        int status = in.get() & 0xFF;
        int rwMode = classic ? 0 : in.get() & 0xFF;
        String id = Wire.getFixed(in, Wire.STORAGE_ID_SIZE);
        String ip = Wire.getFixed(in, profile.ipSize());
        String domain = classic ? Wire.getFixed(in, DOMAIN_NAME_SIZE) : "";
        String srcId = Wire.getFixed(in, Wire.STORAGE_ID_SIZE);
        String version = Wire.getFixed(in, profile.versionSize());
        long joinTime = in.getLong();
        long upTime = in.getLong();
        long total = in.getLong();
        long free = in.getLong();
        long reserved = classic ? 0 : in.getLong();
        long priority = in.getLong();
        long paths = in.getLong();
        long subdirs = in.getLong();
        long writePath = in.getLong();
        long port = in.getLong();
        long httpPort = classic ? in.getLong() : 0;
        StatBlock stat = StatBlock.decode(in);
        boolean trunk = in.get() != 0;
        return new StorageStat(status, rwMode, id, ip, domain, srcId, version, joinTime, upTime, total, free,
                reserved, priority, paths, subdirs, writePath, port, httpPort, stat, trunk);
    }
}
