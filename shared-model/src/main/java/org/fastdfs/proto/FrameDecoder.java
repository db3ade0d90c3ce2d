package org.fastdfs.proto;

import java.nio.ByteBuffer;

/**
 * Incremental decoder for FastDFS frames. Feed it bytes in any chunking; it calls its
 * {@link Handler} once per complete aggregated frame, or with start / data / end for streamed
 * bodies, as {@link FrameLimits} decides per command byte.
 *
 * <p>A negative or over-limit body length, or a stream that ends mid-frame, is reported once through
 * {@link Handler#onError} and puts the decoder in a terminal failed state: it never resynchronises
 * on the same stream, and every later {@link #feed} is ignored.
 *
 * <p>A handler may call {@link #pause()} from any callback: {@link #feed} then returns as soon as the
 * callback returns, leaving the unread bytes in the input buffer, so that a server can answer one
 * request before it decodes the next. {@link #resume()} clears the pause; the caller feeds the rest.
 *
 * <p>Not thread-safe: one decoder belongs to one connection and is driven by one thread at a time.
 */
public final class FrameDecoder {

    /** Receives decoded frames. Buffers passed in are only valid during the call. */
    public interface Handler {

        /** A complete aggregated frame. {@code body} holds exactly {@code header.bodyLength()} bytes. */
        void onFrame(Header header, ByteBuffer body);

        /** The header of a streamed frame; its body follows in {@link #onStreamData} calls. */
        default void onStreamStart(Header header) {
            throw new UnsupportedOperationException("streamed frames are not handled here");
        }

        /** The next chunk of a streamed body (never empty). */
        default void onStreamData(ByteBuffer chunk) {
            throw new UnsupportedOperationException("streamed frames are not handled here");
        }

        /** The streamed body is complete. */
        default void onStreamEnd() {
            throw new UnsupportedOperationException("streamed frames are not handled here");
        }

        /** The input is malformed; the decoder has stopped for good. */
        void onError(ProtocolException error);
    }

    private enum State { HEADER, BODY, STREAM, FAILED }

    private final FrameLimits limits;
    private final Handler handler;
    private final byte[] headerBytes = new byte[Header.SIZE];
    private int headerFill;
    private State state = State.HEADER;
    private Header header;
    private byte[] body;
    private int bodyFill;
    private long streamRemaining;
    private boolean paused;

    public FrameDecoder(FrameLimits limits, Handler handler) {
        this.limits = limits;
        this.handler = handler;
    }

    /** Consumes every remaining byte of {@code input}. */
    public void feed(ByteBuffer input) {
        while (input.hasRemaining() && state != State.FAILED && !paused) {
            switch (state) {
                case HEADER -> readHeader(input);
                case BODY -> readBody(input);
                case STREAM -> readStream(input);
                default -> throw new IllegalStateException();
            }
        }
    }

    public void feed(byte[] bytes, int offset, int length) {
        feed(ByteBuffer.wrap(bytes, offset, length));
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /** Stops {@link #feed} after the current callback; unread bytes stay in the caller's buffer. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public boolean paused() {
        return paused;
    }

    /**
     * The input ended (connection closed). A frame left half-read is reported as an error; between
     * frames this does nothing.
     */
    public void endOfInput() {
        if (state == State.HEADER && headerFill == 0 || state == State.FAILED) {
            return;
        }
        String where = state == State.HEADER
                ? "inside the header (" + headerFill + " of " + Header.SIZE + " bytes)"
                : "inside the body of command " + header.command();
        fail(ProtocolException.invalid("connection closed " + where));
    }

    /** True when the decoder sits between frames (nothing partially read). */
    public boolean idle() {
        return state == State.HEADER && headerFill == 0;
    }

    public boolean failed() {
        return state == State.FAILED;
    }

    private void readHeader(ByteBuffer in) {
        int n = Math.min(Header.SIZE - headerFill, in.remaining());
        in.get(headerBytes, headerFill, n);
        headerFill += n;
        if (headerFill < Header.SIZE) {
            return;
        }
        headerFill = 0;
        header = Header.decode(ByteBuffer.wrap(headerBytes));
        long length = header.bodyLength();
        long max = limits.maxBody(header.command());
        if (length < 0) {
            fail(ProtocolException.invalid("negative body length " + length + " for command " + header.command()));
            return;
        }
        if (length > max) {
            fail(ProtocolException.invalid("body length " + length + " exceeds the limit of " + max
                    + " bytes for command " + header.command()));
            return;
        }
        boolean streamed = limits.streamed(header.command());
        if (!streamed && length > Integer.MAX_VALUE - 8) {
            fail(ProtocolException.invalid("body length " + length + " is too large to aggregate"));
            return;
        }
        if (streamed) {
            streamRemaining = length;
            state = State.STREAM;
            handler.onStreamStart(header);
            if (length == 0) {
                finishStream();
            }
        } else if (length == 0) {
            deliver(new byte[0]);
        } else {
            body = new byte[(int) length];
            bodyFill = 0;
            state = State.BODY;
        }
    }

    private void readBody(ByteBuffer in) {
        int n = Math.min(body.length - bodyFill, in.remaining());
        in.get(body, bodyFill, n);
        bodyFill += n;
        if (bodyFill == body.length) {
            byte[] complete = body;
            body = null;
            deliver(complete);
        }
    }

    private void deliver(byte[] complete) {
        state = State.HEADER;
        handler.onFrame(header, ByteBuffer.wrap(complete));
    }

    private void readStream(ByteBuffer in) {
        int n = (int) Math.min(streamRemaining, in.remaining());
        ByteBuffer chunk = in.slice(in.position(), n);
        in.position(in.position() + n);
        streamRemaining -= n;
        handler.onStreamData(chunk);
        if (streamRemaining == 0 && state == State.STREAM) {
            finishStream();
        }
    }

    private void finishStream() {
        state = State.HEADER;
        handler.onStreamEnd();
    }

    private void fail(ProtocolException e) {
        state = State.FAILED;
        body = null;
        handler.onError(e);
    }
}
