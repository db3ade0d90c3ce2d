package org.fastdfs.meta;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a SET_METADATA request does to the {@code -m} sidecar (PROTOCOL.md §3.6;
 * storage_do_set_metadata), computed without touching the disk: the storage performs
 * {@link #action()} and writes the matching binlog record for {@code <remote filename>-m}.
 *
 * <ul>
 *   <li>Overwrite, empty body: delete the sidecar if it exists ({@link Action#DELETE}, binlog D),
 *       else nothing.</li>
 *   <li>Overwrite, non-empty body: the items sorted by name are written ({@link Action#UPDATE}, U,
 *       if the sidecar existed; {@link Action#CREATE}, C, if not).</li>
 *   <li>Merge, empty body: nothing.</li>
 *   <li>Merge, non-empty body: no sidecar → the sorted new items (C); else the old items merged
 *       with the new ones, new values winning, sorted (U).</li>
 * </ul>
 *
 * <p>Parsing drops records without 0x02 and cuts names to 64 and values to 256 bytes. Everything is
 * done on bytes ({@link Metadata#SERVER_CHARSET}), so the client's charset does not matter. A
 * non-empty body in which no record is valid still writes the (then empty) sidecar.
 *
 * @param action  what to do with the sidecar
 * @param content the bytes to write for CREATE and UPDATE; empty for DELETE and NONE
 */
public record SidecarChange(Action action, byte[] content) {

    /** The sidecar operation and the binlog op letter that records it (§5.3). */
    public enum Action {
        /** Nothing to do, no binlog record. */
        NONE('\0'),
        /** Write a new sidecar; binlog 'C'. */
        CREATE('C'),
        /** Rewrite the existing sidecar; binlog 'U'. */
        UPDATE('U'),
        /** Delete the sidecar; binlog 'D'. */
        DELETE('D');

        private final char binlogOp;

        Action(char binlogOp) {
            this.binlogOp = binlogOp;
        }

        /** The source binlog op letter (C, U or D); '\0' for NONE. */
        public char binlogOp() {
            return binlogOp;
        }

        /** True for CREATE and UPDATE: the content must be written to the sidecar. */
        public boolean writesFile() {
            return this == CREATE || this == UPDATE;
        }
    }

    public SidecarChange {
        Objects.requireNonNull(action, "action");
        content = content == null ? new byte[0] : content.clone();
        if (!action.writesFile() && content.length > 0) {
            throw new IllegalArgumentException(action + " has no content to write");
        }
    }

    /** Applies the request in {@code mode}; {@code current} is the sidecar's bytes, or null when it does not exist. */
    public static SidecarChange apply(MetadataMode mode, byte[] request, byte[] current) {
        return mode == MetadataMode.OVERWRITE ? overwrite(request, current != null) : merge(request, current);
    }

    /** Overwrite ('O'). */
    public static SidecarChange overwrite(byte[] request, boolean sidecarExists) {
        if (request.length == 0) {
            return new SidecarChange(sidecarExists ? Action.DELETE : Action.NONE, null);
        }
        Metadata items = Metadata.decode(request, Metadata.SERVER_CHARSET).sorted(Metadata.SERVER_CHARSET);
        return new SidecarChange(sidecarExists ? Action.UPDATE : Action.CREATE,
                items.encode(Metadata.SERVER_CHARSET));
    }

    /** Merge ('M'); {@code current} is the sidecar's bytes, or null when it does not exist. */
    public static SidecarChange merge(byte[] request, byte[] current) {
        if (request.length == 0) {
            return new SidecarChange(Action.NONE, null);
        }
        Metadata news = Metadata.decode(request, Metadata.SERVER_CHARSET);
        if (current == null) {
            return new SidecarChange(Action.CREATE, news.sorted(Metadata.SERVER_CHARSET).encode(Metadata.SERVER_CHARSET));
        }
        Metadata olds = Metadata.decode(current, Metadata.SERVER_CHARSET);
        return new SidecarChange(Action.UPDATE,
                olds.mergedWith(news, Metadata.SERVER_CHARSET).encode(Metadata.SERVER_CHARSET));
    }

    /** A copy of the bytes to write. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SidecarChange c && action == c.action && Arrays.equals(content, c.content);
    }

    @Override
    public int hashCode() {
        return 31 * action.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "SidecarChange[" + action + ", content=" + HexFormat.of().formatHex(content) + "]";
    }
}
