package org.fastdfs.storage.handler;

import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.fastdfs.proto.Header;
import org.jboss.logging.Logger;

/**
 * Small downloads answered on the event loop when the kernel confirms, call by call, that it needs no
 * disk for them: the path resolves from the dentry cache alone and every byte is in the page cache. A
 * download that would wait on the disk, or that is anything but a plain small read of a regular file
 * (missing, a directory, a range past the end, an error of any kind), is left to the reader workers,
 * which answer it as before. The event loop never waits on the disk either way; it saves the two thread
 * hand-offs of a reader for the files an online service reads most, the ones in memory.
 *
 * <p>The system calls ({@code openat2} with {@code RESOLVE_CACHED}, {@code statx}, {@code preadv2} with
 * {@code RWF_NOWAIT}) come from {@code NoWaitFileCalls}, which needs a JDK 22 or later (it is in the
 * jar's {@code META-INF/versions/22}), Linux 5.12 or later on x86_64 or aarch64, and native access
 * ({@code --enable-native-access=ALL-UNNAMED}, set in the runner jar's manifest). Without them, or where
 * the kernel refuses the calls (an older kernel, a seccomp filter, a file system without non-blocking
 * reads), every download goes to the readers; the start log says which.
 */
final class CachedReads {

    private static final Logger LOG = Logger.getLogger(CachedReads.class);

    static final int EPERM = 1;
    static final int EAGAIN = 11;
    static final int EINVAL = 22;
    static final int ENOSYS = 38;
    static final int EOPNOTSUPP = 95;

    /** The system calls, each returning a count or descriptor, or minus the errno. */
    interface Calls {
        /** Opens read-only from the dentry cache alone (-EAGAIN otherwise). */
        int open(byte[] path);

        /** The size of a regular file, or a negative errno (also for any other kind of file). */
        long size(int fd);

        /** Reads into {@code target}'s remaining space from the page cache alone (-EAGAIN otherwise). */
        long read(int fd, ByteBuffer target, long offset);

        void close(int fd);
    }

    private final Calls calls;
    private volatile boolean enabled;
    private final LongAdder onLoop = new LongAdder();
    private final LongAdder toReaders = new LongAdder();

    CachedReads(Calls calls) {
        this.calls = calls;
        this.enabled = calls != null;
    }

    /** Reads through this JVM's system calls where it has them (see the class comment), else never. */
    static CachedReads system() {
        Calls calls = SystemCalls.load();
        if (calls != null) {
            LOG.info("small downloads are read on the event loop when the kernel has them in memory"
                    + " (openat2 RESOLVE_CACHED, preadv2 RWF_NOWAIT), else on the disk readers");
        }
        return new CachedReads(calls);
    }

    boolean enabled() {
        return enabled;
    }

    /** Downloads answered on the event loop so far. */
    long readOnLoop() {
        return onLoop.sum();
    }

    /** Downloads this class handed to the readers so far (not cached, not small, not a plain file...). */
    long leftToReaders() {
        return toReaders.sum();
    }

    /**
     * The response frame (header and content) for {@code length} bytes of {@code file} from {@code offset}
     * (length 0: up to the end), or {@code null} when the readers must answer: not everything in memory,
     * not a regular file, a range past the end, empty or over {@code maxLength} bytes, or any error.
     */
    ByteBuf frame(Path file, long offset, long length, int maxLength) {
        if (!enabled) {
            return null;
        }
        ByteBuf frame = tryFrame(file, offset, length, maxLength);
        (frame != null ? onLoop : toReaders).increment();
        return frame;
    }

