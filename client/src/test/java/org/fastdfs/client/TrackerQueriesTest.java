package org.fastdfs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.cluster.StorageStatus;
import org.fastdfs.proto.tracker.DeleteStorageRequest;
import org.fastdfs.proto.tracker.FetchTargets;
import org.fastdfs.proto.tracker.GroupStat;
import org.fastdfs.proto.tracker.GroupStatList;
import org.fastdfs.proto.tracker.ListStoragesRequest;
import org.fastdfs.proto.tracker.ServerAddress;
import org.fastdfs.proto.tracker.StorageStat;
import org.fastdfs.proto.tracker.StorageStatList;
import org.fastdfs.proto.tracker.StoreTarget;
import org.fastdfs.proto.tracker.StoreTargets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tracker queries and lists in both profiles and IP widths, and deleting a storage on every tracker. */
@Timeout(20)
class TrackerQueriesTest {

    static final String FILE_ID = GoldenExchangeTest.FILE_ID;

    static StorageStat storage(String id, int status) {
        StorageStat s = MemoryCluster.storageStat(id, 23000);
        return new StorageStat(status, s.rwMode(), s.id(), s.ip(), s.domainName(), s.srcId(), s.version(), s.joinTime(),
                s.upTime(), s.totalMb(), s.freeMb(), s.reservedMb(), s.uploadPriority(), s.storePathCount(),
                s.subdirCountPerPath(), s.currentWritePath(), s.storagePort(), s.httpPort(), s.stat(), s.trunkServer());
    }

    static FdfsClient client(WireProfile profile, FakeServer... trackers) {
        ClientConfig.Builder b = ClientConfig.builder().profile(profile);
        for (FakeServer t : trackers) {
            b.tracker(t.endpoint());
        }
        return new FdfsClient(b.build());
    }

    @Test
    void readsStoreAndFetchRepliesWithFortySixByteIps() throws IOException {
        WireProfile v6 = WireProfile.CURRENT_IPV6;
        try (FakeServer t = new FakeServer(f -> switch (Command.of(f.command())) {
                case SERVICE_QUERY_STORE_WITH_GROUP_ONE -> Frames.response(new StoreTarget("g2", "fe80::1", 23000, 1), v6);
                case SERVICE_QUERY_STORE_WITHOUT_GROUP_ALL -> Frames.response(new StoreTargets("g2",
                        List.of(new ServerAddress("fe80::1", 23000), new ServerAddress("fe80::2", 23001)), 0), v6);
                case SERVICE_QUERY_FETCH_ALL -> Frames.response(new FetchTargets("group1",
                        List.of(new ServerAddress("fe80::1", 23000), new ServerAddress("fe80::2", 23001))), v6);
                default -> Frames.status(Status.EINVAL);
            });
             FdfsClient client = client(WireProfile.CURRENT, t)) {
            assertThat(client.tracker().queryStore("g2")).isEqualTo(new StoreTarget("g2", "fe80::1", 23000, 1));
            assertThat(client.tracker().queryStoreAll().servers()).extracting(ServerAddress::port)
                    .containsExactly(23000, 23001);
            assertThat(client.tracker().queryFetchAll(FILE_ID).servers()).extracting(ServerAddress::ip)
                    .containsExactly("fe80::1", "fe80::2");
        }
    }

    @Test
    void readsTheClassicFetchAllLayoutWhereExtraServersHaveNoPort() throws IOException {
        FetchTargets two = new FetchTargets("group1",
                List.of(new ServerAddress("10.0.0.1", 23000), new ServerAddress("10.0.0.2", 23000)));
        try (FakeServer t = new FakeServer(f -> Frames.response(two, WireProfile.CLASSIC));
             FdfsClient client = client(WireProfile.CLASSIC, t)) {
            assertThat(client.tracker().queryFetchAll(FILE_ID)).isEqualTo(two);
            assertThat(t.requests().get(0).body().length).isEqualTo(60);
        }
    }

