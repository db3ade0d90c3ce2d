package org.fastdfs.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * Test fixtures for golden frames: hex parsing, and decoding one frame under every chunking a
 * network can produce (whole, one byte at a time, split at every position, and followed by a
 * second copy in the same buffer). Every way must yield the same header and body.
 */
public final class FrameFixtures {

    /** Limits that aggregate every command up to 16 MiB, so golden frames decode whole. */
    public static final FrameLimits AGGREGATE_ALL = FrameLimits.builder(16 << 20).build();

    private FrameFixtures() {
    }

    /** Parses hex; whitespace, '|' and ':' are ignored, and '#' starts a comment to the end of the line. */
    public static byte[] hex(String text) {
        StringBuilder digits = new StringBuilder();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            String data = hash >= 0 ? line.substring(0, hash) : line;
            digits.append(data.replaceAll("[\\s|:]", ""));
        }
        return HexFormat.of().parseHex(digits);
    }

    public static String toHex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Concatenates byte arrays. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Text as ISO-8859-1 bytes. */
    public static byte[] ascii(String s) {
        return Wire.bytes(s);
    }

    /** {@code s} NUL-padded to {@code width}. */
    public static byte[] padded(String s, int width) {
        ByteBuffer b = ByteBuffer.allocate(width);
        Wire.putFixed(b, s, width);
        return b.array();
    }

    /** Big-endian 8-byte value. */
    public static byte[] long8(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    /** Big-endian 4-byte value. */
    public static byte[] int4(int v) {
        return ByteBuffer.allocate(4).putInt(v).array();
    }

    /** A decoded frame: its header and its whole body (streamed chunks joined). */
    public record Decoded(Header header, byte[] body) {
        public ByteBuffer bodyBuffer() {
            return ByteBuffer.wrap(body);
        }
    }

    /** Collects whatever a decoder emits. */
    public static final class Collector implements FrameDecoder.Handler {
        public final List<Decoded> frames = new ArrayList<>();
        public final List<ProtocolException> errors = new ArrayList<>();
        private Header streamHeader;
        private ByteArrayOutputStream streamBody;
        public int streamChunks;

        @Override
        public void onFrame(Header header, ByteBuffer body) {
            byte[] b = new byte[body.remaining()];
            body.get(b);
            frames.add(new Decoded(header, b));
        }

        @Override
        public void onStreamStart(Header header) {
            streamHeader = header;
            streamBody = new ByteArrayOutputStream();
        }

        @Override
        public void onStreamData(ByteBuffer chunk) {
            assertThat(chunk.remaining()).as("stream chunks are never empty").isPositive();
            byte[] b = new byte[chunk.remaining()];
            chunk.get(b);
            streamBody.writeBytes(b);
            streamChunks++;
        }

        @Override
        public void onStreamEnd() {
            frames.add(new Decoded(streamHeader, streamBody.toByteArray()));
            streamHeader = null;
        }

        @Override
        public void onError(ProtocolException error) {
            errors.add(error);
        }
    }

    /** Feeds {@code input} cut into pieces at the given positions and returns what was emitted. */
    public static Collector feedSplit(byte[] input, FrameLimits limits, int... cuts) {
        Collector c = new Collector();
        FrameDecoder d = new FrameDecoder(limits, c);
        int from = 0;
        for (int cut : cuts) {
            d.feed(input, from, cut - from);
            from = cut;
        }
        d.feed(input, from, input.length - from);
        return c;
    }

    /**
     * Decodes exactly one frame under every chunking: whole, byte by byte, split at every position,
     * and as two copies in one buffer. Asserts they agree and returns the frame.
     */
    public static Decoded decodeAllWays(byte[] frame, FrameLimits limits) {
        Collector whole = feedSplit(frame, limits);
        assertThat(whole.errors).as("errors decoding the whole frame").isEmpty();
        assertThat(whole.frames).as("frames in the whole input").hasSize(1);
        Decoded expected = whole.frames.get(0);
        assertThat(Header.SIZE + expected.body().length).as("frame consumed exactly").isEqualTo(frame.length);

        Collector oneByOne = new Collector();
        FrameDecoder d = new FrameDecoder(limits, oneByOne);
        for (byte b : frame) {
            d.feed(new byte[] {b});
        }
        assertSame(expected, oneByOne, "byte by byte");
        assertThat(d.idle()).isTrue();

        int step = Math.max(1, frame.length / 200);
        for (int cut = 1; cut < frame.length; cut += step) {
            assertSame(expected, feedSplit(frame, limits, cut), "split at " + cut);
        }
        assertSame(expected, feedSplit(frame, limits, Header.SIZE / 2), "split mid-header");
        assertSame(expected, feedSplit(frame, limits, Header.SIZE), "split after the header");
        assertSame(expected, feedSplit(frame, limits, Header.SIZE + expected.body().length / 2), "split mid-body");

        Collector twice = feedSplit(concat(frame, frame), limits);
        assertThat(twice.errors).isEmpty();
        assertThat(twice.frames).as("two frames in one buffer").hasSize(2);
        for (Decoded f : twice.frames) {
            assertThat(f.header()).isEqualTo(expected.header());
            assertThat(f.body()).isEqualTo(expected.body());
        }
        return expected;
    }

    private static void assertSame(Decoded expected, Collector c, String how) {
        assertThat(c.errors).as("errors, " + how).isEmpty();
        assertThat(c.frames).as("frames, " + how).hasSize(1);
        assertThat(c.frames.get(0).header()).as("header, " + how).isEqualTo(expected.header());
        assertThat(c.frames.get(0).body()).as("body, " + how).isEqualTo(expected.body());
    }

    /**
     * The golden-request check: the frame decodes every way, its header names the request's command,
     * {@code decoder} turns the body into {@code expected}, and encoding {@code expected} gives the
     * golden bytes back.
     */
    public static <T extends Request> T assertGoldenRequest(byte[] golden, WireProfile profile, T expected,
                                                            Function<ByteBuffer, T> decoder) {
        Decoded d = decodeAllWays(golden, AGGREGATE_ALL);
        assertThat(Command.of(d.header().command())).isEqualTo(expected.command());
        assertThat(d.header().status()).isEqualTo(expected.headerStatus());
        T decoded = decoder.apply(d.bodyBuffer());
        assertThat(decoded).isEqualTo(expected);
        byte[] encoded = Frames.request(expected, profile);
        // streamed requests encode only their fixed part; the golden frame also holds the content
        assertThat(toHex(encoded)).isEqualTo(toHex(java.util.Arrays.copyOf(golden, encoded.length)));
        assertThat(d.header().bodyLength()).isEqualTo(expected.bodyLength(profile));
        return decoded;
    }

    /** The golden-response check: as {@link #assertGoldenRequest} for a status-0 response (cmd 100). */
    public static <T extends WireMessage> T assertGoldenResponse(byte[] golden, WireProfile profile, T expected,
                                                                 Function<ByteBuffer, T> decoder) {
        Decoded d = decodeAllWays(golden, AGGREGATE_ALL);
        assertThat(d.header().command()).isEqualTo(Command.RESP.code());
        assertThat(d.header().status()).isZero();
        T decoded = decoder.apply(d.bodyBuffer());
        assertThat(decoded).isEqualTo(expected);
        assertThat(toHex(Frames.response(expected, profile))).isEqualTo(toHex(golden));
        return decoded;
    }

    /** A frame: header for {@code command} with the given body. */
    public static byte[] frame(int command, int status, byte[] body) {
        return concat(new Header(body.length, command, status).toBytes(), body);
    }

    /** A request frame for {@code command}. */
    public static byte[] requestFrame(Command command, byte[]... bodyParts) {
        return frame(command.code(), 0, concat(bodyParts));
    }

    /** A status-0 response frame (cmd 100). */
    public static byte[] responseFrame(byte[]... bodyParts) {
        return frame(Command.RESP.code(), 0, concat(bodyParts));
    }
}
