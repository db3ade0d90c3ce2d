package org.fastdfs.storage.report;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;

/** A blocking request/response socket to a tracker, bound to the storage's own address. */
final class TrackerSocket implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final WireProfile profile;

    TrackerSocket(String host, int port, String bindAddr, WireProfile profile, int connectTimeoutMs,
                  int networkTimeoutMs) throws IOException {
        Socket s = new Socket();
        try {
            if (bindAddr != null && !bindAddr.isBlank() && !"0.0.0.0".equals(bindAddr)) {
                // like FastDFS's client_bind: trackers identify a storage by the address it connects from
                s.bind(new InetSocketAddress(bindAddr, 0));
            }
            s.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            s.setSoTimeout(networkTimeoutMs);
            s.setTcpNoDelay(true);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        this.socket = s;
        this.in = new DataInputStream(s.getInputStream());
        this.profile = profile;
    }

    /** Sends {@code request} and returns the reply body; a non-zero status becomes a ProtocolException. */
    ByteBuffer call(Request request) throws IOException {
        socket.getOutputStream().write(Frames.request(request, profile));
        byte[] h = new byte[Header.SIZE];
        in.readFully(h);
        Header header = Header.decode(ByteBuffer.wrap(h));
        if (header.bodyLength() < 0 || header.bodyLength() > 1 << 20) {
            throw new IOException("tracker sent a body of " + header.bodyLength() + " bytes");
        }
        byte[] body = new byte[(int) header.bodyLength()];
        in.readFully(body);
        if (!header.isOk()) {
            Status st = Status.of(header.status());
            throw new ProtocolException(st == null ? Status.EIO : st,
                    request.command() + " answered " + Status.describe(header.status()));
        }
        return ByteBuffer.wrap(body);
    }

    @Override
    public void close() {
        try {
            socket.getOutputStream().write(Frames.request(Command.QUIT));
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
