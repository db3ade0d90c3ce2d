package org.fastdfs.storage.handler;

import jakarta.inject.Singleton;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.Status;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.fastdfs.fileid.FileId;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.stat.StatField;
import org.fastdfs.proto.storage.DownloadFileRequest;
import org.fastdfs.server.FramedConnection;
import org.fastdfs.storage.store.FileStore;

/**
 * DOWNLOAD_FILE (14), PROTOCOL.md §3.4: a range of up to {@link #SMALL} bytes that the kernel has in memory
 * is read on the event loop ({@link CachedReads}); anything else is opened on a reader worker (ENOENT if
 * missing, EISDIR if not a regular file; links are followed), the range is settled from the open file's
 * size, and the content goes out behind a header carrying the exact length: up to {@link #SMALL} bytes
 * read into the reply, more with sendfile.
 *
 * <p>Range rules (the recommendation of §3.4): length 0 = up to the end; a length past the end is cut
 * to the end; offset = size gives 0 bytes (also for an empty file); offset &gt; size is EINVAL.
 */
@Singleton
public class DownloadHandler {

    private final FileStore store;
    private final CachedReads cached;

    DownloadHandler(FileStore store) {
        this.store = store;
        this.cached = CachedReads.system();
    }

    public void handle(FramedConnection connection, ByteBuffer body) {
        DownloadFileRequest request = DownloadFileRequest.decode(body);
        FileId id = store.fileId(request.group(), request.filename());
        Path file = store.dataFile(id);
        ByteBuf inMemory = cached.frame(file, request.offset(), request.length(), SMALL);
        if (inMemory != null) {
            count(true, inMemory.readableBytes() - Header.SIZE);
            connection.replyFrame(inMemory);
            return;
        }
        AtomicLong sent = new AtomicLong();
        Blocking.submit(connection, Command.DOWNLOAD_FILE, store.reader(), () -> {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                long[] range = range(request.offset(), request.length(), channel.size());
                if (range[1] > SMALL || range[1] == 0) {
                    // sendfile, or no read at all, would not notice a directory: ask by name (a small
                    // range's read fails on one, and the failure asks, so a download looks it up once)
                    LocalFiles.readableFile(file);
                }
                sent.set(range[1]);
                if (range[1] > SMALL) {
                    return new Reply.File(channel, range[0], range[1]);
                }
                try (channel) {
                    return new Reply.Buffer(frame(channel, range[0], (int) range[1]));
                }
            } catch (IOException e) {
                channel.close();
                if (Files.isDirectory(file)) {
                    throw new ProtocolException(Status.EISDIR, file.getFileName() + " is not a regular file");
                }
                throw e;
            } catch (RuntimeException e) {
                channel.close();
                throw e;
            }
        }, ok -> count(ok, sent.get()));
    }

    private void count(boolean ok, long bytes) {
        store.stats().count(StatField.TOTAL_DOWNLOAD_COUNT, StatField.SUCCESS_DOWNLOAD_COUNT,
                StatField.TOTAL_DOWNLOAD_BYTES, StatField.SUCCESS_DOWNLOAD_BYTES, ok, bytes);
    }

    /** Downloads answered on the event loop from memory since the start ({@link CachedReads}). */
    public long fromMemory() {
        return cached.readOnLoop();
    }

    /**
     * Up to this many bytes go out with their header in one write from a pooled direct buffer (one
     * syscall, one segment, no heap copy); larger ranges use sendfile.
     */
    static final int SMALL = 64 * 1024;

    /**
     * A pooled direct buffer holding a success frame of a {@code length}-byte body: the header written, the
     * body's bytes ({@code nioBuffer(Header.SIZE, length)}) for the caller to fill, or to release the buffer.
     */
    static ByteBuf okFrame(int length) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(Header.SIZE + length);
        buf.writeBytes(Header.response(Status.OK, length).toBytes());
        buf.writerIndex(Header.SIZE + length);
        return buf;
    }

    /** Header + {@code length} bytes of {@code channel} from {@code offset}, in a pooled direct buffer. */
    static ByteBuf frame(FileChannel channel, long offset, int length) throws IOException {
        ByteBuf buf = okFrame(length);
        try {
            ByteBuffer target = buf.nioBuffer(Header.SIZE, length);
            long position = offset;
            while (target.hasRemaining()) {
                int n = channel.read(target, position);
                if (n < 0) {
                    throw new IOException("the file ended " + target.remaining() + " bytes early");
                }
                position += n;
            }
            return buf;
        } catch (IOException | RuntimeException e) {
            buf.release();
            throw e;
        }
    }

    /** {offset, length} to send of a file of {@code size} bytes; EINVAL if {@code offset} is past the end. */
    static long[] range(long offset, long length, long size) {
        if (offset > size) {
            throw ProtocolException.invalid("offset " + offset + " is past the end of the file (" + size + " bytes)");
        }
        long rest = size - offset;
        return new long[] {offset, length == 0 ? rest : Math.min(length, rest)};
    }
}