    private ByteBuf tryFrame(Path file, long offset, long length, int maxLength) {
        byte[] name = ascii(file.toString());
        if (name == null) {
            return null;
        }
        int fd = calls.open(name);
        if (fd < 0) {
            if (fd == -ENOSYS || fd == -EINVAL) {
                disable("openat2 with RESOLVE_CACHED is refused (errno " + -fd + "; Linux 5.12 or later needed)");
            }
            return null;
        }
        try {
            long size = calls.size(fd);
            if (size < 0 || offset > size) {
                return null;
            }
            long count = DownloadHandler.range(offset, length, size)[1];
            if (count == 0 || count > maxLength) {
                return null;
            }
            return read(fd, offset, (int) count);
        } finally {
            calls.close(fd);
        }
    }

    private ByteBuf read(int fd, long offset, int count) {
        ByteBuf buf = DownloadHandler.okFrame(count);
        long n;
        try {
            n = calls.read(fd, buf.nioBuffer(Header.SIZE, count), offset);
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
        if (n != count) {
            // -EAGAIN: not in memory; fewer bytes: partly cached, or the file shrank; the readers know
            buf.release();
            if (n == -EOPNOTSUPP) {
                disable("the file system does not support non-blocking reads (preadv2 RWF_NOWAIT)");
            }
            return null;
        }
        return buf;
    }

    private void disable(String why) {
        if (enabled) {
            enabled = false;
            LOG.infof("small downloads go to the disk readers from now on: %s", why);
        }
    }

    /** The path's bytes if it is plain ASCII (the same in any file-name encoding), else null. */
    static byte[] ascii(String path) {
        byte[] bytes = new byte[path.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = path.charAt(i);
            if (c == 0 || c >= 0x80) {
                return null;
            }
            bytes[i] = (byte) c;
        }
        return bytes;
    }

    /** {@link Calls} bound to {@code NoWaitFileCalls}, where this JVM and system have it. */
    private record SystemCalls(MethodHandle open, MethodHandle size, MethodHandle read, MethodHandle close)
            implements Calls {

        private static final String CLASS = "org.fastdfs.storage.handler.NoWaitFileCalls";

        static Calls load() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch", "");
            if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"))) {
                LOG.infof("small downloads are read on the disk readers (no non-blocking reads on %s %s)", os, arch);
                return null;
            }
            if (System.getProperty("org.graalvm.nativeimage.imagecode") != null) {
                LOG.info("small downloads are read on the disk readers (native image: no foreign calls configured)");
                return null;
            }
            try {
                Class<?> c = Class.forName(CLASS, true, CachedReads.class.getClassLoader());
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                return new SystemCalls(
                        lookup.findStatic(c, "openCached", MethodType.methodType(int.class, byte[].class)),
                        lookup.findStatic(c, "regularFileSize", MethodType.methodType(long.class, int.class)),
                        lookup.findStatic(c, "readNoWait",
                                MethodType.methodType(long.class, int.class, ByteBuffer.class, long.class)),
                        lookup.findStatic(c, "close", MethodType.methodType(int.class, int.class)));
            } catch (ClassNotFoundException e) {
                int java = Runtime.version().feature();
                LOG.infof("small downloads are read on the disk readers (%s)", java < 22
                        ? "Java " + java + ": non-blocking reads need 22 or later"
                        : "this build has no foreign calls: it was built on a JDK 21");
                return null;
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.infof("small downloads are read on the disk readers (foreign calls unavailable: %s)", e);
                return null;
            }
        }

        @Override
        public int open(byte[] path) {
            try {
                return (int) open.invokeExact(path);
            } catch (Throwable e) {
                throw rethrow(e);
            }
        }

        @Override
        public long size(int fd) {
            try {
                return (long) size.invokeExact(fd);
            } catch (Throwable e) {
                throw rethrow(e);
            }
        }

        @Override
        public long read(int fd, ByteBuffer target, long offset) {
            try {
                return (long) read.invokeExact(fd, target, offset);
            } catch (Throwable e) {
                throw rethrow(e);
            }
        }

        @Override
        public void close(int fd) {
            try {
                int ignored = (int) close.invokeExact(fd);
            } catch (Throwable e) {
                throw rethrow(e);
            }
        }

        private static RuntimeException rethrow(Throwable e) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e);
        }
    }
}
