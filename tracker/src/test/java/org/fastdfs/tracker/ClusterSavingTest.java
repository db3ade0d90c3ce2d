package org.fastdfs.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Future;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.cluster.StorageBeatRequest;
import org.fastdfs.proto.cluster.StorageJoinRequest;
import org.fastdfs.proto.stat.StatBlock;
import org.fastdfs.proto.stat.StatField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tracker writes a join to its state files at once, but the heartbeat counters only once
 * {@link ClusterService#REPORTS_SAVE_INTERVAL_MILLIS} has passed since the last save (with whatever
 * the tracker does next), with the next change of membership or status, or when it stops. Its own tracker (a profile of its own), as it moves the clock.
 */
@QuarkusTest
@TestProfile(ClusterSavingTest.OwnTracker.class)
class ClusterSavingTest {

    public static final class OwnTracker implements QuarkusTestProfile {
    }

    static final WireProfile P = WireProfile.CLASSIC;

    @Inject
    TrackerServer server;
    @Inject
    ClusterService cluster;
    @Inject
    TrackerConfig config;

    private final AtomicLong millis = new AtomicLong(System.currentTimeMillis());

    @AfterEach
    void realClock() {
        cluster.setClock(Clock.systemUTC());
    }

    @Test
    void heartbeatCountersAreSavedAfterTheIntervalWithAStatusChangeOrOnFlush() throws Exception {
        cluster.setClock(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.get());
            }
        });
        Path servers = Path.of(config.basePath()).resolve("data/storage_servers_new.dat");
        try (WireClient storage = join("127.0.0.6")) {
            assertThat(saved(servers)).as("a join is saved at once").contains("ip_addr=127.0.0.6");

            beat(storage, 42);
            assertThat(saved(servers)).as("counters wait for the interval").doesNotContain("success_upload_count=42");

            millis.addAndGet(ClusterService.REPORTS_SAVE_INTERVAL_MILLIS);
            wait(cluster.call(state -> null).mapEmpty());
            assertThat(saved(servers)).as("the next action after the interval saves them")
                    .contains("success_upload_count=42");

            beat(storage, 43);
            assertThat(saved(servers)).as("a new interval").doesNotContain("success_upload_count=43");
            try (WireClient second = join("127.0.0.7")) {
                assertThat(saved(servers)).as("saved with the next join").contains("ip_addr=127.0.0.7")
                        .contains("success_upload_count=43");

                beat(storage, 44);
                assertThat(saved(servers)).doesNotContain("success_upload_count=44");
                wait(cluster.flush());
                assertThat(Files.readString(servers)).as("a flush (as at shutdown) saves what waits")
                        .contains("success_upload_count=44");
            }
        }
    }

    private WireClient join(String ip) throws Exception {
        WireClient storage = new WireClient(ip, server.port(), P);
        var join = storage.call(new StorageJoinRequest("saving", 23000, 0, 1, 256, 10, 1_700_000_000L,
                1_700_000_000L, "6.06", "", true, 0, "", "127.0.0.1:" + server.port(),
                List.of("127.0.0.1:" + server.port())));
        assertThat(join.status()).isZero();
        return storage;
    }

    private static void beat(WireClient storage, long uploads) throws Exception {
        var beat = storage.call(new StorageBeatRequest(StatBlock.EMPTY.with(StatField.SUCCESS_UPLOAD_COUNT, uploads)));
        assertThat(beat.status()).isZero();
    }

    /** The servers file once every save decided so far is written. */
    private String saved(Path servers) throws Exception {
        wait(cluster.lastSave());
        return Files.readString(servers);
    }

    private static void wait(Future<Void> f) throws Exception {
        f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
