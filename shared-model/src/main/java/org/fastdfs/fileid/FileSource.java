package org.fastdfs.fileid;

/**
 * The source storage recorded in the first 4 bytes of a file id block (PROTOCOL.md §6.2, §6.6):
 * either an IPv4 address or a numeric server id.
 *
 * <p>{@link #word()} is those 4 bytes read big-endian. An IPv4 address is stored in dotted order
 * (192.168.1.10 → {@code C0 A8 01 0A}); a server id is stored little-endian (100001 →
 * {@code A1 86 01 00}), which is what the C code produces on x86 hosts.
 *
 * <p>Decoding ({@link #fromWord}) follows the C rule: read the bytes little-endian as a signed
 * int v; if {@code 1 <= v <= 16777215} it is a server id, otherwise an IPv4 address. So an IPv4
 * address whose last octet is 0 ({@code 10.0.0.0}, {@code 192.168.1.0}) comes back as a server id:
 * a FastDFS quirk that we reproduce on purpose (PROTOCOL.md §10.7).
 */
public sealed interface FileSource permits FileSource.Ipv4, FileSource.ServerId {

    /** FDFS_MAX_SERVER_ID: 2^24 - 1. */
    int MAX_SERVER_ID = (1 << 24) - 1;

    /** The 4 bytes at offset 0 of the block, read big-endian. */
    int word();

    /** The dotted IPv4 text, or the server id in decimal (the storage id text). */
    String text();

    /** Decodes the 4 source bytes (read big-endian) with the C rule. */
    static FileSource fromWord(int word) {
        int v = Integer.reverseBytes(word);
        if (v >= 1 && v <= MAX_SERVER_ID) {
            return new ServerId(v);
        }
        return new Ipv4(word);
    }

    /** An IPv4 source from dotted text ("192.168.1.10"). */
    static Ipv4 ip(String dotted) {
        return Ipv4.parse(dotted);
    }

    /** A server-id source (1..16777215). */
    static ServerId serverId(int id) {
        return new ServerId(id);
    }

    /** An IPv4 address; {@code address} holds the octets big-endian (192.168.1.10 = 0xC0A8010A). */
    record Ipv4(int address) implements FileSource {

        /** Parses strict dotted-quad text: four decimal numbers 0..255. */
        public static Ipv4 parse(String dotted) {
            String[] parts = dotted.split("\\.", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("not an IPv4 address: \"" + dotted + "\"");
            }
            int address = 0;
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new IllegalArgumentException("not an IPv4 address: \"" + dotted + "\"");
                }
                int octet = Integer.parseInt(p);
                if (octet > 255) {
                    throw new IllegalArgumentException("not an IPv4 address: \"" + dotted + "\"");
                }
                address = (address << 8) | octet;
            }
            return new Ipv4(address);
        }

        @Override
        public int word() {
            return address;
        }

        @Override
        public String text() {
            return ((address >>> 24) & 0xFF) + "." + ((address >>> 16) & 0xFF) + "."
                    + ((address >>> 8) & 0xFF) + "." + (address & 0xFF);
        }

        @Override
        public String toString() {
            return "Ipv4[" + text() + "]";
        }
    }

    /** A numeric server id from storage_ids.conf, 1..16777215. */
    record ServerId(int id) implements FileSource {

        public ServerId {
            if (id < 1 || id > MAX_SERVER_ID) {
                throw new IllegalArgumentException("server id " + id + " is outside 1.." + MAX_SERVER_ID);
            }
        }

        /** Little-endian in the block: 100001 (0x0186A1) is stored as A1 86 01 00. */
        @Override
        public int word() {
            return Integer.reverseBytes(id);
        }

        @Override
        public String text() {
            return Integer.toString(id);
        }
    }
}
