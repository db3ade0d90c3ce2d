package org.fastdfs.it;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;

/**
 * A bare socket to a tracker or storage: sends frames built with the shared model, or any bytes at
 * all, and reads replies. For tests that need exact control over what goes on the wire.
 */
public final class RawConnection implements AutoCloseable {

    /** One response frame. */
    public record Reply(Header header, byte[] body) {
        public int status() {
            return header.status();
        }

        public ByteBuffer buffer() {
            return ByteBuffer.wrap(body);
        }
    }

    private final Socket socket = new Socket();
    private final DataInputStream in;
    private final WireProfile profile;

    public RawConnection(String host, int port, WireProfile profile) {
        this.profile = profile;
        try {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            in = new DataInputStream(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public RawConnection(ServerProcess server, WireProfile profile) {
        this(server.host(), server.port(), profile);
    }

    /** Sends {@code request} in this connection's profile and reads the reply. */
    public Reply call(Request request) {
        send(Frames.request(request, profile));
        return read();
    }

    /** Sends a header-only request. */
    public Reply call(Command headerOnly) {
        send(Frames.request(headerOnly));
        return read();
    }

    /** Sends raw bytes and reads one reply. */
    public Reply call(byte[] frame) {
        send(frame);
        return read();
    }

    public void send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("send failed: " + e.getMessage(), e);
        }
    }

    /** Closes our sending side: the server sees end of stream after what was sent. */
    public void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one response frame (header, then the whole body). */
    public Reply read() {
        try {
            byte[] h = new byte[Header.SIZE];
            in.readFully(h);
            Header header = Header.decode(ByteBuffer.wrap(h));
            if (header.bodyLength() > 64L << 20) {
                throw new IllegalStateException("reply body too large for a test: " + header);
            }
            byte[] body = new byte[(int) header.bodyLength()];
            in.readFully(body);
            return new Reply(header, body);
        } catch (IOException e) {
            throw new UncheckedIOException("no reply: " + e, e);
        }
    }

    /**
     * True when the server closes the connection (end of stream or reset) within {@code timeout},
     * false when it stays open and silent. Fails if the server sends anything.
     */
    public boolean closedByPeer(Duration timeout) {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            InputStream raw = socket.getInputStream();
            int b = raw.read();
            if (b < 0) {
                return true;
            }
            throw new IllegalStateException("the server sent more bytes (first 0x" + Integer.toHexString(b) + ")");
        } catch (SocketTimeoutException e) {
            return false;
        } catch (EOFException | SocketException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when the server closes the connection within {@code timeout}; whatever it sends before
     * (an error reply, say) is read and ignored.
     */
    public boolean closedByPeerIgnoringReply(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            InputStream raw = socket.getInputStream();
            byte[] buf = new byte[4096];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                socket.setSoTimeout((int) Math.max(1, left));
                if (raw.read(buf) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (EOFException | SocketException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }
}
