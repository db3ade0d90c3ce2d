package org.fastdfs.meta;

import java.util.Objects;

/**
 * One metadata item: {@code name 0x02 value} on the wire (PROTOCOL.md §3.6).
 *
 * <p>A name may not contain NUL, 0x01 or 0x02, and a value may not contain NUL or 0x01: such an
 * item would not come back the same after packing. (A value may contain 0x02: only the first 0x02
 * of a record separates name and value.) Lengths are limited by {@link Metadata#MAX_NAME_BYTES} and
 * {@link Metadata#MAX_VALUE_BYTES} in bytes of the charset in use; see {@link Metadata#truncated}.
 */
public record MetaItem(String name, String value) {

    public MetaItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        check(name, "name", true);
        check(value, "value", false);
    }

    private static void check(String s, String what, boolean isName) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c == Metadata.RECORD_SEPARATOR || (isName && c == Metadata.FIELD_SEPARATOR)) {
                throw new IllegalArgumentException("metadata " + what + " \"" + s + "\" contains the control byte 0x0"
                        + (int) c);
            }
        }
    }
}
