package org.fastdfs.proto;

import java.util.Locale;

/**
 * Which generation of FastDFS layouts a listener speaks (PROTOCOL.md §11). Data-path commands are
 * the same in both; list-groups, list-storages, fetch-all, JOIN, the storage brief and the IP width
 * differ.
 *
 * @param kind   {@code CLASSIC} (FastDFS &lt;= 6.10: tobato 1.27.x, fastdfs-client-java &lt;= 1.30,
 *               old C/PHP clients) or {@code CURRENT} (6.13.1+ / 6.16)
 * @param ipSize width of the IP field in tracker answers to clients: 16, or 46 for IPv6
 *               ({@code response_ip_addr_size}); query answers use {@code ipSize - 1}
 */
public record WireProfile(Kind kind, int ipSize) {

    public enum Kind { CLASSIC, CURRENT }

    public static final WireProfile CLASSIC = new WireProfile(Kind.CLASSIC, 16);
    public static final WireProfile CURRENT = new WireProfile(Kind.CURRENT, 16);
    public static final WireProfile CURRENT_IPV6 = new WireProfile(Kind.CURRENT, 46);

    public WireProfile {
        if (ipSize != 16 && ipSize != 46) {
            throw new IllegalArgumentException("IP field width must be 16 or 46, not " + ipSize);
        }
        if (kind == Kind.CLASSIC && ipSize != 16) {
            throw new IllegalArgumentException("the classic profile has 16-byte IP fields");
        }
    }

    public boolean isClassic() {
        return kind == Kind.CLASSIC;
    }

    /** Width of the IP field in query-store / query-fetch answers (15 or 45). */
    public int queryIpSize() {
        return ipSize - 1;
    }

    /**
     * Width of IP fields in server-to-server structs (JOIN, storage brief, IP-changed report):
     * IP_ADDRESS_SIZE, 16 in classic and 46 since 6.11.
     */
    public int serverIpSize() {
        return isClassic() ? 16 : 46;
    }

    /** Width of the version string in stat structs and JOIN: 6 in classic, 8 since 6.12. */
    public int versionSize() {
        return isClassic() ? 6 : 8;
    }

    /** Parses {@code classic}, {@code current} or {@code current-ipv6} (case-insensitive). */
    public static WireProfile parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "classic" -> CLASSIC;
            case "current" -> CURRENT;
            case "current-ipv6", "current_ipv6", "ipv6" -> CURRENT_IPV6;
            default -> throw new IllegalArgumentException(
                    "unknown wire profile '" + text + "': expected classic, current or current-ipv6");
        };
    }

    @Override
    public String toString() {
        return isClassic() ? "classic" : ipSize == 16 ? "current" : "current-ipv6";
    }
}
