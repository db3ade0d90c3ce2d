package org.fastdfs.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.NetSocketInternal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.FrameDecoder;
import org.fastdfs.proto.FrameLimits;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.jboss.logging.Logger;

/**
 * One client socket speaking the FastDFS protocol. Requests are served one at a time: once a
 * request is complete the decoder pauses, and it resumes when the request has been answered through
 * {@link #reply}, {@link #replyStatus} or one of their variants. The socket goes on reading meanwhile
 * (FastDFS clients wait for the answer, so there is rarely anything to read) and holds what comes up
 * to {@link #HELD_INPUT_LIMIT} bytes; only beyond that, or when a streamed body's sink asks for it
 * ({@link #pauseInput()}), does it stop reading: switching reading off and on for every request cost
 * two system calls each ({@code epoll_ctl}). Replies may come from any thread; the bookkeeping always
 * hops back to the connection's event loop.
 */
public final class FramedConnection implements FrameDecoder.Handler {

    private static final Logger LOG = Logger.getLogger(FramedConnection.class);
    private static final AtomicLong IDS = new AtomicLong();

    private final NetSocket socket;
    /** Set when the socket's buffers are read as Netty delivers them (no copy); null on a plain NetSocket. */
    private Channel channel;
    private final Context context;
    private final FrameDecoder decoder;
    private final RequestDispatcher dispatcher;
    private final long id = IDS.incrementAndGet();
    private ByteBuffer pendingInput;
    private StreamSink sink;
    private boolean awaitingReply;
    /** A streamed body's sink asked to stop reading until it has written what it holds. */
    private boolean sinkPaused;
    private boolean closed;
    /** Quick-ack mode was set for the request being read ({@link #onInput}). */
    private boolean quickAcked;
    private Object attachment;
    private Consumer<FramedConnection> closeListener = c -> { };
    private RequestObserver observer = RequestObserver.NONE;
    private int currentCommand = -1;
    private long currentStart;
    private long currentBytesIn;

    /** Input that arrives while a request is answered is held up to this size; beyond it reading stops. */
    static final int HELD_INPUT_LIMIT = 64 * 1024;

    /**
     * Read buffer sizes: at least 16 KiB, so that a request of a header and a small file body arrives
     * in one read. Netty's default guess starts at 2 KiB and sinks to 64 bytes on a connection of short
     * messages, after which a 4 KiB replica took nine reads.
     */
    private static final AdaptiveRecvByteBufAllocator READS = new AdaptiveRecvByteBufAllocator(16 * 1024,
            32 * 1024, 64 * 1024);

    private FramedConnection(NetSocket socket, Context context, FrameLimits limits,
                             Function<FramedConnection, RequestDispatcher> dispatchers) {
        this.socket = socket;
        this.context = context;
        this.decoder = new FrameDecoder(limits, this);
        this.dispatcher = dispatchers.apply(this);
    }

    /** Wires a freshly accepted socket. Call on the socket's event loop. */
    public static FramedConnection accept(NetSocket socket, Context context, FrameLimits limits,
                                          Function<FramedConnection, RequestDispatcher> dispatchers,
                                          Consumer<FramedConnection> closeListener, RequestObserver observer) {
        FramedConnection c = new FramedConnection(socket, context, limits, dispatchers);
        c.closeListener = closeListener;
        c.observer = observer;
        if (socket instanceof NetSocketInternal internal) {
            // Netty's pooled read buffers straight to the decoder: a NetSocket handler gets each one copied
            // into a new heap buffer first (3-4 % of a storage's CPU under 1 MiB uploads, and the garbage)
            c.channel = internal.channelHandlerContext().channel();
            c.channel.config().setRecvByteBufAllocator(READS);
            internal.messageHandler(c::onMessage);
        } else {
            socket.handler(buffer -> c.onInput(buffer.getByteBuf().nioBuffer(), false));
        }
        socket.endHandler(v -> c.onEnd());
        socket.exceptionHandler(e -> {
            LOG.debugf("connection %d: %s", c.id, e.toString());
            c.close();
        });
        socket.closeHandler(v -> c.onClosed());
        return c;
    }

    public long id() {
        return id;
    }

    public NetSocket socket() {
        return socket;
    }

    /** The peer's IP address text. */
    public String remoteHost() {
        return socket.remoteAddress().hostAddress();
    }

    /** The local IP address text the peer connected to. */
    public String localHost() {
        return socket.localAddress().hostAddress();
    }

    public Context context() {
        return context;
    }

