package org.fastdfs.storage.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fastdfs.proto.Header;
import org.fastdfs.storage.StorageFixtures;
import org.junit.jupiter.api.Test;

/**
 * When a small download is answered on the event loop and when it is left to the readers, with the
 * system calls played by a fake: only a complete read from memory of a regular file's non-empty range
 * gives a frame, every descriptor is closed, and a kernel that refuses the calls turns the path off.
 */
class CachedReadsTest {

    static final Path FILE = Path.of("/data/00/00/file.jpg");
    static final byte[] CONTENT = StorageFixtures.bytes(1000, 3);

    /** A file of {@link #CONTENT} and the errors to play; records what was opened and closed. */
    static final class FakeCalls implements CachedReads.Calls {
        int openResult = 7;
        long sizeResult = CONTENT.length;
        /** Bytes the page cache holds from offset 0 (reads past them: -EAGAIN); -errno to fail. */
        long cached = CONTENT.length;
        final List<String> log = new ArrayList<>();

        @Override
        public int open(byte[] path) {
            log.add("open " + new String(path));
            return openResult;
        }

        @Override
        public long size(int fd) {
            return sizeResult;
        }

        @Override
        public long read(int fd, ByteBuffer target, long offset) {
            if (cached < 0) {
                return cached;
            }
            if (offset >= cached) {
                return offset >= CONTENT.length ? 0 : -CachedReads.EAGAIN;
            }
            int n = (int) Math.min(target.remaining(), cached - offset);
            target.duplicate().put(CONTENT, (int) offset, n);
            return n;
        }

        @Override
        public void close(int fd) {
            log.add("close " + fd);
        }
    }

    static byte[] body(ByteBuf frame) {
        try {
            byte[] all = new byte[frame.readableBytes()];
            frame.getBytes(frame.readerIndex(), all);
            Header header = Header.decode(ByteBuffer.wrap(all, 0, Header.SIZE));
            assertThat(header.isOk()).isTrue();
            assertThat(header.bodyLength()).isEqualTo(all.length - Header.SIZE);
            return Arrays.copyOfRange(all, Header.SIZE, all.length);
        } finally {
            frame.release();
        }
    }

    @Test
    void aCachedRangeComesBackAsOneFrameAndTheFileIsClosed() {
        FakeCalls calls = new FakeCalls();
        CachedReads reads = new CachedReads(calls);
        assertThat(body(reads.frame(FILE, 0, 0, 4096))).isEqualTo(CONTENT);
        assertThat(body(reads.frame(FILE, 100, 50, 4096))).isEqualTo(Arrays.copyOfRange(CONTENT, 100, 150));
        assertThat(body(reads.frame(FILE, 990, 500, 4096))).as("a length past the end is cut")
                .isEqualTo(Arrays.copyOfRange(CONTENT, 990, 1000));
        assertThat(calls.log).containsExactly("open " + FILE, "close 7", "open " + FILE, "close 7",
                "open " + FILE, "close 7");
        assertThat(reads.readOnLoop()).isEqualTo(3);
        assertThat(reads.leftToReaders()).isZero();
    }

    @Test
    void whatIsNotAllInMemoryGoesToTheReaders() {
        FakeCalls calls = new FakeCalls();
        CachedReads reads = new CachedReads(calls);
        calls.cached = 0;
        assertThat(reads.frame(FILE, 0, 0, 4096)).as("no page cached").isNull();
        calls.cached = 600;
        assertThat(reads.frame(FILE, 0, 0, 4096)).as("the first 600 bytes cached").isNull();
        assertThat(body(reads.frame(FILE, 0, 600, 4096))).as("a range within them")
                .isEqualTo(Arrays.copyOf(CONTENT, 600));
        calls.cached = CONTENT.length;
        calls.openResult = -CachedReads.EAGAIN;
        assertThat(reads.frame(FILE, 0, 0, 4096)).as("the path is not in the dentry cache").isNull();
        assertThat(calls.log.stream().filter(l -> l.startsWith("open")).count())
                .isEqualTo(calls.log.stream().filter(l -> l.startsWith("close")).count() + 1);
        assertThat(reads.enabled()).as("a miss does not turn the path off").isTrue();
        assertThat(reads.leftToReaders()).isEqualTo(3);
        assertThat(reads.readOnLoop()).isEqualTo(1);
    }

    @Test
    void anythingButAPlainSmallRangeOfARegularFileGoesToTheReaders() {
        FakeCalls calls = new FakeCalls();
        CachedReads reads = new CachedReads(calls);
        assertThat(reads.frame(FILE, 0, 0, 999)).as("over the limit").isNull();
        assertThat(reads.frame(FILE, 1000, 0, 4096)).as("nothing to read at the end").isNull();
        assertThat(reads.frame(FILE, 1001, 0, 4096)).as("past the end: the readers answer EINVAL").isNull();
        assertThat(reads.frame(Path.of("/data/00/00/f\u00e9.jpg"), 0, 0, 4096)).as("not ASCII").isNull();
        calls.sizeResult = -21;
        assertThat(reads.frame(FILE, 0, 0, 4096)).as("a directory").isNull();
        calls.sizeResult = CONTENT.length;
        calls.openResult = -2;
        assertThat(reads.frame(FILE, 0, 0, 4096)).as("missing: the readers answer ENOENT").isNull();
        calls.openResult = -CachedReads.EPERM;
        assertThat(reads.frame(FILE, 0, 0, 4096)).as("O_NOATIME refused on a file of another user").isNull();
        calls.openResult = 7;
        calls.cached = -5;
        assertThat(reads.frame(FILE, 0, 0, 4096)).as("EIO").isNull();
        assertThat(calls.log.stream().filter(l -> l.startsWith("close")).count()).as("every file opened closed")
                .isEqualTo(5);
        assertThat(reads.enabled()).isTrue();
        assertThat(reads.readOnLoop()).isZero();
    }

    @Test
    void aKernelWithoutTheCallsTurnsThePathOff() {
        for (int refusal : new int[] {CachedReads.ENOSYS, CachedReads.EINVAL}) {
            FakeCalls calls = new FakeCalls();
            CachedReads reads = new CachedReads(calls);
            calls.openResult = -refusal;
            assertThat(reads.frame(FILE, 0, 0, 4096)).isNull();
            assertThat(reads.enabled()).isFalse();
            calls.openResult = 7;
            assertThat(reads.frame(FILE, 0, 0, 4096)).isNull();
            assertThat(calls.log).as("not asked again").hasSize(1);
        }
        FakeCalls calls = new FakeCalls();
        CachedReads reads = new CachedReads(calls);
        calls.cached = -CachedReads.EOPNOTSUPP;
        assertThat(reads.frame(FILE, 0, 0, 4096)).isNull();
        assertThat(reads.enabled()).as("a file system without RWF_NOWAIT").isFalse();
        assertThat(new CachedReads(null).enabled()).as("no system calls at all").isFalse();
        assertThat(new CachedReads(null).frame(FILE, 0, 0, 4096)).isNull();
    }
}
