package org.fastdfs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fastdfs.client.FdfsClient;
import org.fastdfs.proto.cluster.StorageStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A new member whose old-data copy (PROTOCOL.md §5.6) ends while the tracker is down: the copy
 * source cannot report it OFFLINE then, and must do so once the tracker is back, or the member
 * stays SYNCING for ever (the tracker keeps SYNCING across restarts, and nothing else moves it on).
 * Its own cluster, since it kills the tracker.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class NewMemberTrackerRestartTest {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension(() -> MiniCluster.builder("repl-restart").storages(3)
            .deferStorages(1));

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aMemberWhoseCopyEndedWhileTheTrackerWasDownTurnsActiveWhenItReturns() throws Exception {
        MiniCluster c = CLUSTER.get();
        List<ServerProcess> members = new ArrayList<>(c.storages().subList(0, 2));
        for (ServerProcess s : members) {
            c.awaitStorageStatus(s, StorageStatus.ACTIVE, WAIT);
        }
        // the file checks of ReplicationTest, on this cluster's files only
        ReplicationTest.expected.clear();
        ReplicationTest.normalFiles.clear();
        // enough files that the copy to the newcomer lasts a few seconds
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (FdfsClient client = trackerClient(c)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                jobs.add(pool.submit(() -> {
                    for (int i = thread; i < 2000; i += 4) {
                        byte[] data = Payloads.random(64 + i % 500, 70_000 + i);
                        ReplicationTest.remember(client.upload(data, "c"), data, true);
                    }
                }));
            }
            for (Future<?> f : jobs) {
                f.get(90, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        ReplicationTest.awaitSameFiles(members, WAIT);
        ReplicationTest.awaitNoLag(members, WAIT);

        ServerProcess newcomer = c.storage(3);
        c.startStorage(newcomer);
        c.awaitStorageStatus(newcomer, StorageStatus.SYNCING, WAIT);
        c.kill(c.tracker());
        members.add(newcomer);
        // the copy goes on without the tracker: the newcomer ends up with every file
        ReplicationTest.awaitSameFiles(members, WAIT);
        ServerProcess source = members.get(0); // the first writable member by id copies (§4.4)
        ReplicationTest.await("the copy source at the end of its binlog for the newcomer", WAIT, () -> {
            long[] lag = ReplicationTest.peerLag(source).get(newcomer.host());
            return lag != null && lag[0] == 0;
        });
        assertThat(c.tracker().isAlive()).isFalse();

        Instant back = Instant.now();
        c.restart(c.tracker());
        c.awaitStorageStatus(newcomer, StorageStatus.ACTIVE, WAIT);
        System.out.printf("the newcomer turned ACTIVE %d ms after the tracker came back%n",
                Duration.between(back, Instant.now()).toMillis());
        for (ServerProcess s : members) {
            c.awaitStorageStatus(s, StorageStatus.ACTIVE, WAIT);
        }
        ReplicationTest.awaitNoLag(members, WAIT);
        assertThat(c.listStorages()).hasSize(3);
    }

    @AfterAll
    static void forgetTheFiles() {
        ReplicationTest.expected.clear();
        ReplicationTest.normalFiles.clear();
    }

    static FdfsClient trackerClient(MiniCluster c) {
        return new FdfsClient(org.fastdfs.client.ClientConfig.builder().trackers(c.trackerAddress())
                .profile(c.trackerProfile()).networkTimeout(Duration.ofSeconds(10)).build());
    }
}
