package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_JOIN (81) request, PROTOCOL.md §4.3.
 *
 * <p>Current: a 145-byte fixed part: group (17), port (8), store_path_count (8), subdir_count (8),
 * upload_priority (8), join_time (8), up_time (8), version (8), init_flag (1), status (1, signed),
 * storage_id (16), current_tracker_ip (46), tracker_count (8); then {@code tracker_count} lines
 * {@code "ip:port\n"}.
 *
 * <p>Classic (&lt;= 6.10): a 233-byte fixed part: group (17), port (8), http_port (8), store_path_count (8),
 * subdir_count (8), upload_priority (8), join_time (8), up_time (8), version (6), domain_name (128),
 * init_flag (1), status (1), current_tracker_ip (16), tracker_count (8); then {@code tracker_count}
 * NUL-padded 40-byte {@code "ip:port"} slots.
 *
 * <p>{@code httpPort} and {@code domainName} exist only in the classic layout and {@code storageId} only in
 * the current one: encoding drops the fields the profile lacks, and decoding sets them to 0 / "".
 *
 * @param initFlag true (byte 1) while the storage's initial data sync is not done yet
 * @param status   the storage's own status as it last learned it (signed: −1 = another tracker's join failed)
 * @param trackers every tracker the storage is configured with, as {@code "ip:port"} /
 *                 {@code "ip1,ip2:port"} / {@code "[ipv6]:port"} text
 */
