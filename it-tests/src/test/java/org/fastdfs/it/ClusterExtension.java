package org.fastdfs.it;

import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One {@link MiniCluster} per test class: started before the first test, stopped after the last
 * (also when tests fail), and the tail of every server log printed when a test fails.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ClusterExtension CLUSTER = new ClusterExtension(() -> MiniCluster.builder("join").storages(2));
 * }</pre>
 */
public final class ClusterExtension implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    private static final int TAIL_LINES = 60;

    private final Supplier<MiniCluster.Builder> builder;
    private MiniCluster cluster;

    public ClusterExtension(Supplier<MiniCluster.Builder> builder) {
        this.builder = builder;
    }

    /** The running cluster. */
    public MiniCluster get() {
        if (cluster == null) {
            throw new IllegalStateException("the cluster is not running (it failed to start, or this is not a test)");
        }
        return cluster;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = builder.get().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (cluster != null) {
            System.err.println("---- " + context.getDisplayName() + " failed (" + cause + "); server logs in "
                    + cluster.workDir() + ":");
            System.err.println(cluster.logTails(TAIL_LINES));
        }
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        // nothing to report
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        // nothing to report
    }
}
