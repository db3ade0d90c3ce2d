package org.fastdfs.tracker;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.fastdfs.fileid.ExtPart;
import org.fastdfs.fileid.FileId;
import org.fastdfs.fileid.FileIdBlock;
import org.fastdfs.fileid.FileSource;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.cluster.ChangeResponse;
import org.fastdfs.proto.cluster.EmptyRequest;
import org.fastdfs.proto.cluster.GetMyIpRequest;
import org.fastdfs.proto.cluster.MyIpReply;
import org.fastdfs.proto.cluster.ReportDiskUsageRequest;
import org.fastdfs.proto.cluster.StorageBeatRequest;
import org.fastdfs.proto.cluster.StorageJoinReply;
import org.fastdfs.proto.cluster.StorageJoinRequest;
import org.fastdfs.proto.cluster.StorageStatus;
import org.fastdfs.proto.cluster.SyncSourceReply;
import org.fastdfs.proto.tracker.FetchTarget;
import org.fastdfs.proto.tracker.GroupStatList;
import org.fastdfs.proto.tracker.ListStoragesRequest;
import org.fastdfs.proto.tracker.ListGroupsRequest;
import org.fastdfs.proto.tracker.QueryFetchRequest;
import org.fastdfs.proto.tracker.QueryStoreRequest;
import org.fastdfs.proto.tracker.StorageStatList;
import org.fastdfs.proto.tracker.StoreTarget;
import org.junit.jupiter.api.Test;

/** A storage joins over the real protocol, then clients query the tracker in the classic profile. */
@QuarkusTest
class TrackerProtocolTest {

    static final WireProfile P = WireProfile.CLASSIC;

    @Inject
    TrackerServer server;

    @Test
    void aJoinedAndBeatingStorageIsOfferedToClientsAndListed() throws Exception {
        try (WireClient storage = new WireClient("127.0.0.2", server.port(), P)) {
            var ip = storage.call(new GetMyIpRequest("group1", 23000));
            assertThat(MyIpReply.decode(ip.body()).ips()).containsExactly("127.0.0.2");

            var join = storage.call(new StorageJoinRequest("group1", 23000, 0, 1, 256, 10, 1_700_000_000L,
                    1_700_000_000L, "6.06", "", true, 0, "", "127.0.0.1:" + server.port(),
                    List.of("127.0.0.1:" + server.port())));
            assertThat(join.status()).isZero();
            assertThat(StorageJoinReply.decode(join.body()).myStatus()).isEqualTo(StorageStatus.INIT.code());

            var dest = storage.call(new EmptyRequest(Command.STORAGE_SYNC_DEST_REQ));
            assertThat(SyncSourceReply.decode(dest.body())).isEqualTo(SyncSourceReply.NONE);

            var beat = storage.call(StorageBeatRequest.EMPTY);
            ChangeResponse changes = ChangeResponse.decode(beat.body(), P);
            assertThat(changes.leader()).isNotNull();
            assertThat(changes.groupStorages()).singleElement()
                    .satisfies(b -> assertThat(b.status()).isEqualTo(StorageStatus.ACTIVE.code()));
            var df = storage.call(new ReportDiskUsageRequest(List.of(new ReportDiskUsageRequest.PathUsage(100_000, 60_000))));
            assertThat(ChangeResponse.decode(df.body(), P).groupStorages()).as("unchanged members are not resent").isEmpty();

            try (WireClient client = new WireClient(null, server.port(), P)) {
                var store = client.call(QueryStoreRequest.anyGroup(false));
                assertThat(StoreTarget.decode(store.body(), P)).isEqualTo(new StoreTarget("group1", "127.0.0.2", 23000, 0));

                var groups = GroupStatList.decode(client.call(new ListGroupsRequest()).body(), P).groups();
                assertThat(groups).singleElement().satisfies(g -> {
                    assertThat(g.groupName()).isEqualTo("group1");
                    assertThat(g.freeMb()).isEqualTo(60_000);
                    assertThat(g.activeCount()).isEqualTo(1);
                });
                var storages = StorageStatList.decode(client.call(new ListStoragesRequest("group1", "")).body(), P);
                assertThat(storages.storages()).singleElement().satisfies(s -> {
                    assertThat(s.ip()).isEqualTo("127.0.0.2");
                    assertThat(s.status()).isEqualTo(StorageStatus.ACTIVE.code());
                });

                FileIdBlock block = FileIdBlock.normal(FileSource.Ipv4.parse("127.0.0.2"), 1_700_000_000L, 45, 0x1234, 7);
                FileId id = FileId.of("group1", 0, 0, 0, block, ExtPart.format("txt", "123"));
                var fetch = client.call(QueryFetchRequest.fetchOne("group1", id.remoteFilename()));
                assertThat(FetchTarget.decode(fetch.body(), P)).isEqualTo(new FetchTarget("group1", "127.0.0.2", 23000));

                assertThat(client.call(QueryStoreRequest.inGroup("nosuch", false)).status()).isEqualTo(Status.ENOENT.code());
                assertThat(client.call(Command.ACTIVE_TEST).status()).as("still serving after ENOENT").isZero();
            }

            given().get("/cluster").then().statusCode(200)
                    .body("groups[0].name", equalTo("group1"))
                    .body("groups[0].storages[0].ip", equalTo("127.0.0.2"))
                    .body("groups[0].storages[0].status", equalTo("ACTIVE"))
                    .body("groups[0].storages[0].freeMb", equalTo(60000));
            given().get("/cluster/groups/nosuch").then().statusCode(404);
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("fdfs_requests_total{command=\"STORAGE_JOIN\",role=\"tracker\",status=\"OK\"}")
                    .contains("fdfs_requests_total{command=\"SERVICE_QUERY_STORE_WITH_GROUP_ONE\",role=\"tracker\",status=\"ENOENT\"}")
                    .contains("fdfs_request_seconds_bucket{command=\"STORAGE_JOIN\",role=\"tracker\",le=\"+Inf\"} 1")
                    .contains("fdfs_tracker_storages{status=\"ACTIVE\"}")
                    .contains("fdfs_tracker_group_free_mb{group=\"group1\"} 60000.0")
                    .contains("fdfs_tracker_storage_status{group=\"group1\",storage=\"127.0.0.2\"} 7.0");
        }
    }

    @Test
    void storageCommandsBeforeJoinAreRefusedWithEacces() throws Exception {
        try (WireClient storage = new WireClient("127.0.0.5", server.port(), P)) {
            assertThat(storage.call(StorageBeatRequest.EMPTY).status()).isEqualTo(Status.EACCES.code());
        }
    }
}