    /** Per-connection state a dispatcher may keep (e.g. "this storage has joined"). */
    @SuppressWarnings("unchecked")
    public <T> T attachment() {
        return (T) attachment;
    }

    public void attach(Object value) {
        this.attachment = value;
    }

    // ---- replies -----------------------------------------------------------------------------

    /** Sends a complete frame (header and body in one write) and reads the next request. */
    public void reply(byte[] frame) {
        write(Buffer.buffer(frame), false);
    }

    /** Sends a header-only response with {@code status}. */
    public void replyStatus(Status status) {
        reply(Frames.status(status));
    }

    /**
     * Answers a rejected request: EINVAL closes the connection as the C storage does (the stream may
     * be out of step); any other status keeps it open.
     */
    public void replyError(Command command, ProtocolException e) {
        LOG.debugf("connection %d: %s rejected with %s: %s", id, command, e.status(), e.getMessage());
        if (e.status() == Status.EINVAL) {
            replyErrorAndClose(Status.EINVAL);
        } else {
            replyStatus(e.status());
        }
    }

    /** Sends an error and closes the connection, as FastDFS does after EINVAL. */
    public void replyErrorAndClose(Status status) {
        write(Buffer.buffer(Frames.status(status)), true);
    }

    /**
     * Sends a response header followed by {@code length} bytes of {@code file} from {@code offset},
     * zero copy (sendfile), then reads the next request. The channel was opened by the caller on a
     * worker (the event loop never touches the disk) and is closed here once sent. On a failure after
     * the header the connection is closed, as the client cannot tell otherwise.
     */
    public void replyFile(FileChannel file, long offset, long length) {
        onContext(() -> {
            if (closed) {
                closeQuietly(file);
                return;
            }
            socket.write(Buffer.buffer(Header.response(Status.OK, length).toBytes()));
            observe(0, length);
            if (length == 0) {
                closeQuietly(file);
                requestDone();
                return;
            }
            ((NetSocketInternal) socket).writeMessage(new DefaultFileRegion(file, offset, length)).onComplete(ar -> {
                if (ar.failed()) {
                    LOG.warnf("connection %d: sending a file failed: %s", id, ar.cause().toString());
                    close();
                } else {
                    requestDone();
                }
            });
        });
    }

    /**
     * Sends a complete response frame held in a (typically pooled, direct) Netty buffer, in one write;
     * the buffer is released once written, or at once when the connection is already gone.
     */
    public void replyFrame(ByteBuf frame) {
        onContext(() -> {
            if (closed) {
                frame.release();
                return;
            }
            observe(frame.getByte(Header.SIZE - 1) & 0xFF, frame.readableBytes() - Header.SIZE);
            ((NetSocketInternal) socket).writeMessage(frame).onComplete(ar -> {
                if (ar.failed()) {
                    close();
                } else {
                    requestDone();
                }
            });
        });
    }

    private static void closeQuietly(FileChannel file) {
        try {
            file.close();
        } catch (java.io.IOException ignored) {
            // nothing left to do with it
        }
    }

    /** Stops reading from the socket (back-pressure while a streamed body is written to disk). */
    public void pauseInput() {
        onContext(() -> {
            sinkPaused = true;
            reading(false);
        });
    }

    /** Resumes reading from the socket after {@link #pauseInput()}. */
    public void resumeInput() {
        onContext(() -> {
            sinkPaused = false;
            readIfRoom();
        });
    }

    /** Reads on unless the connection is closed, a sink paused it, or the held input is at its limit. */
    private void readIfRoom() {
        if (!closed && !sinkPaused && (pendingInput == null || pendingInput.remaining() < HELD_INPUT_LIMIT)) {
            reading(true);
        }
    }

    /**
     * Stops or restarts reading: the channel's auto-read where its buffers come raw (a NetSocket's pause
     * does not hold those back), Vert.x's pause otherwise. Either may still deliver what was read already.
     */
    private void reading(boolean on) {
        if (channel != null) {
            channel.config().setAutoRead(on);
        } else if (on) {
            socket.resume();
        } else {
            socket.pause();
        }
    }

    public void close() {
        onContext(() -> {
            if (!closed) {
                socket.close();
            }
        });
    }

    public boolean isClosed() {
        return closed;
    }

    // ---- decoding ----------------------------------------------------------------------------

    /** A message of the channel: a read buffer, released once decoded. */
    private void onMessage(Object message) {
        if (!(message instanceof ByteBuf buf)) {
            ReferenceCountUtil.release(message);
            return;
        }
        try {
            onInput(buf.nioBuffer(), true);
        } finally {
            buf.release();
        }
    }

