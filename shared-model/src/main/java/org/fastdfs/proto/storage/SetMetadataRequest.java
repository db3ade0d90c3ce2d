package org.fastdfs.proto.storage;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * SET_METADATA (13), PROTOCOL.md §3.6: filename_len (8) + meta_size (8) + op flag (1, 'O' or 'M') +
 * group (16) + remote file name + packed metadata (meta_size bytes). Reply: empty.
 *
 * <p>The packed metadata ({@code name 0x02 value}, items joined by {@code 0x01}) is kept as the exact
 * bytes of the wire, read as ISO-8859-1 text: {@link #metadataBytes()} gives them back. Packing and
 * parsing the items is the metadata codec's job, not this record's.
 *
 * @param op       overwrite or merge
 * @param group    group name
 * @param filename remote file name without group, 1..127 bytes
 * @param metadata the packed metadata as ISO-8859-1 text; empty is allowed (overwrite with nothing
 *                 deletes the metadata, merge with nothing does nothing)
 */
public record SetMetadataRequest(Op op, String group, String filename, String metadata) implements Request {

    /** The op flag byte. */
    public enum Op {
        /** 'O': replace all items. */
        OVERWRITE('O'),
        /** 'M': merge, new values win. */
        MERGE('M');

        private final char flag;

        Op(char flag) {
            this.flag = flag;
        }

        public char flag() {
            return flag;
        }

        /** The op for a flag byte, or {@code null}. */
        public static Op of(int flag) {
            return flag == 'O' ? OVERWRITE : flag == 'M' ? MERGE : null;
        }
    }

    private static final int FIXED_SIZE = 2 * Wire.LONG_SIZE + 1 + Wire.GROUP_NAME_SIZE;

    public SetMetadataRequest {
        if (op == null) {
            throw new IllegalArgumentException("metadata op is null");
        }
        FileFields.requireGroup(group);
        FileFields.requireName(filename, 1, "remote file name");
        FileFields.requireLatin1(metadata, "packed metadata");
    }

    /** The packed metadata bytes (a fresh copy). */
    public byte[] metadataBytes() {
        return Wire.bytes(metadata);
    }

    @Override
    public Command command() {
        return Command.SET_METADATA;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return FIXED_SIZE + FileFields.byteLength(filename) + FileFields.byteLength(metadata);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.putLong(FileFields.byteLength(filename)).putLong(FileFields.byteLength(metadata));
        out.put((byte) op.flag());
        Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
        Wire.putString(out, filename);
        Wire.putString(out, metadata);
    }

    public static SetMetadataRequest decode(ByteBuffer body) {
        int total = body.remaining();
        if (total <= FIXED_SIZE) {
            throw ProtocolException.invalid("SET_METADATA: body of " + total + " bytes must be longer than "
                    + FIXED_SIZE);
        }
        int nameLength = FileFields.readNameLength(body, 1, "remote file name");
        long metaSize = Wire.getLong(body, "metadata size");
        int flag = body.get() & 0xFF;
        Op op = Op.of(flag);
        if (op == null) {
            throw ProtocolException.invalid(String.format("SET_METADATA: op flag 0x%02X is neither 'O' nor 'M'", flag));
        }
        long rest = (long) total - FIXED_SIZE - nameLength;
        if (metaSize < 0 || metaSize != rest) {
            throw ProtocolException.invalid("SET_METADATA: metadata size " + metaSize
                    + " does not match the " + rest + " bytes after the file name");
        }
        String group = Wire.getFixed(body, Wire.GROUP_NAME_SIZE);
        String filename = Wire.getString(body, nameLength);
        return new SetMetadataRequest(op, group, filename, Wire.getRest(body));
    }
}
