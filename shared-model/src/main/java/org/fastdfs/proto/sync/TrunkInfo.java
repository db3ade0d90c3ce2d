package org.fastdfs.proto.sync;

import java.nio.ByteBuffer;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * FDFSTrunkInfoBuff, the 15-byte trunk slot block, PROTOCOL.md §5.8: store_path_index (1) +
 * sub_path_high (1) + sub_path_low (1) + trunk file id (4) + offset (4) + size (4), integers
 * big-endian. It is the TRUNK_ALLOC_SPACE (27) reply and part of the ALLOC_CONFIRM (28) and
 * FREE_SPACE (29) requests.
 *
 * @param storePathIndex store path of the trunk file, 0..127 (the C code reads a signed byte and
 *                       rejects negative values)
 * @param subPathHigh    first-level directory, 0..255
 * @param subPathLow     second-level directory, 0..255
 * @param fileId         trunk file id (unsigned in C; kept as the raw 32 bits)
 * @param offset         slot offset inside the trunk file
 * @param size           allocated slot size
 */
public record TrunkInfo(int storePathIndex, int subPathHigh, int subPathLow, int fileId, int offset, int size)
        implements WireMessage {

    /** Size on the wire. */
    public static final int SIZE = 3 + 3 * 4;

    public TrunkInfo {
        if (storePathIndex < 0 || storePathIndex > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("store path index out of range: " + storePathIndex);
        }
        if (subPathHigh < 0 || subPathHigh > 255 || subPathLow < 0 || subPathLow > 255) {
            throw new IllegalArgumentException("sub path out of range: " + subPathHigh + "/" + subPathLow);
        }
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.put((byte) storePathIndex).put((byte) subPathHigh).put((byte) subPathLow);
        out.putInt(fileId).putInt(offset).putInt(size);
    }

    /** Reads the next 15 bytes of {@code in} (callers check the body length). */
    public static TrunkInfo read(ByteBuffer in) {
        Wire.require(in, SIZE, "trunk info");
        int index = in.get();
        if (index < 0) {
            throw ProtocolException.invalid("trunk info: store path index " + index + " is negative");
        }
        return new TrunkInfo(index, in.get() & 0xFF, in.get() & 0xFF, in.getInt(), in.getInt(), in.getInt());
    }

    /** Decodes a TRUNK_ALLOC_SPACE reply: exactly 15 bytes. */
    public static TrunkInfo decode(ByteBuffer body) {
        Wire.requireLength(body, SIZE, "TRUNK_ALLOC_SPACE reply");
        return read(body);
    }
}
