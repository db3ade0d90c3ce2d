package org.fastdfs.storage.handler;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

/**
 * The Linux system calls behind {@link CachedReads}, through {@code java.lang.foreign} (JDK 22+; this class
 * is in the jar's {@code META-INF/versions/22} and absent on older JDKs). Each call either completes from
 * memory or fails with EAGAIN: the path is resolved from the dentry cache alone ({@code openat2} with
 * {@code RESOLVE_CACHED}, Linux 5.12+), the bytes come from the page cache alone ({@code preadv2} with
 * {@code RWF_NOWAIT}), and {@code O_NOATIME} keeps the read from dirtying the inode.
 *
 * <p>Results follow the kernel's convention: a non-negative value, or minus the errno. The types are the
 * JDK's only, so that the caller can bind these methods from whichever class loader finds the class.
 * Linux on x86_64 and aarch64 only (the flag values and the syscall number are those of both).
 * Each calling thread keeps a small native scratch area for the arguments.
 */
public final class NoWaitFileCalls {

    private static final long SYS_OPENAT2 = 437;
    private static final long AT_FDCWD = -100;
    private static final long O_CLOEXEC = 0x80000;
    private static final long O_NOATIME = 0x40000;
    private static final long RESOLVE_CACHED = 0x20;
    private static final int AT_EMPTY_PATH = 0x1000;
    private static final int STATX_TYPE = 0x1;
    private static final int STATX_SIZE = 0x200;
    private static final int S_IFMT = 0xF000;
    private static final int S_IFREG = 0x8000;
    private static final int RWF_NOWAIT = 0x8;
    private static final int EISDIR = 21;
    private static final int ENAMETOOLONG = 36;
    private static final int PATH_MAX = 4096;
    private static final int STATX_SIZE_OF = 256;

    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle SYSCALL;
    private static final MethodHandle STATX;
    private static final MethodHandle PREADV2;
    private static final MethodHandle CLOSE;

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        Linker.Option errno = Linker.Option.captureCallState("errno");
        // syscall(long number, ...): openat2 has no glibc wrapper before 2.40
        SYSCALL = linker.downcallHandle(libc.find("syscall").orElseThrow(),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG),
                errno, Linker.Option.firstVariadicArg(1));
        STATX = linker.downcallHandle(libc.find("statx").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), errno);
        PREADV2 = linker.downcallHandle(libc.find("preadv2").orElseThrow(),
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, JAVA_INT), errno);
        CLOSE = linker.downcallHandle(libc.find("close").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    /** A thread's argument area: errno capture, open_how, statx buffer, one iovec, a path. */
    private static final class Scratch {
        final MemorySegment errno;
        final MemorySegment how;
        final MemorySegment statx;
        final MemorySegment iovec;
        final MemorySegment path;

        Scratch() {
            Arena arena = Arena.ofAuto();
            errno = arena.allocate(CAPTURE);
            how = arena.allocate(24, 8);
            statx = arena.allocate(STATX_SIZE_OF, 8);
            iovec = arena.allocate(16, 8);
            path = arena.allocate(PATH_MAX, 8);
        }

        int errno() {
            return (int) ERRNO.get(errno, 0L);
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private NoWaitFileCalls() {
    }

    /**
     * Opens {@code path} (its bytes, without the terminating NUL) read-only, resolving it from the dentry
     * cache alone: the descriptor, or -EAGAIN when a component would have to be read from disk.
     */
    public static int openCached(byte[] path) {
        if (path.length >= PATH_MAX) {
            return -ENAMETOOLONG;
        }
        Scratch s = SCRATCH.get();
        MemorySegment.copy(path, 0, s.path, JAVA_BYTE, 0, path.length);
        s.path.set(JAVA_BYTE, path.length, (byte) 0);
        s.how.set(JAVA_LONG, 0, O_CLOEXEC | O_NOATIME);
        s.how.set(JAVA_LONG, 8, 0L);
        s.how.set(JAVA_LONG, 16, RESOLVE_CACHED);
        try {
            long fd = (long) SYSCALL.invokeExact(s.errno, SYS_OPENAT2, AT_FDCWD, s.path, s.how, 24L);
            return fd < 0 ? -s.errno() : (int) fd;
        } catch (Throwable e) {
            throw new IllegalStateException("openat2 failed", e);
        }
    }

    /** The size of the open file {@code fd}: its byte count, -EISDIR if it is not a regular file, or -errno. */
    public static long regularFileSize(int fd) {
        Scratch s = SCRATCH.get();
        s.path.set(JAVA_BYTE, 0, (byte) 0);
        try {
            int rc = (int) STATX.invokeExact(s.errno, fd, s.path, AT_EMPTY_PATH, STATX_TYPE | STATX_SIZE, s.statx);
            if (rc < 0) {
                return -s.errno();
            }
        } catch (Throwable e) {
            throw new IllegalStateException("statx failed", e);
        }
        int mode = Short.toUnsignedInt(s.statx.get(JAVA_SHORT, 28));
        return (mode & S_IFMT) == S_IFREG ? s.statx.get(JAVA_LONG, 40) : -EISDIR;
    }

    /**
     * Reads into the remaining space of the direct buffer {@code target} from {@code offset}, from the page
     * cache only: the bytes read (fewer when only a part is cached, 0 at the end of the file), -EAGAIN when
     * none is cached, or -errno. The buffer's position is not moved.
     */
    public static long readNoWait(int fd, ByteBuffer target, long offset) {
        Scratch s = SCRATCH.get();
        MemorySegment into = MemorySegment.ofBuffer(target);
        s.iovec.set(ADDRESS, 0, into);
        s.iovec.set(JAVA_LONG, 8, into.byteSize());
        try {
            long n = (long) PREADV2.invokeExact(s.errno, fd, s.iovec, 1, offset, RWF_NOWAIT);
            return n < 0 ? -s.errno() : n;
        } catch (Throwable e) {
            throw new IllegalStateException("preadv2 failed", e);
        }
    }

    /** Closes {@code fd}: 0 or -1 (a read-only descriptor has nothing to flush). */
    public static int close(int fd) {
        try {
            return (int) CLOSE.invokeExact(fd);
        } catch (Throwable e) {
            throw new IllegalStateException("close failed", e);
        }
    }
}
