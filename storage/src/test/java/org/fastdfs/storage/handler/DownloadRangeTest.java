package org.fastdfs.storage.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fastdfs.proto.ProtocolException;
import org.junit.jupiter.api.Test;

/** The range rules of PROTOCOL.md §3.4 (the recommended, lenient variant). */
class DownloadRangeTest {

    @Test
    void zeroMeansToTheEndAndTooLongIsCut() {
        assertThat(DownloadHandler.range(0, 0, 100)).containsExactly(0, 100);
        assertThat(DownloadHandler.range(10, 0, 100)).containsExactly(10, 90);
        assertThat(DownloadHandler.range(10, 20, 100)).containsExactly(10, 20);
        assertThat(DownloadHandler.range(90, 20, 100)).containsExactly(90, 10);
    }

    @Test
    void theEndGivesNothingAndPastTheEndIsEinval() {
        assertThat(DownloadHandler.range(100, 0, 100)).containsExactly(100, 0);
        assertThat(DownloadHandler.range(0, 0, 0)).containsExactly(0, 0);
        assertThatThrownBy(() -> DownloadHandler.range(101, 0, 100)).isInstanceOf(ProtocolException.class);
    }
}
