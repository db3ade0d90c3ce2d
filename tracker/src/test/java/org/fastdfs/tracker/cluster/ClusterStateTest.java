package org.fastdfs.tracker.cluster;

import org.fastdfs.rules.ReservedSpace;
import org.fastdfs.proto.cluster.StorageStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.junit.jupiter.api.Test;

class ClusterStateTest {

    static final long T0 = 1_700_000_000L;

    static TrackerRules rules(int storeLookup, String storeGroup, int storeServer, int storePath, String reserved) {
        return new TrackerRules(storeLookup, storeGroup, storeServer, storePath, 0, ReservedSpace.parse(reserved),
                100, 86400, 300);
    }

    /** Joins, negotiates, beats and reports 100 GB total / {@code freeMb} free on each path: ends ACTIVE. */
    static StorageNode activeStorage(ClusterState c, String group, String ip, int paths, long freeMb) {
        c.join(new JoinInfo(group, ip, 23000, paths, 256, 10, T0, T0, "6.16.1", false, 0), T0);
        if (c.syncDestReq(group, ip, T0) != null) {
            // a peer holds data: its source copies it over, then reports the new member done
            c.reportStatus(group, ip, StorageStatus.SYNCING);
            c.reportStatus(group, ip, StorageStatus.OFFLINE);
        }
        c.beat(group, ip, null, T0);
        long[] total = new long[paths];
        long[] free = new long[paths];
        java.util.Arrays.fill(total, 100_000);
        java.util.Arrays.fill(free, freeMb);
        return c.diskUsage(group, ip, total, free, T0);
    }

    @Test
    void aLoneStorageGoesFromInitToOnlineToActive() {
        ClusterState c = new ClusterState(TrackerRules.defaults());
        StorageNode s = c.join(new JoinInfo("group1", "127.0.0.2", 23000, 1, 256, 10, T0, T0, "6.16.1", false, 0), T0);
        assertThat(s.status()).isEqualTo(StorageStatus.INIT);
        assertThat(c.syncDestReq("group1", "127.0.0.2", T0)).as("nothing to copy").isNull();
        assertThat(s.status()).isEqualTo(StorageStatus.ONLINE);
        c.beat("group1", "127.0.0.2", null, T0 + 1);
        assertThat(s.status()).isEqualTo(StorageStatus.ACTIVE);
        assertThat(c.group("group1").writable()).containsExactly(s);
    }

    @Test
    void aNewMemberOfALiveGroupWaitsToCopyFromTheFirstWritablePeer() {
        ClusterState c = new ClusterState(TrackerRules.defaults());
        activeStorage(c, "group1", "127.0.0.2", 1, 50_000);
        StorageNode n = c.join(new JoinInfo("group1", "127.0.0.3", 23000, 1, 256, 10, T0, T0, "6.16.1", false, 0), T0 + 5);
        SyncSource src = c.syncDestReq("group1", "127.0.0.3", T0 + 5);
        assertThat(src).isEqualTo(new SyncSource("127.0.0.2", T0 + 5));
        assertThat(n.status()).isEqualTo(StorageStatus.WAIT_SYNC);
        c.beat("group1", "127.0.0.3", null, T0 + 6);
        assertThat(n.status()).as("a beat does not activate WAIT_SYNC").isEqualTo(StorageStatus.WAIT_SYNC);
        assertThat(c.syncSrcReq("group1", "127.0.0.3")).isEqualTo(src);
        c.reportStatus("group1", "127.0.0.3", StorageStatus.SYNCING);
        c.reportStatus("group1", "127.0.0.3", StorageStatus.OFFLINE);
        assertThat(n.status()).isEqualTo(StorageStatus.OFFLINE);
        c.beat("group1", "127.0.0.3", null, T0 + 7);
        assertThat(n.status()).isEqualTo(StorageStatus.ACTIVE);
    }

