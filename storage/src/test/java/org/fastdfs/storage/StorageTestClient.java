package org.fastdfs.storage;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.storage.AppendFileRequest;
import org.fastdfs.proto.storage.DownloadFileRequest;
import org.fastdfs.proto.storage.ModifyFileRequest;
import org.fastdfs.proto.storage.UploadFileRequest;
import org.fastdfs.proto.storage.UploadResponse;
import org.fastdfs.proto.storage.UploadSlaveFileRequest;

/** A bare FastDFS storage client over one socket, built from the shared-model records. */
public final class StorageTestClient implements Closeable {

    public static final String GROUP = "group1";
    public static final WireProfile PROFILE = WireProfile.CLASSIC;

    /** A frame read off a socket (a response, or a request a scripted peer received): header and body. */
    public record Response(Header header, byte[] body) {
        public int status() {
            return header.status();
        }

        public boolean ok() {
            return header.status() == 0;
        }

        public ByteBuffer buffer() {
            return ByteBuffer.wrap(body);
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    public StorageTestClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Sends {@code parts} in order from another thread, for a test that reads while it writes (a peer that
     * stops reading would otherwise block the test); the future fails with what the sending threw.
     */
    public CompletableFuture<Void> sendInBackground(byte[]... parts) {
        return CompletableFuture.runAsync(() -> {
            try {
                for (byte[] part : parts) {
                    send(part);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public Response read() throws IOException {
        return read(in);
    }

    /** Reads one whole frame from {@code in}. */
    public static Response read(DataInputStream in) throws IOException {
        byte[] h = new byte[Header.SIZE];
        in.readFully(h);
        Header header = Header.decode(ByteBuffer.wrap(h));
        byte[] body = new byte[(int) header.bodyLength()];
        in.readFully(body);
        return new Response(header, body);
    }

    /** Sends a whole request frame (with its content, if any) and reads the response. */
    public Response call(Request request, byte[] content) throws IOException {
        send(Frames.request(request, PROFILE));
        if (content != null) {
            send(content);
        }
        return read();
    }

    public Response call(Request request) throws IOException {
        return call(request, null);
    }

    public Response activeTest() throws IOException {
        send(Frames.request(Command.ACTIVE_TEST));
        return read();
    }

    /** True when the server has closed the connection (the next read sees the end of the stream). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    public InputStream input() {
        return in;
    }

    public OutputStream output() {
        return out;
    }

    // ---- commands ------------------------------------------------------------------------------

    public Response upload(Command command, int storePath, String ext, byte[] content) throws IOException {
        return call(new UploadFileRequest(command, storePath, content.length, ext), content);
    }

    /** Uploads a normal file to any store path; fails the test unless it succeeds. */
    public String upload(String ext, byte[] content) throws IOException {
        return fileName(upload(Command.UPLOAD_FILE, -1, ext, content));
    }

    public String uploadAppender(String ext, byte[] content) throws IOException {
        return fileName(upload(Command.UPLOAD_APPENDER_FILE, -1, ext, content));
    }

    public Response uploadSlave(String master, String prefix, String ext, byte[] content) throws IOException {
        return call(new UploadSlaveFileRequest(master, content.length, prefix, ext), content);
    }

    public Response download(String name, long offset, long length) throws IOException {
        return call(new DownloadFileRequest(offset, length, GROUP, name));
    }

    public byte[] download(String name) throws IOException {
        Response r = download(name, 0, 0);
        if (!r.ok()) {
            throw new AssertionError("download of " + name + " failed: " + Status.describe(r.status()));
        }
        return r.body();
    }

    public Response append(String name, byte[] content) throws IOException {
        return call(new AppendFileRequest(name, content.length), content);
    }

    public Response modify(String name, long offset, byte[] content) throws IOException {
        return call(new ModifyFileRequest(name, offset, content.length), content);
    }

    /** The remote file name of a successful upload reply. */
    public static String fileName(Response r) {
        if (!r.ok()) {
            throw new AssertionError("expected success, got " + Status.describe(r.status()));
        }
        UploadResponse u = UploadResponse.decode(r.buffer());
        if (!u.group().equals(GROUP)) {
            throw new AssertionError("reply names group " + u.group());
        }
        return u.filename();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
