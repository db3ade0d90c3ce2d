package org.fastdfs.proto;

import java.util.Arrays;

/**
 * How a {@link FrameDecoder} treats each command byte: the largest body it accepts, and whether the
 * body is streamed to the handler in chunks or aggregated into one array first.
 *
 * <p>Servers aggregate small commands up to their network buffer size (FastDFS answers EINVAL for a
 * non-streamed request that does not fit, PROTOCOL.md §1.4) and stream the commands that carry file
 * content. Clients stream responses (downloads).
 */
public final class FrameLimits {

    /** FastDFS's sample {@code buff_size}: the largest non-streamed storage request. */
    public static final long DEFAULT_AGGREGATE_MAX = 256 * 1024;

    private final long[] maxBody;
    private final boolean[] streamed;

    private FrameLimits(long[] maxBody, boolean[] streamed) {
        this.maxBody = maxBody;
        this.streamed = streamed;
    }

    /** Limits for a server: commands flagged {@link Command#streamed()} stream up to {@code maxStreamed}, all others aggregate up to {@code maxAggregated}. */
    public static FrameLimits server(long maxAggregated, long maxStreamed) {
        Builder b = builder(maxAggregated);
        for (Command c : Command.values()) {
            if (c.streamed()) {
                b.stream(c, maxStreamed);
            }
        }
        return b.build();
    }

    /** Limits for a client reading responses: every body streams, up to {@code max}. */
    public static FrameLimits streamingAll(long max) {
        Builder b = builder(max);
        Arrays.fill(b.streamed, true);
        return b.build();
    }

    public static Builder builder(long defaultMax) {
        return new Builder(defaultMax);
    }

    /** The largest body accepted for this command byte. */
    public long maxBody(int command) {
        return maxBody[command & 0xFF];
    }

    /** Whether bodies of this command byte are delivered as a stream of chunks. */
    public boolean streamed(int command) {
        return streamed[command & 0xFF];
    }

    public static final class Builder {
        private final long[] maxBody = new long[256];
        private final boolean[] streamed = new boolean[256];

        private Builder(long defaultMax) {
            checkMax(defaultMax);
            Arrays.fill(maxBody, defaultMax);
        }

        /** Aggregated bodies up to {@code max} for every command of a family. */
        public Builder family(Command.Family family, long max) {
            checkMax(max);
            for (Command c : Command.values()) {
                if (c.family() == family) {
                    maxBody[c.code()] = max;
                    streamed[c.code()] = false;
                }
            }
            return this;
        }

        /** Aggregated bodies up to {@code max} for one command. */
        public Builder aggregate(Command command, long max) {
            checkMax(max);
            maxBody[command.code()] = max;
            streamed[command.code()] = false;
            return this;
        }

        /** Streamed bodies up to {@code max} for one command. */
        public Builder stream(Command command, long max) {
            checkMax(max);
            maxBody[command.code()] = max;
            streamed[command.code()] = true;
            return this;
        }

        public FrameLimits build() {
            return new FrameLimits(maxBody.clone(), streamed.clone());
        }

        private static void checkMax(long max) {
            if (max < 0) {
                throw new IllegalArgumentException("a body limit cannot be negative: " + max);
            }
        }
    }
}
