package org.fastdfs.proto;

/** A request body: a {@link WireMessage} that knows its command code. */
public interface Request extends WireMessage {

    Command command();

    /**
     * The header's status byte: 0 except for QUERY_FILE_INFO (flags) and SYNC_CREATE/UPDATE_FILE
     * (17 = content omitted), PROTOCOL.md §1.5.
     */
    default int headerStatus() {
        return 0;
    }
}
