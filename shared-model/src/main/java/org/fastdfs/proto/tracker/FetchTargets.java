package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * Reply to QUERY_FETCH_ALL (105), PROTOCOL.md §2.4 and §10.1. The profile picks the layout:
 * <ul>
 *   <li>classic (FastDFS &lt;= 6.15, fastdfs-client-java 1.39): group (16) + IP (W-1) + port (8) +
 *       (N-1) x IP (W-1). The extra servers carry no port: encoding drops theirs, decoding gives
 *       them the first server's port;</li>
 *   <li>current (6.16): group (16) + N x (IP (W-1) + port (8)).</li>
 * </ul>
 * With one server both layouts are the same 39 (69) bytes.
 *
 * @param group   the file's group
 * @param servers the storages that hold the file, at least one
 */
public record FetchTargets(String group, List<ServerAddress> servers) implements WireMessage {

    public FetchTargets {
        Fields.checkGroup(group);
        servers = Fields.checkList(servers, "servers");
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("a query-fetch-all reply lists at least one storage");
        }
    }

    @Override
    public int encodedLength(WireProfile profile) {
        int ip = profile.queryIpSize();
        int first = ip + Wire.LONG_SIZE;
        int extra = profile.isClassic() ? ip : ip + Wire.LONG_SIZE;
        return Wire.GROUP_NAME_SIZE + first + (servers.size() - 1) * extra;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
        for (int i = 0; i < servers.size(); i++) {
            ServerAddress s = servers.get(i);
            Fields.putIp(out, s.ip(), profile.queryIpSize());
            if (i == 0 || !profile.isClassic()) {
                out.putLong(s.port());
            }
        }
    }

    public static FetchTargets decode(ByteBuffer body, WireProfile profile) {
        int ip = profile.queryIpSize();
        int head = Wire.GROUP_NAME_SIZE + ip + Wire.LONG_SIZE;
        int extra = profile.isClassic() ? ip : ip + Wire.LONG_SIZE;
        if (body.remaining() < head || (body.remaining() - head) % extra != 0) {
            throw ProtocolException.invalid("query fetch all reply (" + profile + "): body of " + body.remaining()
                    + " bytes is not " + head + " + N x " + extra);
        }
        int count = 1 + (body.remaining() - head) / extra;
        String group = Fields.readGroup(body);
        List<ServerAddress> servers = new ArrayList<>(count);
        String firstIp = Wire.getFixed(body, ip);
        int firstPort = Fields.readPort(body, "storage port");
        servers.add(new ServerAddress(firstIp, firstPort));
        for (int i = 1; i < count; i++) {
            String extraIp = Wire.getFixed(body, ip);
            int port = profile.isClassic() ? firstPort : Fields.readPort(body, "storage port");
            servers.add(new ServerAddress(extraIp, port));
        }
        return new FetchTargets(group, servers);
    }
}
