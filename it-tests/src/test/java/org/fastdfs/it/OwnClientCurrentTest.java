package org.fastdfs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The interop scenarios with our own client against servers in the current profile, the storages with their
 * connections spread over three event loops ({@code work_threads}; the classic run keeps the default one).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OwnClientCurrentTest extends OwnClientScenarios {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension(() -> MiniCluster.builder("own-current").protocol("current")
            .storageProperty("fdfs.storage.work-threads", "3"));

    @Override
    MiniCluster cluster() {
        return CLUSTER.get();
    }

    @Test
    void theStoragesServeTheirConnectionsOnThreeEventLoops() {
        assertThat(CLUSTER.get().storages()).allSatisfy(s -> assertThat(s.tail(100_000))
                .contains("connections served on 3 event loops"));
    }
}
