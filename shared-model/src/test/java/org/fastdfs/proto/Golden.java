package org.fastdfs.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A golden request of the codec tests: its frame, the record it must decode to, and the decoder; plus
 * the helpers every golden suite shares (one frame per command for the coverage check, both profiles,
 * the commands of a family).
 */
public record Golden<T extends Request>(String name, byte[] frame, T expected, Function<ByteBuffer, T> decoder) {

    @Override
    public String toString() {
        return name;
    }

    /** For streamed requests: decode the fixed part and check the buffer is left at the first content byte. */
    public static <T extends Request> Function<ByteBuffer, T> streamed(Function<ByteBuffer, T> decoder) {
        return body -> {
            T decoded = decoder.apply(body);
            assertThat((long) body.remaining()).as("content left after the fixed part")
                    .isEqualTo(decoded.trailingLength());
            return decoded;
        };
    }

    /** The first golden frame of each command, in list order. */
    public static Map<Command, byte[]> firstFramePerCommand(List<Golden<?>> all) {
        Map<Command, byte[]> m = new LinkedHashMap<>();
        for (Golden<?> g : all) {
            m.putIfAbsent(g.expected().command(), g.frame());
        }
        return m;
    }

    /** Every golden request in the classic and the current profile, for a parameterized test. */
    public static Stream<Arguments> inBothProfiles(List<Golden<?>> all) {
        return all.stream().flatMap(g -> Stream.of(
                Arguments.of(g, WireProfile.CLASSIC), Arguments.of(g, WireProfile.CURRENT)));
    }

    /** Every command of {@code family}: what a suite's golden requests must cover. */
    public static Set<Command> family(Command.Family family) {
        Set<Command> s = EnumSet.noneOf(Command.class);
        for (Command c : Command.values()) {
            if (c.family() == family) {
                s.add(c);
            }
        }
        return s;
    }
}
