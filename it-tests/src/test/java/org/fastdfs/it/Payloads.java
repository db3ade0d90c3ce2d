package org.fastdfs.it;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;

/** Test file contents and the facts the servers report about them. */
public final class Payloads {

    private Payloads() {
    }

    /** {@code size} pseudo-random bytes, the same for the same seed. */
    public static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The CRC32 of {@code b} as the signed 32-bit value FastDFS stores. */
    public static int crc32(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return (int) c.getValue();
    }

    public static byte[] range(byte[] b, long offset, long length) {
        return Arrays.copyOfRange(b, (int) offset, (int) (offset + length));
    }

    /**
     * The slave file name FastDFS derives from a master name (PROTOCOL.md §6.8): the master's name
     * without its extension, then the prefix, then ".ext" (nothing when ext is empty).
     */
    public static String slaveName(String masterRemoteName, String prefix, String ext) {
        int slash = masterRemoteName.lastIndexOf('/');
        int dot = masterRemoteName.lastIndexOf('.');
        String base = dot > slash ? masterRemoteName.substring(0, dot) : masterRemoteName;
        return base + prefix + (ext.isEmpty() ? "" : "." + ext);
    }
}
