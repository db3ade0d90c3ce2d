package org.fastdfs.io;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Timeouts for blocking sockets without a read timeout: a shared daemon thread closes every guarded
 * connection whose current exchange has been silent for longer than its timeout, which ends the
 * blocked read or write with an {@link IOException}.
 *
 * <p>Why not {@code SO_TIMEOUT}: the JDK serves a read with a timeout on a non-blocking descriptor, so
 * every reply costs a failed {@code read}, a {@code poll} and a second {@code read} (and a
 * {@code Socket} connected with a timeout stays that way). A blocking {@code SocketChannel} reads a
 * reply in one system call; this watchdog costs two volatile writes per blocking call and one scan of
 * the guarded connections every {@value #PERIOD_MS} ms. A timeout therefore fires between its length
 * and {@value #PERIOD_MS} ms later.
 */
public final class SilenceWatchdog {

    /** How often the guarded connections are checked. */
    static final long PERIOD_MS = 50;

    private static final Set<Guard> GUARDS = ConcurrentHashMap.newKeySet();

    private SilenceWatchdog() {
    }

    /**
     * Starts guarding {@code connection}: while a call is {@linkplain Guard#arm() armed} and has
     * been silent for {@code timeout}, the watchdog closes the connection.
     */
    public static Guard guard(Closeable connection, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        Guard g = new Guard(connection, timeout.toNanos());
        Checker.ensureStarted();
        GUARDS.add(g);
        return g;
    }

    /** Closes the connections that are overdue; the checker's body, visible for tests. */
    static void closeOverdue(long now) {
        for (Guard g : GUARDS) {
            long d = g.deadline;
            if (d != 0 && now - d > 0) {
                g.fire(d);
            }
        }
    }

    /** Guards currently registered (tests). */
    static int guarded() {
        return GUARDS.size();
    }

    /**
     * One guarded connection. {@link #arm()} before a blocking read or write (again for each piece
     * of a long transfer: the timeout is for silence, not for the whole exchange), {@link #disarm()}
     * after; {@link #close()} when the connection is closed.
     */
    public static final class Guard implements AutoCloseable {
        private final Closeable connection;
        private final long timeoutNanos;
        /** {@link System#nanoTime()} after which the connection is closed; 0 while disarmed. */
        private volatile long deadline;
        private volatile boolean fired;

        private Guard(Closeable connection, long timeoutNanos) {
            this.connection = connection;
            this.timeoutNanos = timeoutNanos;
        }

        /** The current call must make progress within the timeout from now. */
        public void arm() {
            long d = System.nanoTime() + timeoutNanos;
            deadline = d == 0 ? 1 : d;
        }

        public void disarm() {
            deadline = 0;
        }

        /** True once the watchdog closed the connection. */
        public boolean fired() {
            return fired;
        }

        public long timeoutMillis() {
            return TimeUnit.NANOSECONDS.toMillis(timeoutNanos);
        }

        /**
         * What a failed call should throw: {@code failure} itself, or, when the watchdog closed the
         * connection, a {@link SocketTimeoutException} that says so and carries it as the cause.
         */
        public IOException explain(IOException failure) {
            if (!fired || failure instanceof SocketTimeoutException) {
                return failure;
            }
            SocketTimeoutException t = new SocketTimeoutException("no answer within " + timeoutMillis() + " ms");
            t.initCause(failure);
            return t;
        }

        private void fire(long overdue) {
            if (deadline != overdue) {
                return; // the call ended (or made progress) just now
            }
            fired = true;
            close();
            try {
                connection.close();
            } catch (IOException ignored) {
                // it is closed as far as anyone can tell
            }
        }

        /** {@code in} with every read armed, and a failure the watchdog caused reported as a timeout. */
        public InputStream input(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    arm();
                    try {
                        return super.read();
                    } catch (IOException e) {
                        throw explain(e);
                    } finally {
                        disarm();
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    arm();
                    try {
                        return in.read(b, off, len);
                    } catch (IOException e) {
                        throw explain(e);
                    } finally {
                        disarm();
                    }
                }

                @Override
                public long skip(long n) throws IOException {
                    arm();
                    try {
                        return in.skip(n);
                    } catch (IOException e) {
                        throw explain(e);
                    } finally {
                        disarm();
                    }
                }
            };
        }

        /** {@code out} with every write and flush armed, and a failure the watchdog caused reported as a timeout. */
        public OutputStream output(OutputStream out) {
            return new FilterOutputStream(out) {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    arm();
                    try {
                        out.write(b, off, len);
                    } catch (IOException e) {
                        throw explain(e);
                    } finally {
                        disarm();
                    }
                }

                @Override
                public void flush() throws IOException {
                    arm();
                    try {
                        out.flush();
                    } catch (IOException e) {
                        throw explain(e);
                    } finally {
                        disarm();
                    }
                }
            };
        }

        /** Stops guarding (the connection is being closed). */
        @Override
        public void close() {
            deadline = 0;
            GUARDS.remove(this);
        }
    }

    /** The daemon thread, started with the first guard. */
    private static final class Checker {
        static {
            Thread t = new Thread(Checker::run, "fdfs-silence-watchdog");
            t.setDaemon(true);
            t.start();
        }

        static void ensureStarted() {
            // loading the class starts the thread once
        }

        private static void run() {
            while (true) {
                try {
                    Thread.sleep(PERIOD_MS);
                    closeOverdue(System.nanoTime());
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a connection's close failed strangely: keep guarding the others
                }
            }
        }
    }
}
