package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * Reply to SERVER_STORAGE_CLUSTER_STAT (97), PROTOCOL.md §2.8: use_storage_id (1), use_trunk_file (1),
 * count (4), then count x 106-byte records: id (16), host "ip:port" (52), is_trunk_server (1),
 * status (1), connection alloc/current/max (4 each), version (8), up_time (8), last_heartbeat_time (8).
 * The command exists only since 6.15.5, so the layout does not depend on the profile.
 *
 * @param useStorageId the tracker's use_storage_id
 * @param useTrunkFile the tracker's use_trunk_file
 * @param storages     the storages that passed the filter, groups in name order
 */
public record StorageClusterStat(boolean useStorageId, boolean useTrunkFile, List<StorageClusterStat.Storage> storages)
        implements WireMessage {

    /**
     * One storage of the cluster.
     *
     * @param id                server id (or IP)
     * @param host              "ip:port" text, the IP chosen by the requester's address class
     * @param trunkServer       is_trunk_server
     * @param status            storage status (§4.11)
     * @param allocCount        connection.alloc_count
     * @param currentCount      connection.current_count
     * @param maxCount          connection.max_count
     * @param version           storage version, e.g. "6.16.1"
     * @param upTime            unix seconds
     * @param lastHeartbeatTime unix seconds
     */
    public record Storage(String id, String host, boolean trunkServer, int status, int allocCount,
                          int currentCount, int maxCount, String version, long upTime, long lastHeartbeatTime) {

        public static final int SIZE = Wire.STORAGE_ID_SIZE + Fields.MAX_IP_PORT_LENGTH + 1 + 1 + 3 * 4
                + Fields.MONITOR_VERSION_SIZE + 8 + 8;

        public Storage {
            Fields.checkText(id, "storage id", 0, Wire.STORAGE_ID_SIZE);
            Fields.checkText(host, "host", 0, Fields.MAX_IP_PORT_LENGTH);
            Fields.checkByte(status, "status");
            Fields.checkText(version, "version", 0, Fields.MONITOR_VERSION_SIZE);
        }

        void encode(ByteBuffer out) {
            Wire.putFixed(out, id, Wire.STORAGE_ID_SIZE);
            Wire.putFixed(out, host, Fields.MAX_IP_PORT_LENGTH);
            Fields.putFlag(out, trunkServer);
            out.put((byte) status);
            out.putInt(allocCount).putInt(currentCount).putInt(maxCount);
            Wire.putFixed(out, version, Fields.MONITOR_VERSION_SIZE);
            out.putLong(upTime).putLong(lastHeartbeatTime);
        }

        static Storage read(ByteBuffer in) {
            String id = Wire.getFixed(in, Wire.STORAGE_ID_SIZE);
            String host = Wire.getFixed(in, Fields.MAX_IP_PORT_LENGTH);
            boolean trunk = Fields.readFlag(in, "is_trunk_server");
            int status = Wire.getByte(in, "status") & 0xFF;
            int alloc = Wire.getInt(in, "alloc_count");
            int current = Wire.getInt(in, "current_count");
            int max = Wire.getInt(in, "max_count");
            String version = Wire.getFixed(in, Fields.MONITOR_VERSION_SIZE);
            long upTime = Wire.getLong(in, "up_time");
            return new Storage(id, host, trunk, status, alloc, current, max, version, upTime,
                    Wire.getLong(in, "last_heartbeat_time"));
        }
    }

    /** Size of the header before the records. */
    public static final int HEADER_SIZE = 1 + 1 + 4;

    public StorageClusterStat {
        storages = Fields.checkList(storages, "storages");
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return HEADER_SIZE + storages.size() * Storage.SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Fields.putFlag(out, useStorageId);
        Fields.putFlag(out, useTrunkFile);
        out.putInt(storages.size());
        for (Storage s : storages) {
            s.encode(out);
        }
    }

    public static StorageClusterStat decode(ByteBuffer body) {
        boolean useStorageId = Fields.readFlag(body, "use_storage_id");
        boolean useTrunkFile = Fields.readFlag(body, "use_trunk_file");
        int count = Wire.getInt(body, "storage count");
        if (count < 0 || (long) count * Storage.SIZE != body.remaining()) {
            throw ProtocolException.invalid("storage cluster stat reply: " + count + " storages need "
                    + (long) count * Storage.SIZE + " bytes after the header, got " + body.remaining());
        }
        List<Storage> storages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            storages.add(Storage.read(body));
        }
        return new StorageClusterStat(useStorageId, useTrunkFile, storages);
    }
}
