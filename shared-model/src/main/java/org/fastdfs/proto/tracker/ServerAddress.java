package org.fastdfs.proto.tracker;

import org.fastdfs.proto.ProtocolException;

/**
 * A storage or tracker address: IP text and port. As text (GET_STATUS, GET_SERVER_ID, GET_LEADER,
 * PROTOCOL.md §2.8, §2.9) it reads {@code ip:port}, {@code [ipv6]:port}, or the bare IP of the
 * classic requests; port 0 stands for "no port" and the empty IP for "the requester's own address".
 *
 * @param ip   IP address text, at most 45 characters (IPv6); may be empty only in lookups
 * @param port TCP port, or 0 when the text carries none
 */
public record ServerAddress(String ip, int port) {

    public ServerAddress {
        Fields.checkText(ip, "IP address", 0, Fields.MAX_IP_LENGTH);
        Fields.checkPort(port, "port");
    }

    /** No address: the classic requests that mean "the requester's own IP". */
    public static final ServerAddress NONE = new ServerAddress("", 0);

    /** {@code ip:port} ({@code [ip]:port} for IPv6), the bare IP when port is 0, or "" for {@link #NONE}. */
    public String format() {
        if (port == 0) {
            return ip;
        }
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
    }

    /**
     * Parses what {@link #format} writes. "" gives {@link #NONE} unless a port is required; a text
     * with several colons and no brackets is a bare IPv6 address.
     */
    public static ServerAddress parse(String text, boolean portRequired, String what) {
        if (text.isEmpty()) {
            if (portRequired) {
                throw ProtocolException.invalid(what + " is empty, expected ip:port");
            }
            return NONE;
        }
        String host;
        String portText = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw ProtocolException.invalid(what + " '" + text + "' has no closing ']'");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (rest.charAt(0) != ':') {
                    throw ProtocolException.invalid(what + " '" + text + "' has text after ']' that is not :port");
                }
                portText = rest.substring(1);
            }
        } else {
            int colon = text.indexOf(':');
            if (colon >= 0 && colon == text.lastIndexOf(':')) {
                host = text.substring(0, colon);
                portText = text.substring(colon + 1);
            } else {
                host = text;
            }
        }
        if (host.isEmpty() || host.length() > Fields.MAX_IP_LENGTH || host.indexOf('\0') >= 0) {
            throw ProtocolException.invalid(what + " '" + text + "' has no usable IP address");
        }
        if (portText == null) {
            if (portRequired) {
                throw ProtocolException.invalid(what + " '" + text + "' has no port");
            }
            return new ServerAddress(host, 0);
        }
        return new ServerAddress(host, parsePort(portText, what + " '" + text + "'"));
    }

    /** A decimal port 1..65535, digits only. */
    static int parsePort(String text, String what) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ProtocolException.invalid(what + ": port '" + text + "' is not a number");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 0xFFFF) {
            throw ProtocolException.invalid(what + ": port " + port + " is outside 1..65535");
        }
        return port;
    }
}
