package org.fastdfs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ConnectionPoolTest {

    static final byte[] CONTENT = "pooled".getBytes(StandardCharsets.US_ASCII);

    @Test
    void reusesOneConnectionPerServerForConsecutiveCalls() throws IOException {
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            String id = cluster.put(CONTENT, "txt");
            for (int i = 0; i < 3; i++) {
                assertThat(client.downloadBytes(id)).isEqualTo(CONTENT);
            }
            assertThat(cluster.tracker.accepted()).isEqualTo(1);
            assertThat(cluster.storage.accepted()).isEqualTo(1);
            assertThat(client.idleConnections(cluster.storage.endpoint())).isEqualTo(1);
        }
    }

    @Test
    void checksAConnectionIdleForAWhileWithActiveTestBeforeReusingIt() throws IOException {
        try (MemoryCluster cluster = new MemoryCluster();
             FdfsClient client = cluster.client(ClientConfig.builder().activeTestAfter(Duration.ZERO))) {
            String id = cluster.put(CONTENT, "txt");
            client.downloadBytes(id);
            client.downloadBytes(id);

            // the ACTIVE_TEST request of the captures: header only, cmd 111 (metadata_get.txt)
            Capture.Message captured = Capture.load("metadata_get.txt").request(111);
            assertThat(cluster.storage.received(Command.ACTIVE_TEST)).singleElement()
                    .satisfies(f -> assertThat(f.hex()).isEqualTo(HexFormat.of().formatHex(captured.frame())));
            assertThat(cluster.storage.accepted()).isEqualTo(1);
        }
    }

    @Test
    void replacesAPooledConnectionTheServerHasClosed() throws IOException {
        try (MemoryCluster cluster = new MemoryCluster();
             FdfsClient client = cluster.client(ClientConfig.builder().activeTestAfter(Duration.ZERO))) {
            String id = cluster.put(CONTENT, "txt");
            client.downloadBytes(id);
            cluster.storage.dropConnections();
            cluster.tracker.dropConnections();

            assertThat(client.downloadBytes(id)).isEqualTo(CONTENT);
            assertThat(cluster.storage.accepted()).isEqualTo(2);
            assertThat(cluster.tracker.accepted()).isEqualTo(2);
        }
    }

    @Test
    void closesConnectionsIdleLongerThanTheIdleTimeout() throws Exception {
        try (MemoryCluster cluster = new MemoryCluster();
             FdfsClient client = cluster.client(ClientConfig.builder().idleTimeout(Duration.ofMillis(50)))) {
            String id = cluster.put(CONTENT, "txt");
            client.downloadBytes(id);
            Thread.sleep(200);
            client.downloadBytes(id);

            assertThat(cluster.storage.accepted()).isEqualTo(2);
            assertThat(cluster.storage.received(Command.ACTIVE_TEST)).isEmpty();
            assertThat(client.idleConnections(cluster.storage.endpoint())).isEqualTo(1);
        }
    }

    @Test
    void dropsTheConnectionAfterAnEinvalReplyBecauseTheStorageClosesIt() throws IOException {
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            String id = cluster.put(CONTENT, "txt");
            assertThatThrownBy(() -> client.downloadBytes(id, 1000, 0))
                    .isInstanceOf(FdfsException.class)
                    .hasMessageContaining("EINVAL (22)");
            assertThat(client.idleConnections(cluster.storage.endpoint())).isZero();

            assertThat(client.downloadBytes(id)).isEqualTo(CONTENT);
            assertThat(cluster.storage.accepted()).isEqualTo(2);
        }
    }

    @Test
    void keepsTheConnectionAfterAnotherErrorStatus() throws IOException {
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            String id = cluster.put(CONTENT, "txt");
            client.delete(id);
            assertThatThrownBy(() -> client.delete(id)).hasMessageContaining("ENOENT");

            assertThat(client.idleConnections(cluster.storage.endpoint())).isEqualTo(1);
            assertThat(cluster.storage.accepted()).isEqualTo(1);
        }
    }

    @Test
    void waitsForAFreeConnectionAndGivesUpAfterTheBorrowTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        try (FakeServer slow = new FakeServer(f -> {
                arrived.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Frames.status(Status.OK);
            });
             FdfsClient client = new FdfsClient(ClientConfig.builder().tracker(slow.endpoint())
                     .maxConnectionsPerServer(1).borrowTimeout(Duration.ofMillis(100)).build())) {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<?> busy = pool.submit(() -> client.tracker().deleteStorage("group1", "10.0.0.9"));
                assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();

                assertThatThrownBy(() -> client.tracker().listGroups())
                        .isInstanceOf(FdfsNetworkException.class)
                        .hasMessageContaining("connections to " + slow.endpoint() + " stayed busy");
                release.countDown();
                busy.get(5, TimeUnit.SECONDS);
                assertThat(slow.accepted()).isEqualTo(1);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }
    }

    /** A client of {@code tracker} alone with the given network timeout. */
    static FdfsClient trackerClient(FakeServer tracker, Duration networkTimeout) {
        return new FdfsClient(ClientConfig.builder().tracker(tracker.endpoint()).networkTimeout(networkTimeout).build());
    }

    /** A server that reads requests and never answers, until {@code never} counts down. */
    static FakeServer mute(CountDownLatch never) throws IOException {
        return new FakeServer(f -> {
            try {
                never.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
    }

    @Test
    void timesOutWhenTheServerDoesNotAnswer() throws IOException {
        CountDownLatch never = new CountDownLatch(1);
        try (FakeServer mute = mute(never);
             FdfsClient client = trackerClient(mute, Duration.ofMillis(200))) {
            assertThatThrownBy(() -> client.tracker().queryStore())
                    .isInstanceOf(FdfsNetworkException.class)
                    .hasMessageContaining("no answer within 200 ms")
                    .satisfies(e -> assertThat(((FdfsException) e).statusCode()).isEqualTo(Status.ETIMEDOUT));
        } finally {
            never.countDown();
        }
    }

    @Test
    void anInterruptEndsAWaitForAnAnswer() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (FakeServer mute = mute(never);
             FdfsClient client = trackerClient(mute, Duration.ofSeconds(30))) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread caller = Thread.ofPlatform().start(() -> {
                try {
                    client.tracker().queryStore();
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            });
            Thread.sleep(300); // blocked in the read by now
            caller.interrupt();
            caller.join(5_000);
            assertThat(caller.isAlive()).isFalse();
            assertThat(failure.get()).isInstanceOf(FdfsNetworkException.class)
                    .hasMessageContaining("interrupted")
                    .satisfies(e -> assertThat(((FdfsException) e).statusCode()).isEqualTo(Status.EIO));
        } finally {
            never.countDown();
        }
    }

    @Test
    void sendsQuitWhenClosed() throws Exception {
        try (MemoryCluster cluster = new MemoryCluster()) {
            FdfsClient client = cluster.client();
            client.tracker().queryStore();
            client.close();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (cluster.tracker.received(Command.QUIT).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(cluster.tracker.received(Command.QUIT)).hasSize(1);
            assertThatThrownBy(() -> client.tracker().queryStore()).isInstanceOf(IllegalStateException.class);
        }
    }
}
