package org.fastdfs.storage.store;

import org.fastdfs.rules.ReservedSpace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.junit.jupiter.api.Test;

class StorePathSelectorTest {

    /** Path i has 1000 MB, of which free[i] are free. */
    static StorePathSelector selector(long[] free, Set<Integer> readOnly) {
        return new StorePathSelector(free.length, readOnly, i -> new StorePathSelector.Usage(1000, free[i]),
                ReservedSpace.parse("10%"));
    }

    static Status status(Runnable r) {
        try {
            r.run();
            return Status.OK;
        } catch (ProtocolException e) {
            return e.status();
        }
    }

    @Test
    void roundRobinSkipsReadOnlyAndFullPaths() {
        StorePathSelector s = selector(new long[] {500, 50, 500, 500}, Set.of(2));
        assertThat(s.choose(-1, 0)).isEqualTo(0);
        assertThat(s.choose(-1, 0)).as("1 is full").isEqualTo(3);
        assertThat(s.choose(-1, 0)).isEqualTo(0);
    }

    @Test
    void aNamedPathIsUsedUnlessReadOnly() {
        StorePathSelector s = selector(new long[] {500, 500}, Set.of(1));
        assertThat(s.choose(0, 0)).isEqualTo(0);
        assertThat(s.choose(1, 0)).as("read-only: the storage picks").isEqualTo(0);
    }

    @Test
    void loadBalancePicksTheMostFree() {
        StorePathSelector s = selector(new long[] {300, 700, 900}, Set.of(2));
        s.setMode(StorePathSelector.LOAD_BALANCE);
        assertThat(s.choose(-1, 0)).isEqualTo(1);
    }

    @Test
    void aBadIndexIsEinvalAndNoRoomIsEnospc() {
        StorePathSelector s = selector(new long[] {150}, Set.of());
        assertThat(status(() -> s.choose(1, 0))).isEqualTo(Status.EINVAL);
        assertThat(status(() -> s.choose(-2, 0))).isEqualTo(Status.EINVAL);
        assertThat(status(() -> s.choose(0, 40L << 20))).isEqualTo(Status.OK);
        assertThat(status(() -> s.choose(0, 50L << 20))).as("would leave exactly 10%").isEqualTo(Status.ENOSPC);
        assertThat(status(() -> s.choose(-1, 60L << 20))).isEqualTo(Status.ENOSPC);
        StorePathSelector readOnly = selector(new long[] {900}, Set.of(0));
        assertThat(status(() -> readOnly.choose(-1, 0))).isEqualTo(Status.ENOSPC);
        assertThatThrownBy(() -> s.setMode(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
