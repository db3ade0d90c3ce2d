package org.fastdfs.storage.sync;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.sync.ReportServerIdRequest;

/**
 * A blocking connection to one peer storage: sends a request, optionally followed by a file range
 * (small ones in the request's write, larger ones with {@code transferTo}, zero copy), and returns the
 * reply's status. Not thread-safe.
 */
final class SyncSender implements AutoCloseable {

    /** Content up to this size travels in the request's write. */
    static final int SMALL_CONTENT = 64 * 1024;

    private final SocketChannel channel;
    private final DataInputStream in;

    /** Reused for small content: one per connection, not one per request. */
    private final ByteBuffer small = ByteBuffer.allocateDirect(SMALL_CONTENT);

    private SyncSender(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.in = new DataInputStream(channel.socket().getInputStream());
    }

    static SyncSender connect(String host, int port, String bindAddr, String myId, int connectTimeoutMs,
                              int networkTimeoutMs) throws IOException {
        SocketChannel ch = SocketChannel.open();
        try {
            if (bindAddr != null && !bindAddr.isBlank() && !"0.0.0.0".equals(bindAddr)) {
                ch.bind(new InetSocketAddress(bindAddr, 0));
            }
            ch.socket().connect(new InetSocketAddress(host, port), connectTimeoutMs);
            ch.socket().setSoTimeout(networkTimeoutMs);
            ch.socket().setTcpNoDelay(true);
            SyncSender s = new SyncSender(ch);
            int status = s.call(new ReportServerIdRequest(myId), null, 0, 0);
            if (status != 0) {
                throw new IOException("peer refused REPORT_SERVER_ID with status " + status);
            }
            return s;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * Sends {@code request} and, when {@code file} is given, {@code length} bytes of it from {@code offset}:
     * up to {@value #SMALL_CONTENT} bytes read behind the request in one gathering write (one segment,
     * one wake-up of the peer), more by sendfile.
     */
    int call(Request request, Path file, long offset, long length) throws IOException {
        ByteBuffer head = ByteBuffer.wrap(Frames.request(request, WireProfile.CURRENT));
        if (file == null || length <= 0) {
            writeFully(head);
        } else {
            try (FileChannel fc = FileChannel.open(file, StandardOpenOption.READ)) {
                if (length <= SMALL_CONTENT) {
                    small.clear().limit((int) length);
                    while (small.hasRemaining()) {
                        if (fc.read(small, offset + small.position()) < 0) {
                            throw new IOException(file + " shrank while being sent");
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
                        long n = fc.transferTo(offset + sent, length - sent, channel);
                        if (n <= 0 && fc.size() < offset + length) {
                            throw new IOException(file + " shrank while being sent");
                        }
                        sent += n;
                    }
                }
            }
        }
        byte[] h = new byte[Header.SIZE];
        in.readFully(h);
        Header header = Header.decode(ByteBuffer.wrap(h));
        if (header.bodyLength() != 0) {
            throw new IOException("peer answered " + request.command() + " with a " + header.bodyLength() + "-byte body");
        }
        return header.status();
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** Keeps an idle connection alive. */
    void activeTest() throws IOException {
        channel.write(ByteBuffer.wrap(Frames.request(Command.ACTIVE_TEST)));
        byte[] h = new byte[Header.SIZE];
        in.readFully(h);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
