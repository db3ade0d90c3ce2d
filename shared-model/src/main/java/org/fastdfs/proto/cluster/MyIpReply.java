package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import java.util.List;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_GET_MY_IP (60) reply, PROTOCOL.md §4.2: the storage's IP(s) as text, no terminator; two IPs
 * (dual-IP entry in storage_ids.conf) are comma-separated. The storage reads at most 255 bytes.
 *
 * @param ips one or two IP addresses, in the order the tracker lists them
 */
public record MyIpReply(List<String> ips) implements WireMessage {

    /** Longest reply the C storage accepts (its buffer is 256 bytes with a NUL). */
    public static final int MAX_LENGTH = 255;

    public MyIpReply {
        ips = List.copyOf(ips);
        if (ips.isEmpty()) {
            throw new IllegalArgumentException("at least one IP is needed");
        }
        for (String ip : ips) {
            if (ip.isEmpty() || ip.indexOf(',') >= 0) {
                throw new IllegalArgumentException("bad IP '" + ip + "'");
            }
        }
        if (Wire.bytes(String.join(",", ips)).length > MAX_LENGTH) {
            throw new IllegalArgumentException("IP list longer than " + MAX_LENGTH + " bytes");
        }
    }

    public static MyIpReply of(String... ips) {
        return new MyIpReply(List.of(ips));
    }

    /** The text on the wire, e.g. {@code "10.0.0.5,192.168.1.5"}. */
    public String text() {
        return String.join(",", ips);
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return Wire.bytes(text()).length;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putString(out, text());
    }

    public static MyIpReply decode(ByteBuffer body) {
        if (body.remaining() == 0 || body.remaining() > MAX_LENGTH) {
            throw ProtocolException.invalid("GET_MY_IP reply of " + body.remaining() + " bytes: expected 1.."
                    + MAX_LENGTH + " bytes of IP text");
        }
        String text = Wire.getRest(body);
        String[] parts = text.split(",", -1);
        for (String p : parts) {
            if (p.isEmpty() || p.indexOf('\0') >= 0) {
                throw ProtocolException.invalid("GET_MY_IP reply '" + text + "' has an empty or NUL-holding IP");
            }
        }
        return new MyIpReply(List.of(parts));
    }
}
