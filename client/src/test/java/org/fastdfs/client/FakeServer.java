package org.fastdfs.client;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.Status;

/**
 * A tracker or storage stand-in on an ephemeral loopback port: reads request frames (header plus
 * pkg_len body bytes), records them, and writes what its {@link Responder} returns. ACTIVE_TEST is
 * answered with an empty success and QUIT closes the connection without an answer, as the servers do.
 */
public final class FakeServer implements AutoCloseable {

    /** A received request. */
    public record Frame(Header header, byte[] body) {

        public int command() {
            return header.command();
        }

        public byte[] bytes() {
            ByteBuffer b = ByteBuffer.allocate(Header.SIZE + body.length);
            header.encode(b);
            return b.put(body).array();
        }

        public String hex() {
            return HexFormat.of().formatHex(bytes());
        }
    }

    /** Answers a request with the bytes of a whole reply frame, or {@code null} to close the connection. */
    @FunctionalInterface
    public interface Responder {
        byte[] respond(Frame request) throws IOException;
    }

    private final ServerSocket server;
    private final Responder responder;
    private final List<Frame> received = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    public FakeServer(Responder responder) throws IOException {
        this.responder = responder;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "fake-server-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /**
     * Replays a capture: a request equal to a captured request gets the captured reply; ACTIVE_TEST
     * gets an empty success; anything else gets EINVAL (and is recorded, so tests see the mismatch).
     */
    public static Responder replay(Capture capture) {
        Map<String, byte[]> replies = new LinkedHashMap<>();
        for (Capture.Message m : capture.messages()) {
            if (m.request() && m.complete()) {
                Capture.Message reply = capture.replyTo(m);
                if (reply.complete()) {
                    replies.putIfAbsent(HexFormat.of().formatHex(m.frame()), reply.frame());
                }
            }
        }
        return request -> {
            byte[] reply = replies.get(request.hex());
            return reply != null ? reply : Frames.status(Status.EINVAL);
        };
    }

    public Endpoint endpoint() {
        return new Endpoint(server.getInetAddress().getHostAddress(), server.getLocalPort());
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every request received so far, QUIT and ACTIVE_TEST included. */
    public List<Frame> received() {
        return List.copyOf(received);
    }

    /** The requests received so far, without QUIT and ACTIVE_TEST. */
    public List<Frame> requests() {
        List<Frame> out = new ArrayList<>();
        for (Frame f : received) {
            if (f.command() != Command.QUIT.code() && f.command() != Command.ACTIVE_TEST.code()) {
                out.add(f);
            }
        }
        return out;
    }

    public List<Frame> received(Command command) {
        return received.stream().filter(f -> f.command() == command.code()).toList();
    }

    /** Number of TCP connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Closes every open connection from the server side (a server restart, an idle timeout). */
    public void dropConnections() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                accepted.incrementAndGet();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "fake-conn-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = new BufferedOutputStream(s.getOutputStream());
            while (true) {
                byte[] head = new byte[Header.SIZE];
                try {
                    in.readFully(head);
                } catch (EOFException e) {
                    return;
                }
                Header header = Header.decode(ByteBuffer.wrap(head));
                byte[] body = new byte[(int) header.bodyLength()];
                in.readFully(body);
                Frame frame = new Frame(header, body);
                received.add(frame);
                if (header.command() == Command.QUIT.code()) {
                    return;
                }
                byte[] reply;
                try {
                    reply = header.command() == Command.ACTIVE_TEST.code() && body.length == 0
                            ? Frames.status(Status.OK) : responder.respond(frame);
                } catch (RuntimeException e) {
                    System.err.println("fake server: " + e);
                    reply = Frames.status(Status.EINVAL);
                }
                if (reply == null) {
                    return;
                }
                out.write(reply);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            sockets.remove(s);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        dropConnections();
    }
}
