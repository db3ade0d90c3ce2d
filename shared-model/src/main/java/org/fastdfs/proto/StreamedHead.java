package org.fastdfs.proto;

/**
 * Conventions for streamed messages (uploads, appends, modifies and sync of file content).
 *
 * <p>Their records have a static {@code decode(ByteBuffer body, long bodyLength)} that reads the fixed
 * part from the start of {@code body}, checks the declared content size against {@code bodyLength}
 * (the header's pkg_len), and leaves {@code body} positioned at the first content byte. A receiver
 * collects {@code min(bodyLength, MAX)} bytes before calling it; every FastDFS fixed part, file names
 * included, is shorter than that.
 */
public final class StreamedHead {

    /** Upper bound of any streamed message's fixed part (the longest is 44 + two 127-byte names). */
    public static final int MAX = 512;

    private StreamedHead() {
    }

    /** Number of bytes a receiver collects before decoding the fixed part. */
    public static int collect(long bodyLength) {
        return (int) Math.min(bodyLength, MAX);
    }

    /** Fails unless {@code declared} content bytes are exactly what is left of {@code bodyLength} after the fixed part. */
    public static void checkContentSize(long declared, long bodyLength, int headLength, String what) {
        if (declared < 0 || declared != bodyLength - headLength) {
            throw ProtocolException.invalid(what + ": declared size " + declared + " does not match body length "
                    + bodyLength + " minus the " + headLength + "-byte fixed part");
        }
    }
}
