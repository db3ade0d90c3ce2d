package org.fastdfs.tracker;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;

/** A bare-socket test peer: sends one request frame, reads one response frame. */
final class WireClient implements AutoCloseable {

    record Reply(Header header, ByteBuffer body) {
        int status() {
            return header.status();
        }
    }

    private final Socket socket = new Socket();
    private final DataInputStream in;
    private final WireProfile profile;

    WireClient(String bindHost, int port, WireProfile profile) throws IOException {
        if (bindHost != null) {
            socket.bind(new InetSocketAddress(bindHost, 0));
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        this.profile = profile;
    }

    Reply call(Request request) throws IOException {
        socket.getOutputStream().write(Frames.request(request, profile));
        return read();
    }

    Reply call(Command headerOnly) throws IOException {
        socket.getOutputStream().write(Frames.request(headerOnly));
        return read();
    }

    Reply read() throws IOException {
        byte[] h = new byte[Header.SIZE];
        in.readFully(h);
        Header header = Header.decode(ByteBuffer.wrap(h));
        byte[] body = new byte[(int) header.bodyLength()];
        in.readFully(body);
        return new Reply(header, ByteBuffer.wrap(body));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