    @Test
    void roundRobinStoreServerAlternatesAndPathsRotate() {
        ClusterState c = new ClusterState(rules(0, "", 0, 0, "10%"));
        activeStorage(c, "group1", "127.0.0.2", 2, 50_000);
        activeStorage(c, "group1", "127.0.0.3", 2, 50_000);
        List<String> picks = new java.util.ArrayList<>();
        List<Integer> paths = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            StoreTarget t = c.queryStore(null, false);
            picks.add(t.storages().get(0).id());
            paths.add(t.storePathIndex());
        }
        assertThat(picks).containsExactly("127.0.0.2", "127.0.0.3", "127.0.0.2", "127.0.0.3");
        assertThat(paths).containsExactly(0, 0, 1, 1);
    }

    @Test
    void firstByIdAndFirstByPriorityPickTheSameServerEveryTime() {
        ClusterState byId = new ClusterState(rules(0, "", 1, 0, "10%"));
        activeStorage(byId, "group1", "127.0.0.3", 1, 50_000);
        activeStorage(byId, "group1", "127.0.0.2", 1, 50_000);
        assertThat(byId.queryStore(null, false).storages().get(0).id()).isEqualTo("127.0.0.2");
        assertThat(byId.queryStore(null, false).storages().get(0).id()).isEqualTo("127.0.0.2");

        ClusterState byPriority = new ClusterState(rules(0, "", 2, 0, "10%"));
        byPriority.join(new JoinInfo("group1", "127.0.0.9", 23000, 1, 256, 1, T0, T0, "", false, 0), T0);
        byPriority.syncDestReq("group1", "127.0.0.9", T0);
        byPriority.diskUsage("group1", "127.0.0.9", new long[] {100_000}, new long[] {50_000}, T0);
        activeStorage(byPriority, "group1", "127.0.0.2", 1, 50_000);
        assertThat(byPriority.queryStore(null, false).storages().get(0).id()).isEqualTo("127.0.0.9");
    }

    @Test
    void storeLookupRoundRobinsGroupsSpecifiedGroupSticksAndLoadBalanceTakesTheFreest() {
        ClusterState rr = new ClusterState(rules(0, "", 0, 0, "10%"));
        activeStorage(rr, "group1", "127.0.0.2", 1, 50_000);
        activeStorage(rr, "group2", "127.0.0.3", 1, 60_000);
        assertThat(List.of(rr.queryStore(null, false).group(), rr.queryStore(null, false).group(),
                rr.queryStore(null, false).group())).containsExactly("group1", "group2", "group1");

        ClusterState fixed = new ClusterState(rules(1, "group2", 0, 0, "10%"));
        activeStorage(fixed, "group1", "127.0.0.2", 1, 50_000);
        activeStorage(fixed, "group2", "127.0.0.3", 1, 60_000);
        assertThat(fixed.queryStore(null, false).group()).isEqualTo("group2");
        assertThat(fixed.queryStore(null, false).group()).isEqualTo("group2");

        ClusterState lb = new ClusterState(rules(2, "", 0, 0, "10%"));
        activeStorage(lb, "group1", "127.0.0.2", 1, 70_000);
        activeStorage(lb, "group2", "127.0.0.3", 1, 60_000);
        assertThat(lb.queryStore(null, false).group()).isEqualTo("group1");
        assertThat(lb.queryStore(null, false).group()).isEqualTo("group1");
    }

    @Test
    void aGroupBelowItsReserveIsSkippedAndNoRoomAnywhereIsEnospc() {
        ClusterState c = new ClusterState(rules(0, "", 0, 0, "20%"));
        activeStorage(c, "group1", "127.0.0.2", 1, 10_000);
        activeStorage(c, "group2", "127.0.0.3", 1, 60_000);
        assertThat(c.queryStore(null, false).group()).isEqualTo("group2");
        assertThat(c.queryStore(null, false).group()).isEqualTo("group2");
        assertThatThrownBy(() -> c.queryStore("group1", false)).isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).status()).isEqualTo(Status.ENOSPC);

        ClusterState full = new ClusterState(rules(0, "", 0, 0, "1024MB"));
        activeStorage(full, "group1", "127.0.0.2", 1, 1000);
        assertThatThrownBy(() -> full.queryStore(null, false))
                .extracting(e -> ((ProtocolException) e).status()).isEqualTo(Status.ENOSPC);
    }

    @Test
    void withoutGroupsOrWritableStoragesTheAnswerIsEnoent() {
        ClusterState c = new ClusterState(TrackerRules.defaults());
        assertThatThrownBy(() -> c.queryStore(null, false))
                .extracting(e -> ((ProtocolException) e).status()).isEqualTo(Status.ENOENT);
        assertThatThrownBy(() -> c.queryStore("nosuch", false))
                .extracting(e -> ((ProtocolException) e).status()).isEqualTo(Status.ENOENT);
        c.join(new JoinInfo("group1", "127.0.0.2", 23000, 1, 256, 10, T0, T0, "", false, 0), T0);
        assertThatThrownBy(() -> c.queryStore(null, false))
                .extracting(e -> ((ProtocolException) e).status()).isEqualTo(Status.ENOENT);
    }

    @Test
    void aFreshFileIsOnlyFetchedFromItsSourceUntilThePeerReportsItSynced() {
        ClusterState c = new ClusterState(TrackerRules.defaults());
        activeStorage(c, "group1", "127.0.0.2", 1, 50_000);
        activeStorage(c, "group1", "127.0.0.3", 1, 50_000);
        FileOrigin file = FileOrigin.ofIp("127.0.0.2", T0 + 100, true);
        for (int i = 0; i < 4; i++) {
            assertThat(c.queryFetch("group1", file, false, T0 + 101)).extracting(StorageNode::id)
                    .containsExactly("127.0.0.2");
        }
        assertThat(c.queryFetch("group1", file, true, T0 + 101)).extracting(StorageNode::id)
                .containsExactly("127.0.0.2");
        c.syncReport("group1", "127.0.0.3", Map.of("127.0.0.2", T0 + 101), T0 + 102);
        assertThat(c.queryFetch("group1", file, true, T0 + 102)).extracting(StorageNode::id)
                .containsExactly("127.0.0.2", "127.0.0.3");
        var picks = List.of(c.queryFetch("group1", file, false, T0 + 102).get(0).id(),
                c.queryFetch("group1", file, false, T0 + 102).get(0).id());
        assertThat(picks).containsExactlyInAnyOrder("127.0.0.2", "127.0.0.3");
    }

    @Test
    void appenderAndSlaveFilesAreFetchedAndUpdatedOnTheirSource() {
        ClusterState c = new ClusterState(TrackerRules.defaults());
        activeStorage(c, "group1", "127.0.0.2", 1, 50_000);
        activeStorage(c, "group1", "127.0.0.3", 1, 50_000);
        FileOrigin appender = FileOrigin.ofIp("127.0.0.3", T0 - 200_000, false);
        assertThat(c.queryFetch("group1", appender, false, T0)).extracting(StorageNode::id).containsExactly("127.0.0.3");
        assertThat(c.queryUpdate("group1", appender).id()).isEqualTo("127.0.0.3");
    }

    @Test
    void silentStoragesGoOfflineAndDisconnectsToo() {
        ClusterState c = new ClusterState(TrackerRules.defaults());
        StorageNode a = activeStorage(c, "group1", "127.0.0.2", 1, 50_000);
        StorageNode b = activeStorage(c, "group1", "127.0.0.3", 1, 50_000);
        c.beat("group1", "127.0.0.3", null, T0 + 150);
        assertThat(c.checkAlive(T0 + 150)).containsExactly(a);
        assertThat(a.status()).isEqualTo(StorageStatus.OFFLINE);
        c.disconnected("group1", "127.0.0.3");
        assertThat(b.status()).isEqualTo(StorageStatus.OFFLINE);
        c.join(new JoinInfo("group1", "127.0.0.3", 23000, 1, 256, 10, T0, T0, "", true, 7), T0 + 200);
        assertThat(b.status()).isEqualTo(StorageStatus.ONLINE);
    }

    @Test
    void deletingAStorageNeedsItStoppedAndOnlyOnce() {
        ClusterState c = new ClusterState(TrackerRules.defaults());
        activeStorage(c, "group1", "127.0.0.2", 1, 50_000);
        assertThatThrownBy(() -> c.deleteStorage("group1", "127.0.0.2"))
                .extracting(e -> ((ProtocolException) e).status()).isEqualTo(Status.EBUSY);
        c.disconnected("group1", "127.0.0.2");
        c.deleteStorage("group1", "127.0.0.2");
        assertThatThrownBy(() -> c.deleteStorage("group1", "127.0.0.2"))
                .extracting(e -> ((ProtocolException) e).status()).isEqualTo(Status.EALREADY);
        assertThatThrownBy(() -> c.deleteStorage("group1", "127.0.0.9"))
                .extracting(e -> ((ProtocolException) e).status()).isEqualTo(Status.ENOENT);
        c.deleteGroup("group1");
        assertThat(c.groups()).isEmpty();
    }

    @Test
    void aJoinThatDisagreesWithItsGroupIsRejected() {
        ClusterState c = new ClusterState(TrackerRules.defaults());
        activeStorage(c, "group1", "127.0.0.2", 2, 50_000);
        assertThatThrownBy(() -> c.join(new JoinInfo("group1", "127.0.0.3", 23001, 2, 256, 10, T0, T0, "", false, 0), T0))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> c.join(new JoinInfo("group1", "127.0.0.3", 23000, 1, 256, 10, T0, T0, "", false, 0), T0))
                .hasMessageContaining("store paths");
        assertThatThrownBy(() -> c.join(new JoinInfo("bad-name", "127.0.0.3", 23000, 1, 256, 10, T0, T0, "", false, 0), T0))
                .hasMessageContaining("group name");
    }

    @Test
    void reservedSpaceParsesFastdfsSyntax() {
        assertThat(ReservedSpace.parse("20%").isRatio()).isTrue();
        assertThat(ReservedSpace.parse("1024MB").mb()).isEqualTo(1024);
        assertThat(ReservedSpace.parse("10G").mb()).isEqualTo(10240);
        assertThat(ReservedSpace.parse("2048K").mb()).isEqualTo(2);
        assertThat(ReservedSpace.parse("20%").reservedMb(1000, 1)).isEqualTo(200);
        assertThatThrownBy(() -> ReservedSpace.parse("lots")).hasMessageContaining("reserved_storage_space");
    }
}
