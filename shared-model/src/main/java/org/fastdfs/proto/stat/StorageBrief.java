package org.fastdfs.proto.stat;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * FDFSStorageBrief (PROTOCOL.md §4.5): status (1), port (4), id (16), ip_addr (46; 16 classic):
 * 67 bytes, or 37 in the classic profile. Used in tracker change responses, REPORT_STATUS,
 * REPLICA_CHG and GET_STATUS.
 *
 * @param status storage status byte (§4.11)
 * @param port   storage port
 * @param id     server id, or the IP when ids are not used
 * @param ip     IP address text
 */
public record StorageBrief(int status, int port, String id, String ip) implements WireMessage {

    public static int size(WireProfile profile) {
        return 1 + 4 + Wire.STORAGE_ID_SIZE + profile.serverIpSize();
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return size(profile);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.put((byte) status).putInt(port);
        Wire.putFixed(out, id, Wire.STORAGE_ID_SIZE);
        Wire.putFixed(out, ip, profile.serverIpSize());
    }

    public static StorageBrief decode(ByteBuffer in, WireProfile profile) {
        Wire.require(in, size(profile), "storage brief");
        int status = in.get();
        int port = in.getInt();
        String id = Wire.getFixed(in, Wire.STORAGE_ID_SIZE);
        String ip = Wire.getFixed(in, profile.serverIpSize());
        return new StorageBrief(status, port, id, ip);
    }
}
