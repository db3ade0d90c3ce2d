package org.fastdfs.proto.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.fastdfs.proto.FrameFixtures.concat;
import static org.fastdfs.proto.FrameFixtures.int4;
import static org.fastdfs.proto.FrameFixtures.long8;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Function;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;

/** Helpers for the tracker message tests. */
final class TrackerFixtures {

    private TrackerFixtures() {
    }

    /**
     * The 348-byte stat block built field by field from the PROTOCOL.md §2.6 table: the first three
     * values are 4-byte connection counts, the other 42 are 8-byte counters, in table order.
     */
    static byte[] statBlock(long... values) {
        assertThat(values).as("stat block values").hasSize(45);
        byte[][] parts = new byte[45][];
        for (int i = 0; i < 45; i++) {
            parts[i] = i < 3 ? int4((int) values[i]) : long8(values[i]);
        }
        byte[] block = concat(parts);
        assertThat(block).hasSize(348);
        return block;
    }

    /** The body of a frame (everything after the 10-byte header). */
    static byte[] body(byte[] frame) {
        return Arrays.copyOfRange(frame, 10, frame.length);
    }

    /** Asserts that decoding {@code body} fails with {@code status}, and returns the message. */
    static String rejects(Status status, byte[] body, Function<ByteBuffer, ?> decoder) {
        ProtocolException e = catchThrowableOfType(ProtocolException.class,
                () -> decoder.apply(ByteBuffer.wrap(body)));
        assertThat(e).as("decoding %d bytes must fail", body.length).isNotNull();
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.getMessage()).isNotBlank();
        return e.getMessage();
    }

    static String rejects(byte[] body, Function<ByteBuffer, ?> decoder) {
        return rejects(Status.EINVAL, body, decoder);
    }

    /** {@code n} zero bytes. */
    static byte[] zeros(int n) {
        return new byte[n];
    }
}
