package org.fastdfs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fastdfs.client.ClientConfig;
import org.fastdfs.client.FdfsClient;
import org.fastdfs.client.FdfsException;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.cluster.StorageStatus;
import org.fastdfs.proto.stat.StatField;
import org.fastdfs.proto.tracker.GroupStat;
import org.fastdfs.proto.tracker.GroupStatList;
import org.fastdfs.proto.tracker.ListGroupsRequest;
import org.fastdfs.proto.tracker.QueryStoreRequest;
import org.fastdfs.proto.tracker.ServerAddress;
import org.fastdfs.proto.tracker.StorageStat;
import org.fastdfs.proto.tracker.StoreTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tracker and two storages of group1 as processes: the storages join over the real protocol,
 * the tracker offers the ACTIVE one to clients, and the cluster survives SIGKILLs and restarts.
 * Needs only the tracker and the storage's tracker reporting, except for the one file that test 5
 * uploads before it kills the storage.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterJoinTest {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension(() -> MiniCluster.builder("join").storages(2));

    static final Duration WAIT = Duration.ofSeconds(30);

    static FdfsClient client;

    @BeforeAll
    static void connect() {
        client = newClient();
    }

    static FdfsClient newClient() {
        MiniCluster c = CLUSTER.get();
        return new FdfsClient(ClientConfig.builder().trackers(c.trackerAddress()).profile(c.trackerProfile())
                .networkTimeout(Duration.ofSeconds(10))
                // no ACTIVE_TEST probe before reuse: test 7 checks how a stale pooled connection is handled
                .activeTestAfter(Duration.ofMinutes(10)).build());
    }

    @AfterAll
    static void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    @Order(1)
    void theFirstStorageIsActiveAndOfferedForUploads() {
        MiniCluster c = CLUSTER.get();
        ServerProcess s1 = c.storage(1);

        List<GroupStat> groups = client.tracker().listGroups();
        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.groupName()).isEqualTo("group1");
            assertThat(g.storageCount()).isEqualTo(2);
            assertThat(g.activeCount()).isGreaterThanOrEqualTo(1);
            assertThat(g.subdirCountPerPath()).isEqualTo(4);
        });

        List<StorageStat> storages = client.tracker().listStorages("group1");
        assertThat(storages).extracting(StorageStat::ip).containsExactlyInAnyOrder("127.0.0.2", "127.0.0.3");
        StorageStat first = storages.stream().filter(s -> s.ip().equals(s1.host())).findFirst().orElseThrow();
        assertThat(StorageStatus.of(first.status())).isEqualTo(StorageStatus.ACTIVE);
        assertThat(first.storagePort()).isEqualTo(s1.port());
        assertThat(first.storePathCount()).isEqualTo(1);

        // the second storage may already be ACTIVE too (replication brings it up): round robin picks either
        for (StoreTarget t : List.of(client.tracker().queryStore(), client.tracker().queryStore("group1"))) {
            assertThat(t.group()).isEqualTo("group1");
            assertThat(t.ip()).isIn(s1.host(), "127.0.0.3");
            assertThat(t.port()).isEqualTo(s1.port());
            assertThat(t.storePathIndex()).isZero();
        }
        assertThat(client.tracker().queryStoreAll("group1").servers()).contains(new ServerAddress(s1.host(), s1.port()));
    }

    @Test
    @Order(2)
    void theSecondStorageJoinsTheGroupWithItsOwnAddress() {
        MiniCluster c = CLUSTER.get();
        // A member already exists, so the newcomer waits for a sync source (or is already done).
        assertThat(c.statusOf(c.storage(2))).hasValueSatisfying(s -> assertThat(s).isIn(
                StorageStatus.WAIT_SYNC, StorageStatus.SYNCING, StorageStatus.ONLINE, StorageStatus.ACTIVE));
        StorageStat second = client.tracker().listStorages("group1", "127.0.0.3").get(0);
        assertThat(second.storagePort()).isEqualTo(c.storage(2).port());
    }

    @Test
    @Order(3)
    void rawFramesGetTheSameAnswersAndUnknownGroupsAreEnoent() {
        MiniCluster c = CLUSTER.get();
        try (RawConnection raw = new RawConnection(c.tracker(), c.trackerProfile())) {
            assertThat(raw.call(Command.ACTIVE_TEST).status()).isZero();
            var groups = GroupStatList.decode(raw.call(new ListGroupsRequest()).buffer(), c.trackerProfile()).groups();
            assertThat(groups).extracting(GroupStat::groupName).containsExactly("group1");
            var store = raw.call(QueryStoreRequest.anyGroup(false));
            assertThat(store.status()).isZero();
            assertThat(StoreTarget.decode(store.buffer(), c.trackerProfile()).ip()).isEqualTo("127.0.0.2");
            assertThat(raw.call(QueryStoreRequest.inGroup("nosuch", false)).status()).isEqualTo(Status.ENOENT.code());
            assertThat(raw.call(Command.ACTIVE_TEST).status()).as("still serving after ENOENT").isZero();
        }
        assertThatThrownBy(() -> client.tracker().queryStore("nosuch"))
                .isInstanceOfSatisfying(FdfsException.class, e -> assertThat(e.status()).isEqualTo(Status.ENOENT.code()));
    }

    @Test
    @Order(4)
    void everyServerAnswersItsHealthAndMetricsEndpoints() throws Exception {
        MiniCluster c = CLUSTER.get();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (ServerProcess p : List.of(c.tracker(), c.storage(1), c.storage(2))) {
            for (String path : List.of("/q/health/live", "/q/health/ready", "/q/metrics")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://" + p.host() + ":" + p.httpPort() + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(p + path).isEqualTo(200);
            }
        }
    }

    @Test
    @Order(5)
    void aKilledStorageGoesOfflineAndComesBackActiveWithItsData() throws Exception {
        MiniCluster c = CLUSTER.get();
        ServerProcess s1 = c.storage(1);
        Path flag = s1.baseDir().resolve("data/.data_init_flag");
        String before = Files.readString(flag);
        byte[] data = Payloads.random(50_000, 41);
        String fileId = client.upload(data, "bin").fileId(); // needs the storage data path

        c.kill(s1);
        assertThat(s1.isAlive()).isFalse();
        c.awaitStorageStatus(s1, StorageStatus.OFFLINE, WAIT);

        c.restart(s1);
        c.awaitStorageStatus(s1, StorageStatus.ACTIVE, WAIT);
        assertThat(Files.readString(flag)).as("identity and join facts kept across the restart").isEqualTo(before);
        assertThat(client.tracker().queryStore()).isEqualTo(new StoreTarget("group1", s1.host(), s1.port(), 0));
        // a fresh client: the shared one's pooled storage connection died with the process (see test 7)
        try (FdfsClient fresh = newClient()) {
            assertThat(fresh.downloadBytes(fileId)).as("a file acknowledged before the SIGKILL").isEqualTo(data);
        }
    }

    @Test
    @Order(6)
    void aKilledTrackerComesBackAndTheStoragesRejoin() {
        MiniCluster c = CLUSTER.get();
        c.kill(c.tracker());
        c.restart(c.tracker());
        c.awaitStorageStatus(c.storage(1), StorageStatus.ACTIVE, WAIT);
        assertThat(c.listStorages()).extracting(StorageStat::ip).contains("127.0.0.2", "127.0.0.3");
        try (RawConnection raw = new RawConnection(c.tracker(), c.trackerProfile())) {
            var store = raw.call(QueryStoreRequest.anyGroup(false));
            assertThat(StoreTarget.decode(store.buffer(), c.trackerProfile()).ip()).isEqualTo("127.0.0.2");
        }
    }

    @Test
    @Order(7)
    void ourClientRecoversFromAPooledConnectionThatARestartedTrackerClosed() {
        // The pooled connection from before test 6 points at the killed process; a client must
        // notice and open a new one rather than fail the call.
        assertThat(client.tracker().queryStore().ip()).isIn("127.0.0.2", "127.0.0.3");
    }

    @Test
    @Order(8)
    void aStoppedTrackerSavesTheHeartbeatCountersItHeldBack() throws Exception {
        // counters from heartbeats wait up to a minute for a save; a SIGTERM must not lose them (the
        // storages' disconnection at the stop saves them, and so does the tracker's final flush)
        MiniCluster c = CLUSTER.get();
        ServerProcess s1 = c.storage(1);
        long before = uploadsListed(c);
        try (FdfsClient fresh = newClient()) { // the shared one's pooled storage1 connection died in test 5
            for (int i = 0; i < 3; i++) {
                fresh.upload(Payloads.random(1_000, 80 + i), "bin");
            }
        }
        long[] seen = new long[1];
        ReplicationTest.await("the uploads in the storages' heartbeats", WAIT, () -> {
            seen[0] = uploadsListed(c);
            return seen[0] >= before + 3;
        });

        c.stop(c.tracker());
        String servers = Files.readString(c.tracker().baseDir().resolve("data/storage_servers_new.dat"));
        long saved = servers.lines().filter(l -> l.startsWith("success_upload_count="))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf('=') + 1))).sum();
        assertThat(saved).as("saved at the stop, not a minute later").isGreaterThanOrEqualTo(seen[0]);

        c.restart(c.tracker());
        c.awaitStorageStatus(s1, StorageStatus.ACTIVE, WAIT);
    }

    /** Successful uploads of all storages as the tracker lists them (from their heartbeats). */
    private static long uploadsListed(MiniCluster c) {
        return c.listStorages().stream().mapToLong(st -> st.stat().get(StatField.SUCCESS_UPLOAD_COUNT)).sum();
    }
}
