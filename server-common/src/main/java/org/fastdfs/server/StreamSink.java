package org.fastdfs.server;

import java.nio.ByteBuffer;

/** Receives the body of one streamed request, in order, on the connection's event loop. */
public interface StreamSink {

    /** Discards everything: for a request already answered with an error. */
    StreamSink DISCARD = new StreamSink() {
        @Override
        public void onData(ByteBuffer chunk) {
        }

        @Override
        public void onEnd() {
        }
    };

    /** The next body chunk; it is only valid during the call, so copy or write it before returning. */
    void onData(ByteBuffer chunk);

    /** The body is complete: answer the request. */
    void onEnd();

    /** The connection closed before the body was complete: clean up (temp files and the like). */
    default void onAbort() {
    }
}
