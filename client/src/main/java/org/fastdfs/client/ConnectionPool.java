package org.fastdfs.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.fastdfs.proto.Status;

/**
 * Connections per server address, bounded and reused.
 *
 * <ul>
 *   <li>At most {@link ClientConfig#maxConnectionsPerServer()} connections to one address exist at
 *       once; a caller waits up to {@link ClientConfig#borrowTimeout()} for one to come back.</li>
 *   <li>Idle connections are reused newest first. One idle longer than
 *       {@link ClientConfig#activeTestAfter()} is checked with ACTIVE_TEST first and replaced if the
 *       check fails; ones idle longer than {@link ClientConfig#idleTimeout()} are closed (checked
 *       whenever the pool is used, no background thread).</li>
 *   <li>A connection comes back reusable only after a successful exchange or a FastDFS error status
 *       other than EINVAL; network errors, malformed replies, EINVAL (the storage closes) and any
 *       other exception in the middle of an exchange discard it.</li>
 * </ul>
 * Thread-safe.
 */
final class ConnectionPool implements AutoCloseable {

    /** Work done with a borrowed connection. */
    @FunctionalInterface
    interface Call<T> {
        T apply(Connection connection);
    }

    private final ClientConfig config;
    private final Map<Endpoint, Slot> slots = new ConcurrentHashMap<>();
    private final long idleTimeoutNanos;
    private final long activeTestNanos;
    private volatile long lastSweep = System.nanoTime();
    private volatile boolean closed;

    ConnectionPool(ClientConfig config) {
        this.config = config;
        this.idleTimeoutNanos = config.idleTimeout().toNanos();
        this.activeTestNanos = config.activeTestAfter().toNanos();
    }

    /** Runs {@code call} on a connection to {@code endpoint} and returns the connection to the pool. */
    <T> T execute(Endpoint endpoint, Call<T> call) {
        return execute(endpoint, call, borrow(endpoint));
    }

    /**
     * As {@link #execute}, for calls that may safely run twice (tracker queries): when a pooled
     * connection turns out to be dead (the server restarted since it was last used), the idle
     * connections to that server are dropped and the call runs once more on a fresh connection.
     */
    <T> T executeIdempotent(Endpoint endpoint, Call<T> call) {
        Connection c = borrow(endpoint);
        boolean pooled = c.pooled();
        try {
            return execute(endpoint, call, c);
        } catch (FdfsNetworkException e) {
            if (!pooled) {
                throw e;
            }
            Slot slot = slots.get(endpoint);
            if (slot != null) {
                for (Connection stale : slot.removeIdleLongerThan(System.nanoTime(), -1)) {
                    stale.close();
                }
            }
            return execute(endpoint, call, borrow(endpoint));
        }
    }

    private <T> T execute(Endpoint endpoint, Call<T> call, Connection c) {
        boolean reusable = false;
        try {
            T result = call.apply(c);
            reusable = true;
            return result;
        } catch (FdfsNetworkException e) {
            throw e;
        } catch (FdfsException e) {
            reusable = true; // a status reply was read completely; EINVAL marked the connection broken
            throw e;
        } finally {
            release(c, reusable);
        }
    }

    Connection borrow(Endpoint endpoint) {
        if (closed) {
            throw new IllegalStateException("the client is closed");
        }
        sweepIfDue();
        Slot slot = slots.computeIfAbsent(endpoint, e -> new Slot(config.maxConnectionsPerServer()));
        acquire(slot, endpoint);
        try {
            Connection idle;
            while ((idle = slot.pollNewest()) != null) {
                long idleFor = idle.idleNanos(System.nanoTime());
                if (idleFor > idleTimeoutNanos) {
                    idle.close();
                } else if (idleFor > activeTestNanos && !idle.activeTest()) {
                    idle.close();
                } else {
                    return idle;
                }
            }
            return Connection.open(endpoint, config);
        } catch (RuntimeException e) {
            slot.permits.release();
            throw e;
        }
    }

    void release(Connection c, boolean reusable) {
        Slot slot = slots.get(c.endpoint());
        if (reusable && !c.broken() && !closed && slot != null) {
            c.touch();
            slot.offer(c);
        } else {
            c.close();
        }
        if (slot != null) {
            slot.permits.release();
        }
        if (closed) {
            close();
        }
    }

    /** Closes every idle connection that has been idle longer than the idle timeout. */
    void evictIdle() {
        long now = System.nanoTime();
        lastSweep = now;
        for (Slot slot : slots.values()) {
            for (Connection c : slot.removeIdleLongerThan(now, idleTimeoutNanos)) {
                c.close();
            }
        }
    }

    /** Idle connections kept for {@code endpoint} (for tests and monitoring). */
    int idleCount(Endpoint endpoint) {
        Slot slot = slots.get(endpoint);
        return slot == null ? 0 : slot.size();
    }

    private void sweepIfDue() {
        long now = System.nanoTime();
        if (now - lastSweep > Math.max(idleTimeoutNanos / 2, TimeUnit.MILLISECONDS.toNanos(100))) {
            evictIdle();
        }
    }

    private void acquire(Slot slot, Endpoint endpoint) {
        try {
            if (!slot.permits.tryAcquire(config.borrowTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new FdfsNetworkException(endpoint, Status.ETIMEDOUT.code(), "all "
                        + config.maxConnectionsPerServer() + " connections to " + endpoint + " stayed busy for "
                        + config.borrowTimeout().toMillis() + " ms", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FdfsNetworkException(endpoint, Status.EINTR.code(), "interrupted while waiting for a connection to "
                    + endpoint, e);
        }
    }

    /** Closes the idle connections (sending QUIT) and every connection returned from now on. */
    @Override
    public void close() {
        closed = true;
        for (Slot slot : slots.values()) {
            Connection c;
            while ((c = slot.pollNewest()) != null) {
                c.quitAndClose();
            }
        }
    }

    /** The connections of one address: a permit per connection that may exist, and the idle ones. */
    private static final class Slot {
        final Semaphore permits;
        private final Deque<Connection> idle = new ArrayDeque<>();

        Slot(int max) {
            permits = new Semaphore(max, true);
        }

        synchronized Connection pollNewest() {
            return idle.pollFirst();
        }

        synchronized void offer(Connection c) {
            idle.addFirst(c);
        }

        synchronized int size() {
            return idle.size();
        }

        synchronized List<Connection> removeIdleLongerThan(long now, long limit) {
            List<Connection> out = new ArrayList<>();
            for (Iterator<Connection> it = idle.descendingIterator(); it.hasNext(); ) {
                Connection c = it.next();
                if (c.idleNanos(now) > limit) {
                    it.remove();
                    out.add(c);
                }
            }
            return out;
        }
    }
}
