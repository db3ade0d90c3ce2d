package org.fastdfs.it;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The interop scenarios with our own client against servers in the classic profile. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OwnClientClassicTest extends OwnClientScenarios {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension(() -> MiniCluster.builder("own-classic").protocol("classic"));

    @Override
    MiniCluster cluster() {
        return CLUSTER.get();
    }
}
