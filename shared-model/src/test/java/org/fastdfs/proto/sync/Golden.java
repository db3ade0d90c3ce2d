package org.fastdfs.proto.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.function.Function;
import org.fastdfs.proto.Request;

/** A golden request of this package's tests: its frame, the record it must decode to, and the decoder. */
record Golden<T extends Request>(String name, byte[] frame, T expected, Function<ByteBuffer, T> decoder) {

    @Override
    public String toString() {
        return name;
    }

    /** For streamed requests: decode the fixed part and check the buffer is left at the first content byte. */
    static <T extends Request> Function<ByteBuffer, T> streamed(Function<ByteBuffer, T> decoder) {
        return body -> {
            T decoded = decoder.apply(body);
            assertThat((long) body.remaining()).as("content left after the fixed part")
                    .isEqualTo(decoded.trailingLength());
            return decoded;
        };
    }
}
