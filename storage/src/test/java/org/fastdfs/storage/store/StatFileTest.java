package org.fastdfs.storage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.fastdfs.proto.stat.StatField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatFileTest {

    @TempDir
    Path dir;

    @Test
    void countersAndCursorSurviveARestart() throws Exception {
        StorageStats stats = new StorageStats();
        stats.count(StatField.TOTAL_UPLOAD_COUNT, StatField.SUCCESS_UPLOAD_COUNT, StatField.TOTAL_UPLOAD_BYTES,
                StatField.SUCCESS_UPLOAD_BYTES, true, 1234);
        stats.count(StatField.TOTAL_UPLOAD_COUNT, StatField.SUCCESS_UPLOAD_COUNT, false);
        stats.sourceUpdated(1_700_000_000);
        stats.set(StatField.CONNECTION_CURRENT_COUNT, 7);
        SubdirCursor cursor = new SubdirCursor(SubdirCursor.ROUND_ROBIN, 10, 256);
        cursor.restore(5, 6, 7);
        Path file = dir.resolve(StatFile.NAME);
        StatFile.save(file, stats, cursor);

        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("total_upload_count=2\nsuccess_upload_count=1\n")
                .contains("total_upload_bytes=1234\n", "last_source_update=1700000000\n",
                        "dist_path_index_high=5\ndist_path_index_low=6\ndist_write_file_count=7\n")
                .doesNotContain("connection.");

        StorageStats loaded = new StorageStats();
        SubdirCursor loadedCursor = new SubdirCursor(SubdirCursor.ROUND_ROBIN, 10, 256);
        assertThat(StatFile.load(file, loaded, loadedCursor)).isTrue();
        assertThat(loaded.get(StatField.TOTAL_UPLOAD_COUNT)).isEqualTo(2);
        assertThat(loaded.get(StatField.SUCCESS_UPLOAD_BYTES)).isEqualTo(1234);
        assertThat(loaded.get(StatField.LAST_SOURCE_UPDATE)).isEqualTo(1_700_000_000);
        assertThat(loaded.get(StatField.CONNECTION_CURRENT_COUNT)).isZero();
        assertThat(loadedCursor.state()).containsExactly(5, 6, 7);
        assertThat(StatFile.load(dir.resolve("missing"), loaded, loadedCursor)).isFalse();
    }

    @Test
    void theInitFlagIsWrittenOnceAndKeepsUnknownItems() throws Exception {
        DataInitFlag first = DataInitFlag.loadOrCreate(dir, 23000, 1_700_000_000);
        assertThat(first.createdNow()).isTrue();
        assertThat(Files.readString(dir.resolve(DataInitFlag.NAME))).isEqualTo("""
                storage_join_time=1700000000
                sync_old_done=0
                sync_src_server=
                sync_until_timestamp=0
                last_ip_addr=
                last_server_port=23000
                current_trunk_file_id=0
                trunk_last_compress_time=0
                trunk_binlog_compress_stage=0
                """);
        Files.writeString(dir.resolve(DataInitFlag.NAME), "store_path_mark0=abc\n", StandardOpenOption.APPEND);

        DataInitFlag again = DataInitFlag.loadOrCreate(dir, 23001, 1_800_000_000);
        assertThat(again.createdNow()).isFalse();
        assertThat(again.number(DataInitFlag.STORAGE_JOIN_TIME)).isEqualTo(1_700_000_000);
        assertThat(again.get(DataInitFlag.LAST_SERVER_PORT)).isEqualTo("23000");
        again.set(DataInitFlag.SYNC_OLD_DONE, 1);
        assertThat(IniFile.read(dir.resolve(DataInitFlag.NAME))).containsEntry("sync_old_done", "1")
                .containsEntry("store_path_mark0", "abc");
    }
}
