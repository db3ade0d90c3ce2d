package org.fastdfs.storage.store;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks by remote file name: the read-modify-write steps on one file (append, modify, truncate,
 * rename, delete, metadata) run one at a time, on worker threads only. Two names may share a stripe;
 * that only costs a little parallelism. Never held across event-loop callbacks.
 */
public final class FileLocks {

    /** Work done while holding a lock. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException;
    }

    private final ReentrantLock[] stripes;

    public FileLocks(int stripes) {
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    /** Runs {@code work} holding the lock of {@code remoteFilename}. */
    public <T> T with(String remoteFilename, Work<T> work) throws IOException {
        ReentrantLock lock = stripes[Math.floorMod(remoteFilename.hashCode(), stripes.length)];
        lock.lock();
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }
}
