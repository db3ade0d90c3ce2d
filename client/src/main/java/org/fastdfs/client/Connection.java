package org.fastdfs.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.fastdfs.io.SilenceWatchdog;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;

/**
 * One blocking TCP connection to a tracker or storage, and the exchange primitives on it: one
 * request, then its reply (FastDFS has no pipelining, PROTOCOL.md §1.1).
 *
 * <p>A connection that saw an I/O error, a malformed reply, an EINVAL status (the storage closes
 * after it, §1.4) or a half-sent request is {@linkplain #broken() broken} and must not be reused.
 * Interrupting a thread blocked on it closes the connection (the call fails with EIO, "interrupted").
 * Not thread-safe: the pool hands it to one caller at a time.
 */
final class Connection implements Closeable {

    static final int BUFFER_SIZE = 64 * 1024;
    /** Largest reply body aggregated in memory (list replies, metadata, names). */
    static final long MAX_AGGREGATED_REPLY = 16L * 1024 * 1024;

    private final Endpoint endpoint;
    private final Socket socket;
    private final SilenceWatchdog.Guard guard;
    private final DataInputStream in;
    private final OutputStream out;
    private final long timeoutMillis;
    private long lastUsedNanos = System.nanoTime();
    private boolean pooled;
    private boolean broken;

    private Connection(Endpoint endpoint, Socket socket, Duration timeout) throws IOException {
        this.endpoint = endpoint;
        this.socket = socket;
        this.timeoutMillis = timeout.toMillis();
        InputStream rawIn = socket.getInputStream();
        OutputStream rawOut = socket.getOutputStream();
        this.guard = SilenceWatchdog.guard(socket, timeout);
        this.in = new DataInputStream(new BufferedInputStream(guard.input(rawIn), BUFFER_SIZE));
        this.out = new BufferedOutputStream(guard.output(rawOut), BUFFER_SIZE);
    }

    /**
     * Connects to {@code endpoint} with the configured timeouts. The socket is a blocking channel
     * without a read timeout (a reply is one {@code read}, no {@code poll}); the network timeout is
     * kept by the {@link SilenceWatchdog}.
     */
    static Connection open(Endpoint endpoint, ClientConfig config) {
        Socket socket = null;
        try {
            int connectMillis = (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis());
            InetSocketAddress address = new InetSocketAddress(endpoint.host(), endpoint.port());
            if (address.isUnresolved()) {
                throw new UnknownHostException(endpoint.host());
            }
            socket = SocketChannel.open().socket();
            socket.connect(address, connectMillis); // the channel is blocking again afterwards
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            return new Connection(endpoint, socket, config.networkTimeout());
        } catch (IOException e) {
            if (socket != null) {
                closeQuietly(socket);
            }
            String reason = e instanceof UnknownHostException ? "unknown host " + endpoint.host()
                    : e instanceof SocketTimeoutException ? "connect timed out after " + config.connectTimeout().toMillis() + " ms"
                    : e instanceof ConnectException ? "connection refused"
                    : e instanceof ClosedByInterruptException ? "interrupted"
                    : String.valueOf(e.getMessage());
            int status = e instanceof SocketTimeoutException ? Status.ETIMEDOUT.code() : Status.EIO.code();
            throw new FdfsNetworkException(endpoint, status, "cannot connect to " + endpoint + ": " + reason, e);
        }
    }

    Endpoint endpoint() {
        return endpoint;
    }

    boolean broken() {
        return broken;
    }

    /** Marks the connection unusable, e.g. when a caller gives up half-way through a reply. */
    void markBroken() {
        broken = true;
    }

    long idleNanos(long now) {
        return now - lastUsedNanos;
    }

    /** True once the connection went back to the pool after a request: it may have gone stale since. */
    boolean pooled() {
        return pooled;
    }

    void touch() {
        pooled = true;
        lastUsedNanos = System.nanoTime();
    }

    // ----------------------------------------------------------------- sending

    /** Sends a whole request frame (non-streamed requests). */
    void send(Request request, WireProfile profile, String what) {
        write(Frames.request(request, profile), what);
        flush(what);
    }

