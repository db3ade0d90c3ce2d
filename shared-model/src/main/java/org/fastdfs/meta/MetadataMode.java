package org.fastdfs.meta;

import org.fastdfs.proto.ProtocolException;

/** The op flag byte of SET_METADATA (PROTOCOL.md §3.6): 'O' overwrite, 'M' merge. */
public enum MetadataMode {
    /** 'O' (0x4F): replace all items; an empty body deletes the sidecar. */
    OVERWRITE('O'),
    /** 'M' (0x4D): add or replace items; an empty body changes nothing. */
    MERGE('M');

    private final byte flag;

    MetadataMode(char flag) {
        this.flag = (byte) flag;
    }

    /** The flag byte on the wire. */
    public byte flag() {
        return flag;
    }

    /**
     * The mode for a flag byte.
     *
     * @throws ProtocolException EINVAL for any other byte, as the storage answers
     */
    public static MetadataMode ofFlag(byte flag) {
        for (MetadataMode m : values()) {
            if (m.flag == flag) {
                return m;
            }
        }
        throw ProtocolException.invalid(String.format(
                "invalid metadata op flag 0x%02X: expected 'O' (overwrite) or 'M' (merge)", flag & 0xFF));
    }
}