    @Test
    void listsGroupsAndStoragesInTheClassicLayout() throws IOException {
        GroupStat classicGroup = new GroupStat("group1", 1000, 500, 0, 0, 2, 23000, 8888, 2, 0, 0, 1, 1, 256, -1);
        StorageStat classicStorage = new StorageStat(7, 0, "10.0.0.1", "10.0.0.1", "", "", "6.06", 1, 2, 1000, 500, 0,
                10, 1, 256, 0, 23000, 8888, storage("x", 7).stat(), false);
        try (FakeServer t = new FakeServer(f -> switch (Command.of(f.command())) {
                case SERVER_LIST_ALL_GROUPS -> Frames.response(new GroupStatList(List.of(classicGroup)), WireProfile.CLASSIC);
                case SERVER_LIST_ONE_GROUP -> Frames.response(classicGroup, WireProfile.CLASSIC);
                case SERVER_LIST_STORAGE -> Frames.response(new StorageStatList(List.of(classicStorage)), WireProfile.CLASSIC);
                default -> Frames.status(Status.EINVAL);
            });
             FdfsClient client = client(WireProfile.CLASSIC, t)) {
            assertThat(client.tracker().listGroups()).containsExactly(classicGroup);
            assertThat(client.tracker().listGroup("group1")).isEqualTo(classicGroup);
            assertThat(client.tracker().listStorages("group1")).containsExactly(classicStorage);
        }
    }

    @Test
    void tellsTheStorageStructWidthByItsLength() throws IOException {
        StorageStat wide = storage("fe80::5", 7);
        try (FakeServer t = new FakeServer(f -> Frames.response(new StorageStatList(List.of(wide, wide)),
                WireProfile.CURRENT_IPV6));
             FdfsClient client = client(WireProfile.CURRENT, t)) {
            assertThat(client.tracker().listStorages("group1", "fe80::5")).containsExactly(wide, wide);
            assertThat(ListStoragesRequest.decode(ByteBuffer.wrap(t.requests().get(0).body())))
                    .isEqualTo(new ListStoragesRequest("group1", "fe80::5"));
        }
    }

    @Test
    void reportsAReplyOfTheWrongProfileAsMalformed() throws IOException {
        try (FakeServer t = new FakeServer(f -> Frames.response(new GroupStatList(List.of(MemoryCluster.groupStat())),
                WireProfile.CURRENT));
             FdfsClient client = client(WireProfile.CLASSIC, t)) {
            assertThatThrownBy(() -> client.tracker().listGroups())
                    .isInstanceOf(FdfsNetworkException.class)
                    .hasMessageContaining("SERVER_LIST_ALL_GROUPS on " + t.endpoint() + ": malformed reply")
                    .hasMessageContaining("not a multiple of 105");
        }
    }

    @Test
    void deletesAStorageOnEveryTracker() throws IOException {
        FakeServer.Responder offline = f -> f.command() == Command.SERVER_LIST_STORAGE.code()
                ? Frames.response(new StorageStatList(List.of(storage("10.0.0.9", StorageStatus.OFFLINE.code()))),
                        WireProfile.CURRENT)
                : Frames.status(Status.OK);
        FakeServer.Responder unknown = f -> Frames.status(Status.ENOENT);
        try (FakeServer a = new FakeServer(offline); FakeServer b = new FakeServer(unknown);
             FdfsClient client = client(WireProfile.CURRENT, a, b)) {
            client.tracker().deleteStorage("group1", "10.0.0.9");

            DeleteStorageRequest expected = new DeleteStorageRequest("group1", "10.0.0.9");
            assertThat(a.received(Command.SERVER_DELETE_STORAGE)).singleElement()
                    .satisfies(f -> assertThat(DeleteStorageRequest.decode(ByteBuffer.wrap(f.body()))).isEqualTo(expected));
            assertThat(b.received(Command.SERVER_DELETE_STORAGE)).hasSize(1);
        }
    }

    @Test
    void refusesToDeleteAStorageATrackerStillSeesActive() throws IOException {
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            assertThatThrownBy(() -> client.tracker().deleteStorage("group1", "127.0.0.1"))
                    .isInstanceOf(FdfsException.class)
                    .hasMessageContaining("sees it ACTIVE")
                    .satisfies(e -> assertThat(((FdfsException) e).statusCode()).isEqualTo(Status.EBUSY));
            assertThat(cluster.tracker.received(Command.SERVER_DELETE_STORAGE)).isEmpty();
        }
    }

    @Test
    void reportsTheTrackersAnswerWhenNoTrackerCouldDelete() throws IOException {
        try (FakeServer t = new FakeServer(f -> f.command() == Command.SERVER_DELETE_STORAGE.code()
                ? Frames.status(Status.EALREADY) : Frames.status(Status.ENOENT));
             FdfsClient client = client(WireProfile.CURRENT, t)) {
            assertThatThrownBy(() -> client.tracker().deleteStorage("group1", "10.0.0.9"))
                    .hasMessageContaining("SERVER_DELETE_STORAGE group1 10.0.0.9")
                    .hasMessageContaining("EALREADY (114)");
        }
    }
}
