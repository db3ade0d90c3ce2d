package org.fastdfs.server;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Header;

/** Handles the requests of one connection. Every callback runs on the connection's event loop. */
public interface RequestDispatcher {

    /**
     * An aggregated request. Answer it exactly once with one of the connection's reply methods, from
     * any thread; the next request is not read before that.
     */
    void onRequest(FramedConnection connection, Header header, ByteBuffer body);

    /**
     * A streamed request (upload, append, sync of file content) has started. Return the sink that
     * receives its body; the sink answers once the body has ended.
     */
    default StreamSink onStreamStart(FramedConnection connection, Header header) {
        connection.replyErrorAndClose(org.fastdfs.proto.Status.EINVAL);
        return StreamSink.DISCARD;
    }

    /** The connection closed, whatever the reason. */
    default void onClose(FramedConnection connection) {
    }
}