    /** Sends the fixed part of a streamed request, then exactly {@code content.length()} bytes of it. */
    void sendStreamed(Request request, WireProfile profile, Content content, ProgressListener progress, String what) {
        if (request.trailingLength() != content.length()) {
            throw new IllegalArgumentException("request announces " + request.trailingLength()
                    + " content bytes but the content has " + content.length());
        }
        write(Frames.request(request, profile), what);
        long total = content.length();
        long done = 0;
        byte[] buf = new byte[(int) Math.min(BUFFER_SIZE, Math.max(1, total))];
        try (InputStream src = openSource(content)) {
            while (done < total) {
                int n = readSource(src, buf, (int) Math.min(buf.length, total - done), content);
                if (n < 0) {
                    broken = true;
                    throw new UncheckedIOException(new EOFException(content + " ended after " + done + " of "
                            + total + " bytes"));
                }
                writeBytes(buf, n, what);
                done += n;
                progress.onProgress(done, total);
            }
        } catch (IOException e) { // closing the source
            broken = true;
            throw new UncheckedIOException("cannot read " + content + ": " + e.getMessage(), e);
        }
        flush(what);
        if (total == 0) {
            progress.onProgress(0, 0);
        }
    }

    private InputStream openSource(Content content) {
        try {
            return content.open();
        } catch (IOException e) {
            broken = true;
            throw new UncheckedIOException("cannot read " + content + ": " + e.getMessage(), e);
        }
    }

    private int readSource(InputStream src, byte[] buf, int len, Content content) {
        try {
            return src.read(buf, 0, len);
        } catch (IOException e) {
            broken = true;
            throw new UncheckedIOException("cannot read " + content + ": " + e.getMessage(), e);
        }
    }

    private void write(byte[] bytes, String what) {
        writeBytes(bytes, bytes.length, what);
    }

    private void writeBytes(byte[] bytes, int n, String what) {
        try {
            out.write(bytes, 0, n);
        } catch (IOException e) {
            throw ioFailure(what, e);
        }
    }

    private void flush(String what) {
        try {
            out.flush();
        } catch (IOException e) {
            throw ioFailure(what, e);
        }
    }

    // --------------------------------------------------------------- receiving

    /**
     * Reads a reply header. An error status becomes an {@link FdfsException} (after skipping any
     * body); a header that is not a reply breaks the connection.
     */
    Header readHeader(String what) {
        byte[] bytes = new byte[Header.SIZE];
        readFully(bytes, what);
        Header header = Header.decode(ByteBuffer.wrap(bytes));
        if (header.command() != Command.RESP.code()) {
            throw malformed(what, "reply command is " + header.command() + ", not 100 (RESP)");
        }
        if (header.bodyLength() < 0) {
            throw malformed(what, "negative body length " + header.bodyLength());
        }
        if (header.status() != 0) {
            if (header.bodyLength() > 0) {
                skip(header.bodyLength(), what);
            }
            if (header.status() == Status.EINVAL.code()) {
                broken = true; // the storage closes the connection after EINVAL
            }
            throw FdfsException.ofStatus(header.status(), what + " on " + endpoint);
        }
        return header;
    }

    /** Reads the body announced by {@code header} into memory (at most {@link #MAX_AGGREGATED_REPLY}). */
    ByteBuffer readBody(Header header, String what) {
        long length = header.bodyLength();
        if (length > MAX_AGGREGATED_REPLY) {
            throw malformed(what, "reply body of " + length + " bytes is larger than expected");
        }
        byte[] body = new byte[(int) length];
        readFully(body, what);
        return ByteBuffer.wrap(body);
    }

    /** Sends {@code request} and returns the body of its successful reply. */
    ByteBuffer call(Request request, WireProfile profile, String what) {
        send(request, profile, what);
        return readBody(readHeader(what), what);
    }

    /** Sends {@code request} and checks that the reply has an empty body. */
    void callNoReply(Request request, WireProfile profile, String what) {
        send(request, profile, what);
        Header header = readHeader(what);
        if (header.bodyLength() != 0) {
            throw malformed(what, "expected an empty reply, got " + header.bodyLength() + " bytes");
        }
    }