public record StorageJoinRequest(String groupName, int storagePort, int httpPort, int storePathCount,
                                 int subdirCountPerPath, long uploadPriority, long joinTime, long upTime,
                                 String version, String domainName, boolean initFlag, int status, String storageId,
                                 String currentTrackerIp, List<String> trackers) implements Request {

    public static final int CURRENT_FIXED_SIZE = 145;
    public static final int CLASSIC_FIXED_SIZE = 233;
    /** Width of a classic tracker slot ({@code FDFS_PROTO_MULTI_IP_PORT_SIZE} = 2 × 16 + 8). */
    public static final int CLASSIC_SLOT_SIZE = 40;
    /** Longest current tracker line, newline included ({@code FDFS_MAX_MULTI_IP_PORT_SIZE} = 2 × 46 + 8). */
    public static final int MAX_LINE_SIZE = 100;
    public static final int MAX_TRACKERS = 16;
    public static final int MAX_STORE_PATHS = 256;
    public static final int MAX_SUBDIRS = 256;
    private static final int DOMAIN_NAME_SIZE = 128;
    private static final int CURRENT_IP_SIZE = 46;

    public StorageJoinRequest {
        ClusterFields.fits(groupName, Wire.GROUP_NAME_SIZE, "group name");
        ClusterFields.range(storagePort, 1, 65535, "storage port");
        ClusterFields.range(httpPort, 0, 65535, "HTTP port");
        ClusterFields.range(storePathCount, 1, MAX_STORE_PATHS, "store path count");
        ClusterFields.range(subdirCountPerPath, 1, MAX_SUBDIRS, "subdir count per path");
        ClusterFields.fits(version, 8, "version");
        ClusterFields.fits(domainName, DOMAIN_NAME_SIZE, "domain name");
        ClusterFields.range(status, Byte.MIN_VALUE, Byte.MAX_VALUE, "status");
        ClusterFields.fits(storageId, Wire.STORAGE_ID_SIZE, "storage id");
        ClusterFields.fits(currentTrackerIp, CURRENT_IP_SIZE, "current tracker IP");
        trackers = List.copyOf(trackers);
        ClusterFields.range(trackers.size(), 1, MAX_TRACKERS, "tracker count");
        for (String t : trackers) {
            if (t.isEmpty() || t.indexOf('\n') >= 0 || t.indexOf('\0') >= 0
                    || Wire.bytes(t).length >= MAX_LINE_SIZE) {
                throw new IllegalArgumentException("bad tracker address '" + t + "'");
            }
        }
    }

    /** A current-profile JOIN (no HTTP port, no domain name). */
    public static StorageJoinRequest current(String groupName, int storagePort, int storePathCount,
                                             int subdirCountPerPath, long uploadPriority, long joinTime, long upTime,
                                             String version, boolean initFlag, int status, String storageId,
                                             String currentTrackerIp, List<String> trackers) {
        return new StorageJoinRequest(groupName, storagePort, 0, storePathCount, subdirCountPerPath, uploadPriority,
                joinTime, upTime, version, "", initFlag, status, storageId, currentTrackerIp, trackers);
    }

    @Override
    public Command command() {
        return Command.STORAGE_JOIN;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        if (profile.isClassic()) {
            return CLASSIC_FIXED_SIZE + CLASSIC_SLOT_SIZE * trackers.size();
        }
        int n = CURRENT_FIXED_SIZE;
        for (String t : trackers) {
            n += Wire.bytes(t).length + 1;
        }
        return n;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        boolean classic = profile.isClassic();
        Wire.putFixed(out, groupName, Wire.GROUP_NAME_STRUCT_SIZE);
        out.putLong(storagePort);
        if (classic) {
            out.putLong(httpPort);
        }
        out.putLong(storePathCount).putLong(subdirCountPerPath).putLong(uploadPriority).putLong(joinTime)
                .putLong(upTime);
        ClusterFields.putFixed(out, version, profile.versionSize(), "version");
        if (classic) {
            Wire.putFixed(out, domainName, DOMAIN_NAME_SIZE);
        }
        out.put((byte) (initFlag ? 1 : 0)).put((byte) status);
        if (!classic) {
            Wire.putFixed(out, storageId, Wire.STORAGE_ID_SIZE);
        }
        ClusterFields.putFixed(out, currentTrackerIp, profile.serverIpSize(), "current tracker IP");
        out.putLong(trackers.size());
        for (String t : trackers) {
            if (classic) {
                // the tracker forces the slot's last byte to NUL, so at most 39 characters survive
                ClusterFields.putFixed(out, t, CLASSIC_SLOT_SIZE - 1, "classic tracker slot");
                out.put((byte) 0);
            } else {
                Wire.putString(out, t);
                out.put((byte) '\n');
            }
        }
    }

    public static StorageJoinRequest decode(ByteBuffer body, WireProfile profile) {
        boolean classic = profile.isClassic();
        int fixed = classic ? CLASSIC_FIXED_SIZE : CURRENT_FIXED_SIZE;
        int total = body.remaining();
        Wire.require(body, fixed, "the JOIN fixed part");
        // the tracker reads 16 bytes of the 17-byte group field
        String group = Wire.getFixed(body, Wire.GROUP_NAME_STRUCT_SIZE);
        if (group.length() > Wire.GROUP_NAME_SIZE) {
            group = group.substring(0, Wire.GROUP_NAME_SIZE);
        }
        long port = body.getLong();
        long httpPort = classic ? body.getLong() : 0;
        long pathCount = body.getLong();
        long subdirs = body.getLong();
        long priority = body.getLong();
        long joinTime = body.getLong();
        long upTime = body.getLong();
        String version = Wire.getFixed(body, profile.versionSize());
        String domain = classic ? Wire.getFixed(body, DOMAIN_NAME_SIZE) : "";
        boolean initFlag = body.get() != 0;
        int status = body.get();
        String storageId = classic ? "" : Wire.getFixed(body, Wire.STORAGE_ID_SIZE);
        String trackerIp = Wire.getFixed(body, profile.serverIpSize());
        long count = body.getLong();

        // same order of checks as tracker_deal_storage_join
        if (count < 1 || count > MAX_TRACKERS) {
            throw ProtocolException.invalid("JOIN tracker_count " + count + " is outside 1.." + MAX_TRACKERS);
        }
        if (classic) {
            if (total != fixed + CLASSIC_SLOT_SIZE * count) {
                throw ProtocolException.invalid("classic JOIN body is " + total + " bytes, expected " + fixed + " + "
                        + count + " × " + CLASSIC_SLOT_SIZE);
            }
        } else if (total > fixed + MAX_LINE_SIZE * count) {
            throw ProtocolException.invalid("JOIN body of " + total + " bytes exceeds " + fixed + " + " + count
                    + " × " + MAX_LINE_SIZE);
        }
        ClusterFields.validGroupName(group);
        if (port <= 0 || port > 65535) {
            throw ProtocolException.invalid("JOIN storage port " + port + " is outside 1..65535");
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw ProtocolException.invalid("JOIN HTTP port " + httpPort + " is outside 0..65535");
        }
        if (pathCount < 1 || pathCount > MAX_STORE_PATHS) {
            throw ProtocolException.invalid("JOIN store_path_count " + pathCount + " is outside 1.." + MAX_STORE_PATHS);
        }
        if (subdirs < 1 || subdirs > MAX_SUBDIRS) {
            throw ProtocolException.invalid("JOIN subdir_count_per_path " + subdirs + " is outside 1.." + MAX_SUBDIRS);
        }
        List<String> trackers = classic ? readSlots(body, (int) count) : readLines(body, (int) count);
        Wire.requireEnd(body, "JOIN after " + count + " tracker lines");
        return new StorageJoinRequest(group, (int) port, (int) httpPort, (int) pathCount, (int) subdirs, priority,
                joinTime, upTime, version, domain, initFlag, status, storageId, trackerIp, trackers);
    }

    private static List<String> readLines(ByteBuffer body, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int start = body.position();
            int nl = -1;
            for (int p = start; p < body.limit(); p++) {
                if (body.get(p) == '\n') {
                    nl = p;
                    break;
                }
            }
            if (nl < 0) {
                throw ProtocolException.invalid("JOIN tracker line " + (i + 1) + " of " + count + " has no newline");
            }
            String line = Wire.getString(body, nl - start);
            body.get(); // the newline
            out.add(checkTracker(line, nl - start + 1 > MAX_LINE_SIZE, i + 1));
        }
        return out;
    }

    private static List<String> readSlots(ByteBuffer body, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String slot = Wire.getFixed(body, CLASSIC_SLOT_SIZE);
            if (slot.length() == CLASSIC_SLOT_SIZE) {
                slot = slot.substring(0, CLASSIC_SLOT_SIZE - 1); // the tracker forces the last byte to NUL
            }
            out.add(checkTracker(slot, false, i + 1));
        }
        return out;
    }

    private static String checkTracker(String text, boolean tooLong, int index) {
        if (text.isEmpty() || text.indexOf('\0') >= 0 || text.indexOf('\n') >= 0) {
            throw ProtocolException.invalid("JOIN tracker address " + index + " is empty or holds a NUL or newline");
        }
        if (tooLong) {
            throw ProtocolException.invalid("JOIN tracker line " + index + " is longer than " + MAX_LINE_SIZE + " bytes");
        }
        return text;
    }
}
