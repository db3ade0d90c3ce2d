package org.fastdfs.storage.handler;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.RejectedExecutionException;
import java.util.zip.CRC32;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.StreamedHead;
import org.fastdfs.server.FramedConnection;
import org.fastdfs.server.SerialExecutor;
import org.fastdfs.server.StreamSink;
import org.fastdfs.storage.store.FileStore;

/**
 * Receives one streamed request (upload, append, modify): collects the fixed part, then streams the
 * content into a temp file next to its target, computing its CRC32, and finally lets the subclass make
 * it visible. A large body never sits in memory as a whole.
 *
 * <p>The fixed part is decoded once {@code min(body length, 512)} bytes have arrived
 * ({@link StreamedHead}); whatever follows it in those bytes is content.
 *
 * <p>Threads: {@link #onData}, {@link #onEnd} and {@link #onAbort} run on the connection's event loop
 * and touch no disk; everything else runs as ordered tasks of a {@link SerialExecutor} on the store's
 * writer pool: {@link #prepare} (checks, temp file), one write per {@value #SEGMENT}-byte segment of
 * content (pooled direct buffers: no copy on the heap, and the write goes from them straight to the
 * file), then {@link #commit}. When more than {@value #HIGH_WATER} bytes wait for the disk, the socket is paused
 * until they drop below {@value #LOW_WATER}.
 *
 * <p>Small bodies (at most {@value #WHOLE_BODY_LIMIT} bytes, the bulk of the requests of a typical
 * store) are collected in memory instead and handled by one task at their end: one hand-off to the
 * writer pool per request, and a subclass may place the whole content without a temp file
 * ({@link #commitWhole}).
 *
 * <p>Failures: a fixed part that does not decode, or a check that fails before the content is written
 * (ENOSPC, ENOENT, EEXIST...), makes the rest of the body be read and dropped and the status be answered
 * at its end, so the connection stays in step (EINVAL still closes it afterwards). When more than
 * {@value #DISCARD_LIMIT} bytes would have to be dropped, the status is answered at once and the
 * connection closed. A connection that closes mid-body leaves no temp file.
 */
abstract class StreamReceiver implements StreamSink {

    static final long HIGH_WATER = 1L << 20;
    static final long LOW_WATER = 256L << 10;
    static final long DISCARD_LIMIT = 64L << 20;
    static final long WHOLE_BODY_LIMIT = 64L << 10;
    /** A larger body is collected in pooled direct buffers of this size, one disk write each. */
    static final int SEGMENT = 256 << 10;

    protected final FileStore store;
    protected final FramedConnection connection;
    protected final Command command;
    protected final long bodyLength;
    private final SerialExecutor serial;
    private final ByteBuffer head;
    /** The content of a small body, collected on the event loop and handed to one task at its end. */
    private final byte[] whole;
    private int wholeLength;

    // event loop only
    private boolean headParsed;
    private long pending;
    private boolean paused;
    /** The segment being filled (large bodies): handed to a write task when full or at the end. */
    private ByteBuf segment;

    // written on the event loop, read by tasks
    private volatile long received;
    private volatile boolean aborted;
    // written by tasks, read on the event loop
    private volatile boolean failed;

    // tasks only (ordered by the serial executor)
    private ProtocolException failure;
    private boolean answered;
    private Path temp;
    private FileChannel channel;
    private final CRC32 crc = new CRC32();
    private long written;
    private long unsynced;

    StreamReceiver(FileStore store, FramedConnection connection, Header header) {
        this.store = store;
        this.connection = connection;
        this.command = Command.of(header.command());
        this.bodyLength = header.bodyLength();
        this.head = ByteBuffer.allocate(StreamedHead.collect(bodyLength));
        this.serial = new SerialExecutor(store.writer());
        this.whole = bodyLength <= WHOLE_BODY_LIMIT ? new byte[(int) bodyLength] : null;
    }

    // ---- what subclasses do ------------------------------------------------------------------

    /** Decodes and checks the fixed part (event loop: no disk). {@code head} ends at the first content byte. */
    protected abstract void parse(ByteBuffer head, long bodyLength);

    /**
     * Blocking checks before the content is written; returns the directory that receives the temp file:
     * the one of the file it becomes or changes (same file system, and the new inode lands near it).
     */
    protected abstract Path prepare() throws IOException;

    /** Blocking: the complete content of {@code size} bytes is in {@code temp}; make it visible and log it. */
    protected abstract Reply commit(Path temp, long size, int crc32) throws IOException;

    /** Counts the request (success or not) and the content bytes received. */
    protected abstract void count(boolean ok, long bytes);

    /**
     * Blocking: the whole (small) content is in {@code content[0, length)} and no temp file exists yet;
     * a subclass that can make it visible directly (a new name nobody knows before the answer) does so
     * and returns the reply; null takes the usual way through a temp file.
     */
    protected Reply commitWhole(byte[] content, int length, int crc32) throws IOException {
        return null;
    }

    // ---- event loop --------------------------------------------------------------------------

    @Override
    public void onData(ByteBuffer chunk) {
        received += chunk.remaining();
        if (!headParsed) {
            int n = Math.min(head.remaining(), chunk.remaining());
            head.put(chunk.slice(chunk.position(), n));
            chunk.position(chunk.position() + n);
            if (head.hasRemaining()) {
                return;
            }
            parseHead();
        }
        if (chunk.hasRemaining()) {
            content(chunk);
        }
    }

    @Override
    public void onEnd() {
        if (!headParsed) {
            parseHead();
        }
        if (whole != null) {
            store.buffered(wholeLength);
            execute(this::finishWhole);
        } else {
            submitSegment();
            execute(this::finish);
        }
    }

