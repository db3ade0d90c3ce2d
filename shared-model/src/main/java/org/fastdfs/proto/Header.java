package org.fastdfs.proto;

import java.nio.ByteBuffer;

/**
 * The 10-byte header in front of every FastDFS message: body length (8 bytes, big-endian, the
 * header itself excluded), command code and status. Responses always carry command
 * {@link Command#RESP} (100); requests carry status 0 except where {@link Command} documents a use.
 *
 * @param bodyLength number of body bytes that follow the header
 * @param command    raw command byte (unsigned 0..255)
 * @param status     raw status byte (unsigned 0..255): an errno value in responses
 */
public record Header(long bodyLength, int command, int status) {

    /** Size of the header on the wire. */
    public static final int SIZE = 10;

    public Header {
        if (command < 0 || command > 255) {
            throw new IllegalArgumentException("command byte out of range: " + command);
        }
        if (status < 0 || status > 255) {
            throw new IllegalArgumentException("status byte out of range: " + status);
        }
    }

    public static Header request(Command command, long bodyLength) {
        return new Header(bodyLength, command.code(), 0);
    }

    public static Header response(Status status, long bodyLength) {
        return new Header(bodyLength, Command.RESP.code(), status.code());
    }

    /** The command this header names, or {@code null} for a code FastDFS does not define. */
    public Command commandCode() {
        return Command.of(command);
    }

    public boolean isOk() {
        return status == 0;
    }

    /** Reads a header from the next 10 bytes of {@code in}; the body length may be negative (callers check). */
    public static Header decode(ByteBuffer in) {
        long length = in.getLong();
        int cmd = in.get() & 0xFF;
        int st = in.get() & 0xFF;
        return new Header(length, cmd, st);
    }

    public void encode(ByteBuffer out) {
        out.putLong(bodyLength).put((byte) command).put((byte) status);
    }

    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        encode(b);
        return b.array();
    }
}
