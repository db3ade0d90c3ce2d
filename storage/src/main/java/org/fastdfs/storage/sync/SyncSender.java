package org.fastdfs.storage.sync;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.fastdfs.io.SilenceWatchdog;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.sync.ReportServerIdRequest;

/**
 * A blocking connection to one peer storage: sends a request, optionally followed by a file range
 * (small ones in the request's write, larger ones with {@code transferTo}, zero copy), and returns the
 * reply's status; or posts several requests before collecting their answers in order. Not thread-safe.
 *
 * <p>The socket stays in blocking mode without a read timeout (a reply is one {@code read}); the
 * shared {@link SilenceWatchdog} closes a connection whose call has made no progress for the network
 * timeout, which ends the blocked read or write with a {@link java.net.SocketTimeoutException}.
 */
final class SyncSender implements AutoCloseable {

    /** Content up to this size travels in the request's write. */
    static final int SMALL_CONTENT = 64 * 1024;
    /** Larger content is sent in pieces of at most this size, each renewing the deadline. */
    private static final long TRANSFER_CHUNK = 4L << 20;

    private final SocketChannel channel;
    private final SilenceWatchdog.Guard guard;

    /** Reused for small content: one per connection, not one per request. */
    private final ByteBuffer small = ByteBuffer.allocateDirect(SMALL_CONTENT);
    private final ByteBuffer reply = ByteBuffer.allocateDirect(Header.SIZE);
    private int unanswered;

    private SyncSender(SocketChannel channel, int networkTimeoutMs) {
        this.channel = channel;
        this.guard = SilenceWatchdog.guard(channel, Duration.ofMillis(Math.max(1, networkTimeoutMs)));
    }

    static SyncSender connect(String host, int port, String bindAddr, String myId, int connectTimeoutMs,
                              int networkTimeoutMs) throws IOException {
        SocketChannel ch = SocketChannel.open();
        try {
            if (bindAddr != null && !bindAddr.isBlank() && !"0.0.0.0".equals(bindAddr)) {
                ch.bind(new InetSocketAddress(bindAddr, 0));
            }
            ch.socket().connect(new InetSocketAddress(host, port), connectTimeoutMs);
            ch.socket().setTcpNoDelay(true);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        SyncSender s = new SyncSender(ch, networkTimeoutMs);
        try {
            int status = s.call(new ReportServerIdRequest(myId), null, 0, 0);
            if (status != 0) {
                throw new IOException("peer refused REPORT_SERVER_ID with status " + status);
            }
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Sends {@code request} and, when {@code file} is given, {@code length} bytes of it from {@code offset}:
     * up to {@value #SMALL_CONTENT} bytes read behind the request in one gathering write (one segment,
     * one wake-up of the peer), more by sendfile. Returns the reply's status.
     */
    int call(Request request, FileChannel file, long offset, long length) throws IOException {
        post(request, file, offset, length);
        return receive(request.command());
    }

    /**
     * Sends a request as {@link #call} does, without waiting for its answer: a peer answers the requests
     * of one connection in order, so {@link #receive} collects the answers oldest first.
     */
    void post(Request request, FileChannel file, long offset, long length) throws IOException {
        guard.arm();
        try {
            send(ByteBuffer.wrap(Frames.request(request, WireProfile.CURRENT)), file, offset, length);
            unanswered++;
        } catch (IOException e) {
            IOException explained = guard.explain(e);
            guard.disarm();
            throw explained;
        }
    }

    /** The status of the oldest unanswered request, {@code command} naming it in errors. */
    int receive(Command command) throws IOException {
        if (unanswered == 0) {
            throw new IllegalStateException("no request is waiting for an answer");
        }
        guard.arm();
        try {
            Header header = readHeader();
            if (header.bodyLength() != 0) {
                throw new IOException("peer answered " + command + " with a " + header.bodyLength() + "-byte body");
            }
            unanswered--;
            return header.status();
        } catch (IOException e) {
            throw guard.explain(e);
        } finally {
            if (unanswered == 0) {
                guard.disarm();
            }
        }
    }

    /** Requests posted and not answered yet. */
    int unanswered() {
        return unanswered;
    }

    private void send(ByteBuffer head, FileChannel file, long offset, long length) throws IOException {
        if (file == null || length <= 0) {
            writeFully(head);
        } else if (length <= SMALL_CONTENT) {
            small.clear().limit((int) length);
            while (small.hasRemaining()) {
                if (file.read(small, offset + small.position()) < 0) {
                    throw new IOException("the file shrank while being sent");
                }
            }
            small.flip();
            ByteBuffer[] both = {head, small};
            while (small.hasRemaining()) {
                channel.write(both);
            }
        } else {
            writeFully(head);
            long sent = 0;
            while (sent < length) {
                long n = file.transferTo(offset + sent, Math.min(length - sent, TRANSFER_CHUNK), channel);
                if (n <= 0 && file.size() < offset + length) {
                    throw new IOException("the file shrank while being sent");
                }
                sent += n;
                guard.arm(); // the timeout is for silence, not for the whole file
            }
        }
    }

    private Header readHeader() throws IOException {
        reply.clear();
        while (reply.hasRemaining()) {
            if (channel.read(reply) < 0) {
                throw new EOFException("the peer closed the connection");
            }
        }
        return Header.decode(reply.flip());
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** Keeps an idle connection alive. */
    void activeTest() throws IOException {
        guard.arm();
        try {
            writeFully(ByteBuffer.wrap(Frames.request(Command.ACTIVE_TEST)));
            readHeader();
        } catch (IOException e) {
            throw guard.explain(e);
        } finally {
            guard.disarm();
        }
    }

    @Override
    public void close() {
        guard.close();
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
