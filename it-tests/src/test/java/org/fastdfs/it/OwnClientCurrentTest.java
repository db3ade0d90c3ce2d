package org.fastdfs.it;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The interop scenarios with our own client against servers in the current profile. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OwnClientCurrentTest extends OwnClientScenarios {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension(() -> MiniCluster.builder("own-current").protocol("current"));

    @Override
    MiniCluster cluster() {
        return CLUSTER.get();
    }
}
