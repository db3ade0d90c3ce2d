package org.fastdfs.proto;

import java.nio.ByteBuffer;

/**
 * A message body that can write itself. Records implement this and add a static
 * {@code decode(ByteBuffer[, WireProfile])}; the pair must round-trip byte for byte.
 *
 * <p>Streamed messages (uploads, appends, sync of file content) encode only their fixed part here;
 * the file content follows on the wire and {@link #trailingLength()} says how long it is, so that
 * {@code pkg_len = encodedLength + trailingLength}.
 */
public interface WireMessage {

    /** Number of bytes {@link #encode} writes under {@code profile}. */
    int encodedLength(WireProfile profile);

    /** Writes the body (or its fixed part) in wire order. */
    void encode(ByteBuffer out, WireProfile profile);

    /** Bytes that follow the encoded part on the wire (streamed content); 0 for most messages. */
    default long trailingLength() {
        return 0;
    }

    /** The value of the header's body-length field for this message. */
    default long bodyLength(WireProfile profile) {
        return encodedLength(profile) + trailingLength();
    }

    /** The encoded part as a fresh array. */
    default byte[] toBytes(WireProfile profile) {
        ByteBuffer b = ByteBuffer.allocate(encodedLength(profile));
        encode(b, profile);
        if (b.hasRemaining()) {
            throw new IllegalStateException(getClass().getSimpleName() + " wrote " + b.position()
                    + " bytes but declared " + b.capacity());
        }
        return b.array();
    }
}
