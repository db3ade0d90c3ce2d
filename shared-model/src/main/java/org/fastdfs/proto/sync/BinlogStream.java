package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.Wire;

/**
 * The odd reply to FETCH_ONE_PATH_BINLOG (26), PROTOCOL.md §5.7. It is not a normal frame:
 * <ol>
 *   <li>a response header whose pkg_len is {@link #UNKNOWN_LENGTH} (2^58, INFINITE_FILE_SIZE: "length
 *       unknown"), cmd 100, status 0;</li>
 *   <li>binlog text lines ({@code <timestamp> <op> <filename>[ <target>]\n}) for the create-type records
 *       of that store path, in as many writes as the server likes;</li>
 *   <li>an 8-byte big-endian trailer holding the number of line bytes sent in step 2;</li>
 *   <li>the server closes the connection.</li>
 * </ol>
 * A reader must therefore not hand this reply to the frame decoder (the length is far above any limit):
 * it reads until end of stream and checks the last 8 bytes with {@link #checkTrailer}. An error before
 * the stream starts is an ordinary header-only reply with a non-zero status.
 */
public final class BinlogStream {

    /** pkg_len of the reply header: 2^58. */
    public static final long UNKNOWN_LENGTH = 1L << 58;
    /** Size of the trailer. */
    public static final int TRAILER_SIZE = Wire.LONG_SIZE;

    private BinlogStream() {
    }

    /** The reply header (10 bytes: pkg_len 2^58, cmd 100, status 0). */
    public static Header header() {
        return Header.response(Status.OK, UNKNOWN_LENGTH);
    }

    /** True if {@code header} opens a binlog stream rather than an ordinary reply. */
    public static boolean isStreamHeader(Header header) {
        return header.isOk() && header.bodyLength() == UNKNOWN_LENGTH;
    }

    /** The trailer that follows {@code lineBytes} bytes of lines. */
    public static byte[] trailer(long lineBytes) {
        if (lineBytes < 0) {
            throw new IllegalArgumentException("negative line byte count: " + lineBytes);
        }
        return ByteBuffer.allocate(TRAILER_SIZE).putLong(lineBytes).array();
    }

    /** Reads the 8-byte trailer: the number of line bytes the server says it sent. */
    public static long readTrailer(ByteBuffer in) {
        long n = Wire.getLong(in, "binlog stream trailer");
        if (n < 0) {
            throw ProtocolException.invalid("binlog stream trailer holds a negative count: " + n);
        }
        return n;
    }

    /**
     * Checks a complete stream body (everything after the header up to end of stream): the last 8 bytes
     * must hold the number of bytes before them. Returns the number of line bytes; {@code body} is left
     * unchanged.
     */
    public static long checkTrailer(ByteBuffer body) {
        int lines = body.remaining() - TRAILER_SIZE;
        if (lines < 0) {
            throw ProtocolException.invalid("binlog stream of " + body.remaining() + " bytes has no 8-byte trailer");
        }
        long declared = readTrailer(body.duplicate().position(body.position() + lines));
        if (declared != lines) {
            throw ProtocolException.invalid("binlog stream trailer says " + declared + " line bytes but "
                    + lines + " arrived");
        }
        return lines;
    }
}
