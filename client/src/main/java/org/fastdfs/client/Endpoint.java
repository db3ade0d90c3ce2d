package org.fastdfs.client;

import java.util.Objects;

/**
 * A server address: host name or IP text and TCP port. Written {@code host:port}, or
 * {@code [ipv6]:port} for an IPv6 address.
 *
 * @param host host name or IP address text (no brackets)
 * @param port TCP port, 1..65535
 */
public record Endpoint(String host, int port) {

    public Endpoint {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
    }

    /**
     * Parses {@code host:port}, {@code [ipv6]:port}, or a bare host with {@code defaultPort}
     * (0 = a port is required).
     */
    public static Endpoint parse(String text, int defaultPort) {
        String s = text.trim();
        String host;
        String port = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "': missing ']'");
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("'" + text + "': expected :port after ']'");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = s.lastIndexOf(':');
            if (colon >= 0 && colon == s.indexOf(':')) {
                host = s.substring(0, colon);
                port = s.substring(colon + 1);
            } else {
                host = s;
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "': no host");
        }
        if (port == null) {
            if (defaultPort == 0) {
                throw new IllegalArgumentException("'" + text + "': expected host:port");
            }
            return new Endpoint(host, defaultPort);
        }
        try {
            return new Endpoint(host, Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': port '" + port + "' is not a number");
        }
    }

    /** Parses {@code host:port}. */
    public static Endpoint parse(String text) {
        return parse(text, 0);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
