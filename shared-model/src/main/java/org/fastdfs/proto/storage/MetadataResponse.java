package org.fastdfs.proto.storage;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * The GET_METADATA (15) reply, PROTOCOL.md §3.6: the raw bytes of the metadata sidecar file (packed
 * metadata, {@code name 0x02 value} joined by {@code 0x01}), kept as ISO-8859-1 text so every byte
 * round-trips; {@link #bytes()} gives them back. Parsing is the metadata codec's job.
 *
 * @param metadata the sidecar content as ISO-8859-1 text (may be empty)
 */
public record MetadataResponse(String metadata) implements WireMessage {

    public MetadataResponse {
        FileFields.requireLatin1(metadata, "metadata");
    }

    /** The sidecar bytes (a fresh copy). */
    public byte[] bytes() {
        return Wire.bytes(metadata);
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return FileFields.byteLength(metadata);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putString(out, metadata);
    }

    public static MetadataResponse decode(ByteBuffer body) {
        return new MetadataResponse(Wire.getRest(body));
    }
}
