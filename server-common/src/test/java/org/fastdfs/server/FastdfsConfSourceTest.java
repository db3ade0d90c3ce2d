package org.fastdfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastdfsConfSourceTest {

    @TempDir
    Path dir;

    @Test
    void aFastdfsStorageConfBecomesOurStorageSettings() throws Exception {
        Files.writeString(dir.resolve("storage.conf"), """
                # the sample storage.conf, shortened
                disabled = false
                group_name = group2
                bind_addr =
                port = 23001
                connect_timeout = 5
                network_timeout = 60
                heart_beat_interval = 30
                stat_report_interval = 60
                base_path = /home/yuqing/fastdfs
                buff_size = 256KB
                store_path_count = 2
                store_path0 = /data/fastdfs0
                store_path1 = /data/fastdfs1
                subdir_count_per_path = 256
                disk_reader_threads = 2
                disk_writer_threads = 1
                work_threads = 4
                tracker_server = 192.168.209.121:22122
                tracker_server = 192.168.209.122:22122
                #include http.conf
                """);
        Files.writeString(dir.resolve("http.conf"), "upload_priority = 7\n");
        var props = FastdfsConfSource.map(FastdfsConfFile.read(dir.resolve("storage.conf")), "fdfs.storage.", true);
        assertThat(props)
                .containsEntry("fdfs.storage.group-name", "group2")
                .containsEntry("fdfs.storage.port", "23001")
                .containsEntry("fdfs.storage.base-path", "/home/yuqing/fastdfs")
                .containsEntry("fdfs.storage.buff-size", "262144")
                .containsEntry("fdfs.storage.store-paths", "/data/fastdfs0,/data/fastdfs1")
                .containsEntry("fdfs.storage.tracker-servers", "192.168.209.121:22122,192.168.209.122:22122")
                .containsEntry("fdfs.storage.heart-beat-interval-seconds", "30")
                .containsEntry("fdfs.storage.upload-priority", "7")
                .containsEntry("fdfs.storage.disk-reader-threads", "2")
                .containsEntry("fdfs.storage.disk-writer-threads", "1")
                .containsEntry("fdfs.storage.work-threads", "4")
                .doesNotContainKey("fdfs.storage.bind-addr");
    }

    @Test
    void storePathZeroDefaultsToTheBasePath() throws Exception {
        Files.writeString(dir.resolve("s.conf"), "group_name=group1\nbase_path=/var/fdfs\n");
        var props = FastdfsConfSource.map(FastdfsConfFile.read(dir.resolve("s.conf")), "fdfs.storage.", true);
        assertThat(props).containsEntry("fdfs.storage.store-paths", "/var/fdfs");
    }

    @Test
    void aFastdfsTrackerConfBecomesOurTrackerSettings() throws Exception {
        Files.writeString(dir.resolve("tracker.conf"), """
                port = 22122
                base_path = /home/yuqing/fastdfs
                store_lookup = 2
                store_group = group2
                store_server = 0
                store_path = 0
                download_server = 0
                reserved_storage_space = 20%
                check_active_interval = 120
                """);
        var props = FastdfsConfSource.map(FastdfsConfFile.read(dir.resolve("tracker.conf")), "fdfs.tracker.", false);
        assertThat(props).containsEntry("fdfs.tracker.store-lookup", "2")
                .containsEntry("fdfs.tracker.reserved-storage-space", "20%")
                .containsEntry("fdfs.tracker.check-active-interval", "120")
                .containsEntry("fdfs.tracker.base-path", "/home/yuqing/fastdfs");
    }
}