    @Override
    public void onAbort() {
        aborted = true;
        dropSegment();
        execute(this::cleanUp);
    }

    private void parseHead() {
        headParsed = true;
        head.flip();
        try {
            parse(head, bodyLength);
        } catch (ProtocolException e) {
            execute(() -> fail(e));
            return;
        } catch (IllegalArgumentException e) {
            execute(() -> fail(ProtocolException.invalid(e.getMessage())));
            return;
        }
        if (whole == null) {
            execute(this::open);
        }
        if (head.hasRemaining()) {
            content(head);
        }
    }

    private void content(ByteBuffer chunk) {
        if (failed || aborted) {
            return;
        }
        if (whole != null) {
            int n = chunk.remaining();
            chunk.get(whole, wholeLength, n);
            wholeLength += n;
            return;
        }
        while (chunk.hasRemaining()) {
            if (segment == null) {
                segment = PooledByteBufAllocator.DEFAULT.directBuffer(SEGMENT, SEGMENT);
            }
            int n = Math.min(segment.writableBytes(), chunk.remaining());
            int limit = chunk.limit();
            chunk.limit(chunk.position() + n);
            segment.writeBytes(chunk);
            chunk.limit(limit);
            pending += n;
            store.buffered(n);
            if (!segment.isWritable()) {
                submitSegment();
            }
        }
        if (!paused && pending > HIGH_WATER) {
            paused = true;
            connection.pauseInput();
        }
    }

    /** Hands the filled part of the current segment to a write task, which releases it. */
    private void submitSegment() {
        ByteBuf full = segment;
        if (full == null) {
            return;
        }
        segment = null;
        int n = full.readableBytes();
        if (n == 0) {
            full.release();
            return;
        }
        execute(() -> {
            try {
                write(full.nioBuffer(full.readerIndex(), n));
            } finally {
                full.release();
                connection.context().runOnContext(v -> drained(n));
            }
        });
    }

    /** An aborted request: the bytes of the unsent segment no longer wait for the disk. */
    private void dropSegment() {
        if (segment != null) {
            store.buffered(-segment.readableBytes());
            segment.release();
            segment = null;
        }
    }

    private void drained(int n) {
        pending -= n;
        store.buffered(-n);
        if (paused && pending <= LOW_WATER) {
            paused = false;
            connection.resumeInput();
        }
    }

    private void execute(Runnable task) {
        try {
            serial.execute(task);
        } catch (RejectedExecutionException e) {
            failed = true;
            connection.replyErrorAndClose(Status.EINTR);
        }
    }

    // ---- tasks -------------------------------------------------------------------------------

    private void open() {
        if (failure != null || aborted) {
            return;
        }
        try {
            Path dir = prepare();
            Path[] name = new Path[1];
            channel = store.newTempChannel(dir, name);
            temp = name[0];
        } catch (IOException | RuntimeException e) {
            fail(Blocking.toProtocol(e, command));
        }
    }

    private void write(ByteBuffer b) {
        if (failure != null || aborted || channel == null) {
            return;
        }
        try {
            int length = b.remaining();
            crc.update(b.duplicate());
            while (b.hasRemaining()) {
                channel.write(b);
            }
            written += length;
            long fsyncEvery = store.fsyncAfterWrittenBytes();
            unsynced += length;
            if (fsyncEvery > 0 && unsynced >= fsyncEvery) {
                channel.force(false);
                unsynced = 0;
            }
        } catch (IOException | RuntimeException e) {
            fail(Blocking.toProtocol(e, command));
        }
    }

    private void fail(ProtocolException e) {
        if (failure != null) {
            return;
        }
        failure = e;
        failed = true;
        discardTemp();
        if (bodyLength - received > DISCARD_LIMIT && !answered) {
            answered = true;
            count(false, written);
            connection.replyErrorAndClose(e.status());
        }
    }

    /** The one task of a small body: placed directly when the subclass can, else through a temp file. */
    private void finishWhole() {
        try {
            placeWhole();
        } finally {
            store.buffered(-wholeLength);
        }
    }

    private void placeWhole() {
        if (failure == null && !aborted && !answered) {
            crc.update(whole, 0, wholeLength);
            Reply direct;
            try {
                direct = commitWhole(whole, wholeLength, (int) crc.getValue());
            } catch (IOException | RuntimeException e) {
                answered = true;
                count(false, 0);
                connection.replyError(command, Blocking.toProtocol(e, command));
                return;
            }
            if (direct != null) {
                answered = true;
                count(true, wholeLength);
                direct.send(connection);
                return;
            }
            crc.reset();
            open();
            write(ByteBuffer.wrap(whole, 0, wholeLength));
        }
        finish();
    }

    private void finish() {
        if (aborted || answered) {
            return;
        }
        answered = true;
        if (failure == null && channel == null) {
            failure = new ProtocolException(Status.EIO, "no temp file was opened");
        }
        if (failure != null) {
            count(false, written);
            connection.replyError(command, failure);
            return;
        }
        Reply reply;
        try {
            if (store.fsyncAfterWrittenBytes() > 0) {
                channel.force(false);
            }
            channel.close();
            channel = null;
            reply = commit(temp, written, (int) crc.getValue());
        } catch (IOException | RuntimeException e) {
            discardTemp();
            count(false, written);
            connection.replyError(command, Blocking.toProtocol(e, command));
            return;
        }
        discardTemp();
        count(true, written);
        reply.send(connection);
    }

    private void cleanUp() {
        discardTemp();
        if (!answered) {
            answered = true;
            count(false, written);
        }
    }

    private void discardTemp() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the file is deleted next
            }
            channel = null;
        }
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // emptied at the next start
            }
            temp = null;
        }
    }
}