    /**
     * Decodes {@code input}; {@code borrowed} when it is only valid during the call (what the decoder
     * leaves of it for later is then copied).
     */
    private void onInput(ByteBuffer input, boolean borrowed) {
        if (pendingInput != null) {
            // bytes that arrived while paused (the socket may deliver what it had already read)
            ByteBuffer joined = ByteBuffer.allocate(pendingInput.remaining() + input.remaining());
            joined.put(pendingInput).put(input).flip();
            input = joined;
            borrowed = false;
            pendingInput = null;
        }
        feed(input);
        if (!quickAcked && !decoder.idle() && !decoder.failed() && channel instanceof EpollSocketChannel epoll) {
            // a request is split over reads: the peer may be holding its next segment until this one is
            // ACKed (Nagle, as C FastDFS's sync sender and client do between a header and the file), and the
            // kernel delays that ACK by up to 40 ms; quick-ack mode sends it now. Once per request: the mode
            // lasts for the next several segments, and a large body would otherwise cost a call per read
            quickAcked = true;
            epoll.config().setTcpQuickAck(true);
        }
        if (pendingInput != null) {
            if (borrowed && pendingInput == input) {
                pendingInput = ByteBuffer.allocate(input.remaining()).put(input).flip();
            }
            if (pendingInput.remaining() >= HELD_INPUT_LIMIT) {
                reading(false);
            }
        }
    }

    private void feed(ByteBuffer input) {
        if (decoder.paused()) {
            pendingInput = input;
            return;
        }
        decoder.feed(input);
        if (input.hasRemaining() && !decoder.failed()) {
            pendingInput = input;
        }
    }

    private void observe(int status, long bytesOut) {
        if (currentCommand >= 0) {
            observer.answered(currentCommand, status, System.nanoTime() - currentStart, currentBytesIn, bytesOut);
            currentCommand = -1;
        }
    }

    private void started(Header header) {
        currentCommand = header.command();
        currentStart = System.nanoTime();
        currentBytesIn = header.bodyLength();
    }

    @Override
    public void onFrame(Header header, ByteBuffer body) {
        started(header);
        awaitRequestDone();
        Command command = Command.of(header.command());
        if (command == Command.ACTIVE_TEST) {
            replyStatus(body.hasRemaining() ? Status.EINVAL : Status.OK);
        } else if (command == Command.QUIT) {
            close();
        } else if (command == null || command == Command.RESP) {
            LOG.debugf("connection %d: unknown command %d", id, header.command());
            replyErrorAndClose(Status.EINVAL);
        } else {
            try {
                dispatcher.onRequest(this, header, body);
            } catch (ProtocolException e) {
                replyError(command, e);
            } catch (RuntimeException e) {
                LOG.errorf(e, "connection %d: command %s failed", id, command);
                replyErrorAndClose(Status.EIO);
            }
        }
    }

    @Override
    public void onStreamStart(Header header) {
        started(header);
        sink = dispatcher.onStreamStart(this, header);
    }

    @Override
    public void onStreamData(ByteBuffer chunk) {
        sink.onData(chunk);
    }

    @Override
    public void onStreamEnd() {
        awaitRequestDone();
        StreamSink done = sink;
        sink = null;
        done.onEnd();
    }

    @Override
    public void onError(ProtocolException error) {
        LOG.debugf("connection %d from %s: %s", id, remoteHost(), error.getMessage());
        replyErrorAndClose(error.status());
    }

    private void awaitRequestDone() {
        awaitingReply = true;
        decoder.pause();
    }

    private void write(Buffer frame, boolean thenClose) {
        onContext(() -> {
            if (closed) {
                return;
            }
            observe(frame.getByte(Header.SIZE - 1) & 0xFF, frame.length() - Header.SIZE);
            if (thenClose) {
                socket.end(frame);
                closed = true;
            } else {
                socket.write(frame);
                requestDone();
            }
        });
    }

    private void requestDone() {
        if (!awaitingReply) {
            return;
        }
        awaitingReply = false;
        quickAcked = false;
        sinkPaused = false;
        decoder.resume();
        if (pendingInput != null) {
            ByteBuffer rest = pendingInput;
            pendingInput = null;
            feed(rest);
        }
        readIfRoom();
    }

    private void onEnd() {
        decoder.endOfInput();
    }

    private void onClosed() {
        closed = true;
        if (sink != null) {
            StreamSink aborted = sink;
            sink = null;
            aborted.onAbort();
        }
        dispatcher.onClose(this);
        closeListener.accept(this);
    }

    private void onContext(Runnable action) {
        if (Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }
}