    /**
     * Streams the reply body announced by {@code header} into {@code sink}.
     *
     * @param before bytes the caller already has (resumed downloads), added to what progress reports
     * @param total  the total progress reports, or -1 for {@code before + body length}
     */
    long readContent(Header header, OutputStream sink, long before, long total, ProgressListener progress, String what) {
        long length = header.bodyLength();
        long all = total < 0 ? before + length : total;
        byte[] buf = new byte[(int) Math.min(BUFFER_SIZE, Math.max(1, length))];
        long done = 0;
        while (done < length) {
            int n;
            try {
                n = in.read(buf, 0, (int) Math.min(buf.length, length - done));
            } catch (IOException e) {
                throw ioFailure(what, e);
            }
            if (n < 0) {
                throw ioFailure(what, new EOFException("connection closed after " + done + " of " + length
                        + " bytes"));
            }
            try {
                sink.write(buf, 0, n);
            } catch (IOException e) {
                broken = true;
                throw new UncheckedIOException("cannot write the downloaded data: " + e.getMessage(), e);
            }
            done += n;
            progress.onProgress(before + done, all);
        }
        if (length == 0) {
            progress.onProgress(before, all);
        }
        return length;
    }

    /** Decodes a reply body, turning a decoder's complaint into a malformed-reply failure. */
    <T> T decode(String what, Supplier<T> decoder) {
        try {
            return decoder.get();
        } catch (ProtocolException | IllegalArgumentException e) {
            throw malformed(what, e.getMessage());
        }
    }

    /**
     * Decodes a reply whose layout depends on the profile. The IP width (16 or 46, the tracker's
     * response_ip_addr_size) is not announced, so with a current profile a reply that does not fit
     * the configured width is tried with the other one, as the C client tells them apart by length.
     */
    <T> T decode(String what, ByteBuffer body, WireProfile profile, BiFunction<ByteBuffer, WireProfile, T> decoder) {
        try {
            return decoder.apply(body.duplicate(), profile);
        } catch (ProtocolException | IllegalArgumentException first) {
            if (!profile.isClassic()) {
                WireProfile other = profile.ipSize() == 16 ? WireProfile.CURRENT_IPV6 : WireProfile.CURRENT;
                try {
                    return decoder.apply(body.duplicate(), other);
                } catch (ProtocolException | IllegalArgumentException ignored) {
                    // report the first complaint
                }
            }
            throw malformed(what, first.getMessage());
        }
    }

    // ------------------------------------------------------------- control

    /** ACTIVE_TEST (111): true when the server answers with an empty success. */
    boolean activeTest() {
        try {
            write(Frames.request(Command.ACTIVE_TEST), "ACTIVE_TEST");
            flush("ACTIVE_TEST");
            Header h = readHeader("ACTIVE_TEST");
            return h.bodyLength() == 0 && !broken;
        } catch (FdfsException e) {
            broken = true;
            return false;
        }
    }

    /** Sends QUIT (82) if the connection is healthy, then closes it. */
    void quitAndClose() {
        if (!broken && !socket.isClosed()) {
            try {
                out.write(Frames.request(Command.QUIT));
                out.flush();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        close();
    }

    @Override
    public void close() {
        broken = true;
        guard.close();
        closeQuietly(socket);
    }

    // ------------------------------------------------------------- helpers

    private void readFully(byte[] b, String what) {
        try {
            in.readFully(b);
        } catch (IOException e) {
            throw ioFailure(what, e);
        }
    }

    private void skip(long n, String what) {
        if (n > MAX_AGGREGATED_REPLY) {
            broken = true;
            return;
        }
        readFully(new byte[(int) n], what);
    }

    private FdfsNetworkException ioFailure(String what, IOException e) {
        broken = true;
        guard.close();
        closeQuietly(socket);
        String reason = e instanceof SocketTimeoutException ? "no answer within " + timeoutMillis + " ms"
                : e instanceof EOFException && e.getMessage() == null ? "connection closed by the server"
                : e instanceof ClosedByInterruptException ? "interrupted"
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        int status = e instanceof SocketTimeoutException ? Status.ETIMEDOUT.code() : Status.EIO.code();
        return new FdfsNetworkException(endpoint, status, what + " on " + endpoint + ": " + reason, e);
    }

    private FdfsNetworkException malformed(String what, String detail) {
        broken = true;
        guard.close();
        closeQuietly(socket);
        return new FdfsNetworkException(endpoint, Status.EIO.code(),
                what + " on " + endpoint + ": malformed reply: " + detail, null);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public String toString() {
        return "Connection[" + endpoint + (broken ? ", broken" : "") + "]";
    }
}
