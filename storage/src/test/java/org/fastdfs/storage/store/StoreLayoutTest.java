package org.fastdfs.storage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fastdfs.storage.StorageFixtures.bytes;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fastdfs.proto.stat.StatField;
import org.fastdfs.storage.StorageServer;
import org.fastdfs.storage.StorageTestClient;
import org.fastdfs.storage.TempStorageBase;
import org.junit.jupiter.api.Test;

/** What the first start leaves on disk (PROTOCOL.md §6.9, §9.4). */
@QuarkusTest
@QuarkusTestResource(TempStorageBase.class)
class StoreLayoutTest {

    @Inject
    StorageServer server;

    @Inject
    FileStore store;

    @Test
    void theFirstStartCreatesTheBaseAndStorePathLayout() throws Exception {
        Path base = store.basePath();
        assertThat(base.resolve("data")).isDirectory();
        assertThat(base.resolve("logs")).isDirectory();
        assertThat(store.paths().roots()).containsExactly(base);
        for (String h : new String[] {"00", "01", "02", "03"}) {
            for (String l : new String[] {"00", "01", "02", "03"}) {
                assertThat(base.resolve("data").resolve(h).resolve(l)).isDirectory();
            }
        }
        assertThat(base.resolve("data/04")).doesNotExist();
        assertThat(Files.readString(base.resolve("data/sync/binlog_index.dat")))
                .isEqualTo("current_write=0\ncurrent_compress=0\n");

        Map<String, String> flag = IniFile.read(base.resolve("data/.data_init_flag"));
        assertThat(flag).containsKeys("storage_join_time", "sync_old_done", "sync_src_server", "sync_until_timestamp",
                "last_ip_addr", "last_server_port", "current_trunk_file_id", "trunk_last_compress_time",
                "trunk_binlog_compress_stage");
        assertThat(Long.parseLong(flag.get("storage_join_time"))).isPositive();
        assertThat(flag.get("sync_old_done")).isEqualTo("0");
    }

    @Test
    void theStatFileKeepsCountersAndTheCursorUnderFastdfsNames() throws Exception {
        try (StorageTestClient c = new StorageTestClient(server.port())) {
            c.upload("bin", bytes(10, 60));
        }
        store.saveStatFile();
        Map<String, String> stat = IniFile.read(store.basePath().resolve("data/storage_stat.dat"));
        assertThat(stat).containsKeys("total_upload_count", "success_upload_count", "total_download_bytes",
                "last_source_update", "last_sync_update", "dist_path_index_high", "dist_path_index_low",
                "dist_write_file_count");
        assertThat(Long.parseLong(stat.get("success_upload_count")))
                .isEqualTo(store.stats().get(StatField.SUCCESS_UPLOAD_COUNT)).isPositive();
        int[] cursor = store.cursor().state();
        assertThat(stat.get("dist_write_file_count")).isEqualTo(Integer.toString(cursor[2]));
        assertThat(stat).doesNotContainKeys("connection.alloc_count", "last_heart_beat_time");
        assertThat(Files.readString(store.basePath().resolve("data/storage_stat.dat"))).startsWith("total_upload_count=");
    }
}
