package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * Reply to QUERY_STORE ALL (106, 107), PROTOCOL.md §2.3: group (16), then N x (IP (W-1) + port (8)),
 * then store_path_index (1), which is the first storage's.
 *
 * @param group          the chosen group
 * @param servers        every writable storage of the group, at least one
 * @param storePathIndex the store path the client names in its upload (0..255)
 */
public record StoreTargets(String group, List<ServerAddress> servers, int storePathIndex) implements WireMessage {

    public StoreTargets {
        Fields.checkGroup(group);
        servers = Fields.checkList(servers, "servers");
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("a query-store-all reply lists at least one storage");
        }
        Fields.checkByte(storePathIndex, "store path index");
    }

    private static int entrySize(WireProfile profile) {
        return profile.queryIpSize() + Wire.LONG_SIZE;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return Wire.GROUP_NAME_SIZE + servers.size() * entrySize(profile) + 1;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
        for (ServerAddress s : servers) {
            Fields.putIp(out, s.ip(), profile.queryIpSize());
            out.putLong(s.port());
        }
        out.put((byte) storePathIndex);
    }

    public static StoreTargets decode(ByteBuffer body, WireProfile profile) {
        int fixed = Wire.GROUP_NAME_SIZE + 1;
        int entry = entrySize(profile);
        if (body.remaining() < fixed + entry || (body.remaining() - fixed) % entry != 0) {
            throw ProtocolException.invalid("query store all reply: body of " + body.remaining()
                    + " bytes is not 17 + N x " + entry);
        }
        int count = (body.remaining() - fixed) / entry;
        String group = Fields.readGroup(body);
        List<ServerAddress> servers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String ip = Wire.getFixed(body, profile.queryIpSize());
            servers.add(new ServerAddress(ip, Fields.readPort(body, "storage port")));
        }
        return new StoreTargets(group, servers, body.get() & 0xFF);
    }
}
