package org.fastdfs.storage.store;

import org.fastdfs.rules.ReservedSpace;
import java.util.Set;
import java.util.function.IntFunction;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;

/**
 * Picks the store path of an upload (PROTOCOL.md §3.2, §7.3; storage_upload_file,
 * storage_get_storage_path_index): the path the client named, unless it is read-only; for index -1 (or a
 * read-only path) the storage chooses, round robin over the writable paths that keep the reserve
 * ({@code store_path=0}), or the writable path with the most free space ({@code store_path=2}). Then
 * the chosen path must keep the reserve after the file: else ENOSPC.
 *
 * <p>The mode and the reserve come from the tracker in FastDFS, so both can be changed at run time.
 * Thread-safe.
 */
public final class StorePathSelector {

    /** FastDFS store_path values. */
    public static final int ROUND_ROBIN = 0;
    public static final int LOAD_BALANCE = 2;

    /** Total and free megabytes of one store path. */
    public record Usage(long totalMb, long freeMb) {
    }

    private final int count;
    private final Set<Integer> readOnly;
    private final IntFunction<Usage> usage;
    private volatile ReservedSpace reserve;
    private volatile int mode = ROUND_ROBIN;
    private int next;

    /**
     * @param count    number of store paths
     * @param readOnly indices of read-only paths
     * @param usage    disk usage of a path (blocking: call on a worker)
     * @param reserve  the reserve to keep
     */
    public StorePathSelector(int count, Set<Integer> readOnly, IntFunction<Usage> usage, ReservedSpace reserve) {
        this.count = count;
        this.readOnly = Set.copyOf(readOnly);
        this.usage = usage;
        this.reserve = reserve;
    }

    public ReservedSpace reserve() {
        return reserve;
    }

    public void setReserve(ReservedSpace reserve) {
        this.reserve = reserve;
    }

    public int mode() {
        return mode;
    }

    /** {@link #ROUND_ROBIN} or {@link #LOAD_BALANCE} (the tracker's store_path). */
    public void setMode(int mode) {
        if (mode != ROUND_ROBIN && mode != LOAD_BALANCE) {
            throw new IllegalArgumentException("store_path mode must be 0 or 2, not " + mode);
        }
        this.mode = mode;
    }

    public boolean isReadOnly(int index) {
        return readOnly.contains(index);
    }

    /** EINVAL unless {@code requested} is -1 or an existing path index; pure, no disk access. */
    public void checkIndex(int requested) {
        if (requested != -1 && (requested < 0 || requested >= count)) {
            throw ProtocolException.invalid("store path index " + requested + " does not exist (this storage has "
                    + count + ")");
        }
    }

    /**
     * The store path for an upload of {@code fileSize} bytes. Blocking (reads disk usage).
     *
     * @throws ProtocolException EINVAL for an index that does not exist, ENOSPC when no path can take it
     */
    public int choose(int requested, long fileSize) {
        checkIndex(requested);
        int index = requested;
        if (index == -1 || isReadOnly(index)) {
            index = mode == LOAD_BALANCE ? mostFree(fileSize) : nextRoundRobin(fileSize);
        }
        if (index < 0) {
            throw new ProtocolException(Status.ENOSPC, "no writable store path keeps the reserved space ("
                    + reserve + ") after " + fileSize + " bytes");
        }
        if (!fits(index, fileSize)) {
            throw new ProtocolException(Status.ENOSPC, "store path " + index + " would fall below the reserved space ("
                    + reserve + ") after " + fileSize + " bytes");
        }
        return index;
    }

    /** Whether path {@code index} keeps the reserve after {@code fileSize} more bytes. Blocking. */
    public boolean fits(int index, long fileSize) {
        Usage u = usage.apply(index);
        return reserve.allows(u.totalMb(), u.freeMb(), count, fileSize);
    }

    private int nextRoundRobin(long fileSize) {
        int start;
        synchronized (this) {
            start = next;
            next = (next + 1) % count;
        }
        for (int i = 0; i < count; i++) {
            int index = (start + i) % count;
            if (!isReadOnly(index) && fits(index, fileSize)) {
                if (i > 0) {
                    synchronized (this) {
                        next = (index + 1) % count;
                    }
                }
                return index;
            }
        }
        return -1;
    }

    private int mostFree(long fileSize) {
        int best = -1;
        long bestFree = -1;
        for (int i = 0; i < count; i++) {
            if (isReadOnly(i)) {
                continue;
            }
            Usage u = usage.apply(i);
            if (u.freeMb() > bestFree && reserve.allows(u.totalMb(), u.freeMb(), count, fileSize)) {
                best = i;
                bestFree = u.freeMb();
            }
        }
        return best;
    }
}
