package org.fastdfs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.csource.common.NameValuePair;
import org.csource.fastdfs.ClientGlobal;
import org.csource.fastdfs.FileInfo;
import org.csource.fastdfs.ProtoCommon;
import org.csource.fastdfs.ServerInfo;
import org.csource.fastdfs.StorageClient1;
import org.csource.fastdfs.StorageServer;
import org.csource.fastdfs.StructGroupStat;
import org.csource.fastdfs.StructStorageStat;
import org.csource.fastdfs.TrackerClient;
import org.csource.fastdfs.TrackerServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * fastdfs-client-java (the org.csource API, here 1.27.0.0 from Maven Central) against our servers
 * in the classic profile, used as its users do: {@code ClientGlobal.initByProperties}, a
 * {@link TrackerClient} and a {@link StorageClient1} that asks the tracker for every call.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CsourceInteropTest {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension(() -> MiniCluster.builder("csource"));

    @BeforeAll
    static void init() throws Exception {
        Properties p = new Properties();
        p.setProperty(ClientGlobal.PROP_KEY_TRACKER_SERVERS, CLUSTER.get().trackerAddress());
        p.setProperty(ClientGlobal.PROP_KEY_CONNECT_TIMEOUT_IN_SECONDS, "5");
        p.setProperty(ClientGlobal.PROP_KEY_NETWORK_TIMEOUT_IN_SECONDS, "10");
        p.setProperty(ClientGlobal.PROP_KEY_CHARSET, "UTF-8");
        ClientGlobal.initByProperties(p);
    }

    /** A client without a fixed tracker or storage: each call asks the tracker, as most users do. */
    static StorageClient1 storageClient() {
        return new StorageClient1();
    }

    static Map<String, String> asMap(NameValuePair[] pairs) {
        Map<String, String> m = new TreeMap<>();
        for (NameValuePair p : pairs) {
            m.put(p.getName(), p.getValue());
        }
        return m;
    }

    @Test
    void uploadsAndDownloadsWholeAndRanged() throws Exception {
        byte[] data = Payloads.random(100_000, 1);
        StorageClient1 c = storageClient();
        String id = c.upload_file1(data, "bin", null);
        assertThat(id).as("errno %s", c.getErrorCode()).isNotNull().startsWith("group1/M00/").endsWith(".bin");

        assertThat(c.download_file1(id)).isEqualTo(data);
        assertThat(c.download_file1(id, 1000, 5000)).isEqualTo(Payloads.range(data, 1000, 5000));
        assertThat(c.download_file1(id, 99_990, 0)).as("bytes 0 = to the end").isEqualTo(Payloads.range(data, 99_990, 10));
    }

    @Test
    void deletesAndThenReportsTheFileMissing() throws Exception {
        StorageClient1 c = storageClient();
        String id = c.upload_file1(Payloads.ascii("to be deleted"), "txt", null);
        assertThat(id).isNotNull();
        assertThat(c.delete_file1(id)).isZero();

        assertThat(c.download_file1(id)).isNull();
        assertThat(c.getErrorCode()).isEqualTo(ProtoCommon.ERR_NO_ENOENT);
        assertThat(c.delete_file1(id)).isEqualTo(ProtoCommon.ERR_NO_ENOENT);
    }

    @Test
    void keepsMergesAndOverwritesMetadata() throws Exception {
        StorageClient1 c = storageClient();
        NameValuePair[] meta = {new NameValuePair("width", "1024"), new NameValuePair("author", "zoë")};
        String id = c.upload_file1(Payloads.ascii("with metadata"), "txt", meta);
        assertThat(id).isNotNull();
        assertThat(asMap(c.get_metadata1(id))).containsExactlyInAnyOrderEntriesOf(Map.of("width", "1024", "author", "zoë"));

        assertThat(c.set_metadata1(id, new NameValuePair[] {new NameValuePair("width", "2048"),
                new NameValuePair("height", "768")}, ProtoCommon.STORAGE_SET_METADATA_FLAG_MERGE)).isZero();
        assertThat(asMap(c.get_metadata1(id))).containsExactlyInAnyOrderEntriesOf(
                Map.of("width", "2048", "height", "768", "author", "zoë"));

        assertThat(c.set_metadata1(id, new NameValuePair[] {new NameValuePair("only", "this")},
                ProtoCommon.STORAGE_SET_METADATA_FLAG_OVERWRITE)).isZero();
        assertThat(asMap(c.get_metadata1(id))).containsExactlyInAnyOrderEntriesOf(Map.of("only", "this"));
    }

    @Test
    void appendsModifiesAndTruncatesAnAppenderFile() throws Exception {
        StorageClient1 c = storageClient();
        String id = c.upload_appender_file1(Payloads.ascii("hello"), "log", null);
        assertThat(id).as("errno %s", c.getErrorCode()).isNotNull();

        assertThat(c.append_file1(id, Payloads.ascii(" world"))).isZero();
        assertThat(new String(c.download_file1(id))).isEqualTo("hello world");

        assertThat(c.modify_file1(id, 0, Payloads.ascii("HELLO"))).isZero();
        assertThat(new String(c.download_file1(id))).isEqualTo("HELLO world");

        FileInfo info = c.query_file_info1(id);
        assertThat(info.getFileSize()).isEqualTo(11);
        assertThat((int) info.getCrc32()).as("computed over the current content")
                .isEqualTo(Payloads.crc32(Payloads.ascii("HELLO world")));
        // get_file_info1 sees the appender flag in the name and asks the storage too
        assertThat(c.get_file_info1(id).getFileSize()).isEqualTo(11);

        assertThat(c.truncate_file1(id, 5)).isZero();
        assertThat(new String(c.download_file1(id))).isEqualTo("HELLO");
        assertThat(c.truncate_file1(id)).isZero();
        assertThat(c.query_file_info1(id).getFileSize()).isZero();
    }

    @Test
    void uploadsASlaveFileNamedAfterItsMaster() throws Exception {
        StorageClient1 c = storageClient();
        byte[] master = Payloads.random(3000, 2);
        byte[] thumb = Payloads.random(300, 3);
        String masterId = c.upload_file1(master, "jpg", null);
        assertThat(masterId).isNotNull();

        String slaveId = c.upload_file1(masterId, "_150x150", thumb, "jpg", null);
        assertThat(slaveId).as("errno %s", c.getErrorCode()).isEqualTo(Payloads.slaveName(masterId, "_150x150", "jpg"));
        assertThat(c.download_file1(slaveId)).isEqualTo(thumb);
        assertThat(c.download_file1(masterId)).isEqualTo(master);
        assertThat(c.query_file_info1(slaveId).getFileSize()).isEqualTo(300);
    }

    @Test
    void reportsFileInfoFromTheNameAndFromTheStorage() throws Exception {
        StorageClient1 c = storageClient();
        byte[] data = Payloads.random(4321, 4);
        long before = Instant.now().getEpochSecond();
        String id = c.upload_file1(data, "dat", null);

        FileInfo local = c.get_file_info1(id);
        FileInfo remote = c.query_file_info1(id);
        for (FileInfo f : new FileInfo[] {local, remote}) {
            assertThat(f.getFileSize()).isEqualTo(4321);
            assertThat((int) f.getCrc32()).isEqualTo(Payloads.crc32(data));
            assertThat(f.getSourceIpAddr()).isEqualTo("127.0.0.2");
            assertThat(f.getCreateTimestamp().toInstant().getEpochSecond()).isBetween(before - 2, before + 60);
        }
    }

    @Test
    void listsGroupsAndStoragesInTheClassicLayouts() throws Exception {
        ServerProcess s1 = CLUSTER.get().storage(1);
        TrackerClient tc = new TrackerClient();
        TrackerServer ts = tc.getConnection();
        try {
            StructGroupStat[] groups = tc.listGroups(ts);
            assertThat(groups).as("errno %s", tc.getErrorCode()).isNotNull().hasSize(1);
            assertThat(groups[0].getGroupName()).isEqualTo("group1");
            assertThat(groups[0].getStorageCount()).isEqualTo(1);
            assertThat(groups[0].getActiveCount()).isEqualTo(1);
            assertThat(groups[0].getStoragePort()).isEqualTo(s1.port());
            assertThat(groups[0].getFreeMB()).isPositive();

            StructStorageStat[] storages = tc.listStorages(ts, "group1");
            assertThat(storages).as("errno %s", tc.getErrorCode()).isNotNull().hasSize(1);
            assertThat(storages[0].getIpAddr()).isEqualTo("127.0.0.2");
            assertThat(storages[0].getStatus()).isEqualTo((byte) 7); // ACTIVE
            assertThat(storages[0].getStoragePort()).isEqualTo(s1.port());
            assertThat(storages[0].getStorePathCount()).isEqualTo(1);
            assertThat(storages[0].getSubdirCountPerPath()).isEqualTo(4);

            assertThat(tc.listStorages(ts, "nosuch")).isNull();
            assertThat(tc.getErrorCode()).isEqualTo(ProtoCommon.ERR_NO_ENOENT);
        } finally {
            ts.close();
        }
    }

    @Test
    void answersStoreFetchAndUpdateQueries() throws Exception {
        ServerProcess s1 = CLUSTER.get().storage(1);
        String id = storageClient().upload_file1(Payloads.ascii("where am I"), "txt", null);
        assertThat(id).isNotNull();
        String remote = id.substring(id.indexOf('/') + 1);

        TrackerClient tc = new TrackerClient();
        TrackerServer ts = tc.getConnection();
        try {
            StorageServer store = tc.getStoreStorage(ts);
            assertThat(store).as("errno %s", tc.getErrorCode()).isNotNull();
            assertThat(store.getInetSocketAddress().getPort()).isEqualTo(s1.port());
            assertThat(store.getInetSocketAddress().getHostString()).isEqualTo("127.0.0.2");
            assertThat(store.getStorePathIndex()).isZero();
            store.close();

            StorageServer inGroup = tc.getStoreStorage(ts, "group1");
            assertThat(inGroup.getInetSocketAddress().getPort()).isEqualTo(s1.port());
            inGroup.close();

            StorageServer[] all = tc.getStoreStorages(ts, "group1");
            assertThat(all).as("errno %s", tc.getErrorCode()).isNotNull().hasSize(1);
            assertThat(all[0].getInetSocketAddress().getHostString()).isEqualTo("127.0.0.2");
            Arrays.stream(all).forEach(CsourceInteropTest::closeQuietly);

            StorageServer fetch = tc.getFetchStorage1(ts, id);
            assertThat(fetch).as("errno %s", tc.getErrorCode()).isNotNull();
            assertThat(fetch.getInetSocketAddress().getHostString()).isEqualTo("127.0.0.2");
            assertThat(fetch.getInetSocketAddress().getPort()).isEqualTo(s1.port());
            fetch.close();

            StorageServer update = tc.getUpdateStorage(ts, "group1", remote);
            assertThat(update).as("errno %s", tc.getErrorCode()).isNotNull();
            assertThat(update.getInetSocketAddress().getPort()).isEqualTo(s1.port());
            update.close();

            ServerInfo[] fetchAll = tc.getFetchStorages1(ts, id);
            assertThat(fetchAll).as("errno %s", tc.getErrorCode()).isNotNull().hasSize(1);
            assertThat(fetchAll[0].getIpAddr()).isEqualTo("127.0.0.2");
            assertThat(fetchAll[0].getPort()).isEqualTo(s1.port());

            assertThat(tc.getStoreStorage(ts, "nosuch")).isNull();
            assertThat(tc.getErrorCode()).isEqualTo(ProtoCommon.ERR_NO_ENOENT);
        } finally {
            ts.close();
        }
    }

    private static void closeQuietly(StorageServer s) {
        try {
            s.close();
        } catch (Exception ignored) {
            // test cleanup
        }
    }
}
