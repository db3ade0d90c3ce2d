package org.fastdfs.storage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SubdirCursorTest {

    @Test
    void roundRobinMovesOnAfterRotateCountFilesAndWraps() {
        SubdirCursor c = new SubdirCursor(SubdirCursor.ROUND_ROBIN, 2, 2);
        int[][] expected = {{0, 0}, {0, 0}, {0, 1}, {0, 1}, {1, 0}, {1, 0}, {1, 1}, {1, 1}, {0, 0}};
        for (int[] dir : expected) {
            assertThat(c.next()).containsExactly(dir);
        }
        assertThat(c.state()).containsExactly(0, 0, 1);
    }

    @Test
    void aRestoredCursorContinuesAndOutOfRangeValuesRestart() {
        SubdirCursor c = new SubdirCursor(SubdirCursor.ROUND_ROBIN, 100, 4);
        c.restore(3, 2, 99);
        assertThat(c.next()).containsExactly(3, 2);
        assertThat(c.next()).containsExactly(3, 3);
        c.restore(9, 0, 5);
        assertThat(c.state()).containsExactly(0, 0, 0);
    }

    @Test
    void randomModeHashesTheNameWithPjw() {
        assertThat(SubdirCursor.pjwHash("a".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(97);
        assertThat(SubdirCursor.pjwHash("ab".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(97 * 16 + 98);
        // eight characters push bits into the top nibble, which is folded back and cleared
        int h = SubdirCursor.pjwHash("wKgBCmVT8QCAEjRWAAAwORI0q80".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(h).isNotNegative().isLessThan(1 << 28);
        SubdirCursor c = new SubdirCursor(SubdirCursor.RANDOM, 100, 256);
        int n = h % 65536;
        assertThat(c.forName("wKgBCmVT8QCAEjRWAAAwORI0q80")).containsExactly(n >> 8, n & 0xFF);
        SubdirCursor small = new SubdirCursor(SubdirCursor.RANDOM, 100, 4);
        assertThat(small.forName("wKgBCmVT8QCAEjRWAAAwORI0q80")).containsExactly((n >> 8) % 4, (n & 0xFF) % 4);
    }

    @Test
    void refusesUnknownModes() {
        assertThatThrownBy(() -> new SubdirCursor(2, 100, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubdirCursor(0, 0, 256)).isInstanceOf(IllegalArgumentException.class);
    }
}
