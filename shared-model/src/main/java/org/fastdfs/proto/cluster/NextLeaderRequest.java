package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * TRACKER_NOTIFY_NEXT_LEADER (66) and TRACKER_COMMIT_NEXT_LEADER (67) requests, PROTOCOL.md §4.12: the new
 * leader's address as text, {@code "ip:port"} or {@code "[ipv6]:port"}, no terminator, at most 52 bytes
 * ({@code FDFS_MAX_IP_PORT_SIZE}). Reply: empty.
 */
public record NextLeaderRequest(Command command, String ip, int port) implements Request {

    public static final int MAX_SIZE = 52;

    public NextLeaderRequest {
        if (command != Command.TRACKER_NOTIFY_NEXT_LEADER && command != Command.TRACKER_COMMIT_NEXT_LEADER) {
            throw new IllegalArgumentException(command + " is not NOTIFY_NEXT_LEADER or COMMIT_NEXT_LEADER");
        }
        if (ip == null || ip.isEmpty() || ip.indexOf('[') >= 0 || ip.indexOf(']') >= 0) {
            throw new IllegalArgumentException("bad leader IP '" + ip + "'");
        }
        ClusterFields.range(port, 1, 65535, "leader port");
        ClusterFields.range(text(ip, port).length(), 1, MAX_SIZE, "leader address length");
    }

    private static String text(String ip, int port) {
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
    }

    /** The body text, e.g. {@code "192.168.1.2:22122"} or {@code "[fe80::1]:22122"}. */
    public String text() {
        return text(ip, port);
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return Wire.bytes(text()).length;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putString(out, text());
    }

    public static NextLeaderRequest decode(ByteBuffer body, Command command) {
        String name = command.name();
        if (body.remaining() > MAX_SIZE) {
            throw ProtocolException.invalid(name + " body of " + body.remaining() + " bytes exceeds " + MAX_SIZE);
        }
        String text = Wire.getRest(body);
        String ip;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                throw ProtocolException.invalid(name + " address '" + text + "' is not [ipv6]:port");
            }
            ip = text.substring(1, close);
            port = text.substring(close + 2);
        } else {
            int colon = text.indexOf(':');
            if (colon <= 0 || text.indexOf(':', colon + 1) >= 0) {
                throw ProtocolException.invalid(name + " address '" + text + "' is not ip:port");
            }
            ip = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        if (ip.isEmpty() || ip.indexOf('\0') >= 0 || ip.indexOf('[') >= 0 || ip.indexOf(']') >= 0
                || !port.matches("[0-9]{1,5}")
                || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw ProtocolException.invalid(name + " address '" + text + "' has an empty IP or a bad port");
        }
        return new NextLeaderRequest(command, ip, Integer.parseInt(port));
    }
}
