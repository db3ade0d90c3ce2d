package org.fastdfs.proto;

import java.nio.ByteBuffer;

/**
 * Builds complete frames (header + body) in one buffer, because the Java clients read the header
 * and list bodies with a single {@code read} and every response must go out in one write.
 */
public final class Frames {

    private Frames() {
    }

    /** A request frame: header (pkg_len includes any streamed trailing content) followed by the encoded part. */
    public static byte[] request(Request request, WireProfile profile) {
        int len = request.encodedLength(profile);
        ByteBuffer b = ByteBuffer.allocate(Header.SIZE + len);
        new Header(request.bodyLength(profile), request.command().code(), request.headerStatus()).encode(b);
        request.encode(b, profile);
        return checkFull(b, request);
    }

    /** A header-only request, e.g. ACTIVE_TEST, QUIT or a query with an empty body. */
    public static byte[] request(Command command) {
        return Header.request(command, 0).toBytes();
    }

    /** A successful response carrying {@code body}. */
    public static byte[] response(WireMessage body, WireProfile profile) {
        int len = body.encodedLength(profile);
        ByteBuffer b = ByteBuffer.allocate(Header.SIZE + len);
        Header.response(Status.OK, body.bodyLength(profile)).encode(b);
        body.encode(b, profile);
        return checkFull(b, body);
    }

    /** A successful response with raw body bytes. */
    public static byte[] response(byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(Header.SIZE + body.length);
        Header.response(Status.OK, body.length).encode(b);
        b.put(body);
        return b.array();
    }

    /** A header-only response: success with an empty body, or an error status. */
    public static byte[] status(Status status) {
        return Header.response(status, 0).toBytes();
    }

    private static byte[] checkFull(ByteBuffer b, WireMessage m) {
        if (b.hasRemaining()) {
            throw new IllegalStateException(m.getClass().getSimpleName() + " encoded fewer bytes than it declared");
        }
        return b.array();
    }
}
