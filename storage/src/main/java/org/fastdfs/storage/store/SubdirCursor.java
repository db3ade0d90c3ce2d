package org.fastdfs.storage.store;

import java.nio.charset.StandardCharsets;

/**
 * Chooses the {@code data/HH/LL} directory of a new file (PROTOCOL.md §6.5, storage_get_store_path).
 *
 * <ul>
 *   <li>Round robin ({@code file_distribute_path_mode=0}): every file takes the current (high, low);
 *       after {@code rotateCount} files low moves on, wrapping into high, which wraps to 0. The cursor
 *       ({@code dist_path_index_high}, {@code dist_path_index_low}, {@code dist_write_file_count}) is
 *       persisted in storage_stat.dat.</li>
 *   <li>Random ({@code =1}): the PJW hash of the 27-character block text, mod 65536, gives
 *       high = (n &gt;&gt; 8) % count and low = (n &amp; 0xFF) % count.</li>
 * </ul>
 * Thread-safe.
 */
public final class SubdirCursor {

    public static final int ROUND_ROBIN = 0;
    public static final int RANDOM = 1;

    private final int mode;
    private final int rotateCount;
    private final int subdirCount;
    private int high;
    private int low;
    private int writeCount;

    public SubdirCursor(int mode, int rotateCount, int subdirCount) {
        if (mode != ROUND_ROBIN && mode != RANDOM) {
            throw new IllegalArgumentException("file_distribute_path_mode must be 0 or 1, not " + mode);
        }
        if (rotateCount < 1) {
            throw new IllegalArgumentException("file_distribute_rotate_count must be positive, not " + rotateCount);
        }
        this.mode = mode;
        this.rotateCount = rotateCount;
        this.subdirCount = subdirCount;
    }

    public boolean roundRobin() {
        return mode == ROUND_ROBIN;
    }

    /** Round robin: the directory for the next file, {high, low}; advances the cursor. */
    public synchronized int[] next() {
        int[] dir = {high, low};
        if (++writeCount >= rotateCount) {
            writeCount = 0;
            if (++low >= subdirCount) {
                low = 0;
                if (++high >= subdirCount) {
                    high = 0;
                }
            }
        }
        return dir;
    }

    /** Random mode: the directory for a file whose name starts with {@code blockText}, {high, low}. */
    public int[] forName(String blockText) {
        int n = pjwHash(blockText.getBytes(StandardCharsets.ISO_8859_1)) % (1 << 16);
        return new int[] {((n >> 8) & 0xFF) % subdirCount, (n & 0xFF) % subdirCount};
    }

    /** The persisted state: {dist_path_index_high, dist_path_index_low, dist_write_file_count}. */
    public synchronized int[] state() {
        return new int[] {high, low, writeCount};
    }

    /** Restores a persisted state; out-of-range values (e.g. after subdir_count changed) restart at 0. */
    public synchronized void restore(int high, int low, int writeCount) {
        boolean ok = high >= 0 && high < subdirCount && low >= 0 && low < subdirCount;
        this.high = ok ? high : 0;
        this.low = ok ? low : 0;
        this.writeCount = ok && writeCount >= 0 && writeCount < rotateCount ? writeCount : 0;
    }

    /** libfastcommon's PJWHash (32-bit int arithmetic, as in C); never negative. */
    static int pjwHash(byte[] key) {
        int hash = 0;
        for (byte b : key) {
            hash = (hash << 4) + (b & 0xFF);
            int test = hash & 0xF0000000;
            if (test != 0) {
                hash = (hash ^ (test >> 24)) & ~0xF0000000;
            }
        }
        return hash;
    }
}
