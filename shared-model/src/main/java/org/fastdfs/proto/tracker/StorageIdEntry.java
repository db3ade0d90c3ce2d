package org.fastdfs.proto.tracker;

import java.util.ArrayList;
import java.util.List;
import org.fastdfs.proto.ProtocolException;

/**
 * One line of the FETCH_STORAGE_IDS reply (69), PROTOCOL.md §2.9, i.e. one storage_ids.conf entry:
 * {@code <id> <group> <ip>[:<port>][ rw=<none|read|write>]}. Dual IPs are joined with a comma, and
 * IPv6 addresses sit in brackets: {@code 100001 group1 [fe80::1,fe80::2]:23000}.
 *
 * @param id     storage id
 * @param group  group name
 * @param ips    one or two IP addresses
 * @param port   port, or 0 when the line has none
 * @param rwMode "both" when the line has no rw= option, else "none", "read" or "write"
 */
public record StorageIdEntry(String id, String group, List<String> ips, int port, String rwMode) {

    public StorageIdEntry {
        Fields.checkText(id, "storage id", 1, Fields.MAX_STORAGE_ID_LENGTH);
        Fields.checkGroup(group);
        ips = Fields.checkList(ips, "ips");
        if (ips.isEmpty()) {
            throw new IllegalArgumentException("a storage id entry has at least one IP");
        }
        Fields.checkPort(port, "port");
        Fields.checkText(rwMode, "rw mode");
    }

    /** The line without its newline, as the tracker writes it. */
    public String format() {
        String ipText = String.join(",", ips);
        StringBuilder sb = new StringBuilder(id).append(' ').append(group).append(' ');
        boolean ipv6 = ipText.indexOf(':') >= 0;
        sb.append(ipv6 ? "[" + ipText + "]" : ipText);
        if (port > 0) {
            sb.append(':').append(port);
        }
        if (!rwMode.equals("both")) {
            sb.append(" rw=").append(rwMode);
        }
        return sb.toString();
    }

    /** Parses one line (without its newline). */
    public static StorageIdEntry parse(String line) {
        String[] parts = line.split(" ", -1);
        if (parts.length < 3 || parts.length > 4) {
            throw ProtocolException.invalid("storage id line '" + line + "' is not '<id> <group> <ip>[:port] [rw=mode]'");
        }
        String rw = "both";
        if (parts.length == 4) {
            if (!parts[3].startsWith("rw=") || parts[3].length() == 3) {
                throw ProtocolException.invalid("storage id line '" + line + "': option '" + parts[3] + "' is not rw=<mode>");
            }
            rw = parts[3].substring(3);
        }
        String host = parts[2];
        String ipText;
        String portText = null;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0 || (close + 1 < host.length() && host.charAt(close + 1) != ':')) {
                throw ProtocolException.invalid("storage id line '" + line + "': bad bracketed address '" + host + "'");
            }
            ipText = host.substring(1, close);
            portText = close + 1 < host.length() ? host.substring(close + 2) : null;
        } else {
            int colon = host.lastIndexOf(':');
            ipText = colon < 0 ? host : host.substring(0, colon);
            portText = colon < 0 ? null : host.substring(colon + 1);
        }
        List<String> ips = new ArrayList<>(List.of(ipText.split(",", -1)));
        if (ips.stream().anyMatch(String::isEmpty) || parts[0].isEmpty() || parts[1].isEmpty()
                || parts[0].length() > Fields.MAX_STORAGE_ID_LENGTH || parts[1].length() > 16) {
            throw ProtocolException.invalid("storage id line '" + line + "' has an empty or oversized field");
        }
        int port = portText == null ? 0 : ServerAddress.parsePort(portText, "storage id line '" + line + "'");
        return new StorageIdEntry(parts[0], parts[1], ips, port, rw);
    }
}
