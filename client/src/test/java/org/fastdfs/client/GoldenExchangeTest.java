package org.fastdfs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fastdfs.client.CapturedCluster.hex;
import static org.fastdfs.client.CapturedCluster.hexOf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fastdfs.fileid.FileType;
import org.fastdfs.meta.Metadata;
import org.fastdfs.meta.MetadataMode;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.storage.QueryFileInfoRequest;
import org.fastdfs.proto.tracker.FetchTargets;
import org.fastdfs.proto.tracker.GroupStat;
import org.fastdfs.proto.tracker.ServerAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the captures of C FastDFS 6.16.1: the bytes it sends equal the captured
 * requests of the C tools, and it decodes the captured replies.
 */
@Timeout(20)
class GoldenExchangeTest {

    /** The file of upload.txt and the later captures. */
    static final String FILE_ID = "group1/M00/00/00/fwAAAmsBLZSAMpsvAAAALeis0vI527.txt";
    static final byte[] CONTENT = "Hello FastDFS wire capture! 0123456789abcdef\n".getBytes(StandardCharsets.US_ASCII);
    /** The appender file of appender.txt and file_info.txt. */
    static final String APPENDER_ID = "group1/M00/00/00/fwAAA2sBLamEKVUdAAAAAGtq8gY314.txt";

    @TempDir
    Path tmp;

    @Test
    void uploadsBytesExactlyAsFdfsUploadFile() throws IOException {
        try (CapturedCluster c = new CapturedCluster("upload.txt")) {
            FileRef ref = c.client.upload(CONTENT, "txt");

            assertThat(ref.fileId()).isEqualTo(FILE_ID);
            assertThat(hex(c.tracker.requests())).containsExactlyElementsOf(hexOf(c.capture.request(101)));
            assertThat(hex(c.storage.requests())).containsExactlyElementsOf(hexOf(c.capture.request(11)));
        }
    }

    @Test
    void uploadsALocalFileAndAStreamWithTheSameBytes() throws IOException {
        Path file = tmp.resolve("hello.txt");
        Files.write(file, CONTENT);
        try (CapturedCluster c = new CapturedCluster("upload.txt")) {
            assertThat(c.client.upload(file).fileId()).isEqualTo(FILE_ID);
            assertThat(c.client.upload(new ByteArrayInputStream(CONTENT), CONTENT.length, "txt").fileId())
                    .isEqualTo(FILE_ID);

            String upload = hexOf(c.capture.request(11)).get(0);
            assertThat(hex(c.storage.requests())).containsExactly(upload, upload);
        }
    }

    @Test
    void downloadsTheWholeFileAsFdfsDownloadFile() throws IOException {
        try (CapturedCluster c = new CapturedCluster("download.txt")) {
            assertThat(c.client.downloadBytes(FILE_ID)).isEqualTo(CONTENT);

            Path dest = tmp.resolve("hello.down");
            assertThat(c.client.download(FILE_ID, dest)).isEqualTo(CONTENT.length);
            assertThat(Files.readAllBytes(dest)).isEqualTo(CONTENT);

            String query = hexOf(c.capture.request(102)).get(0);
            String download = hexOf(c.capture.request(14)).get(0);
            assertThat(hex(c.tracker.requests())).containsExactly(query, query);
            assertThat(hex(c.storage.requests())).containsExactly(download, download);
        }
    }

    @Test
    void downloadsARangeAsTheCapture() throws IOException {
        try (CapturedCluster c = new CapturedCluster("download_range.txt")) {
            byte[] range = c.client.downloadBytes(FILE_ID, 6, 10);

            assertThat(new String(range, StandardCharsets.US_ASCII)).isEqualTo("FastDFS wi");
            assertThat(hex(c.storage.requests())).containsExactlyElementsOf(hexOf(c.capture.request(14)));
        }
    }

    @Test
    void deletesThroughQueryUpdate() throws IOException {
        try (CapturedCluster c = new CapturedCluster("delete.txt")) {
            c.client.delete(FILE_ID);

            assertThat(hex(c.tracker.requests())).containsExactlyElementsOf(hexOf(c.capture.request(103)));
            assertThat(hex(c.storage.requests())).containsExactlyElementsOf(hexOf(c.capture.request(12)));
        }
    }

    @Test
    void setsMetadataByOverwriteThenMergeAsFdfsTest() throws IOException {
        try (CapturedCluster c = new CapturedCluster("metadata_set.txt")) {
            Map<String, String> first = new LinkedHashMap<>();
            first.put("width", "1024");
            first.put("height", "768");
            first.put("author", "anchor");
            Map<String, String> second = new LinkedHashMap<>();
            second.put("height", "600");
            second.put("color", "blue");

            c.client.setMetadata(FILE_ID, Metadata.of(first), MetadataMode.OVERWRITE);
            c.client.setMetadata(FILE_ID, Metadata.of(second), MetadataMode.MERGE);

            String update = hexOf(c.capture.request(103)).get(0);
            assertThat(hex(c.tracker.requests())).containsExactly(update, update);
            assertThat(hex(c.storage.requests()))
                    .containsExactlyElementsOf(hexOf(c.capture.request(13, 0), c.capture.request(13, 1)));
        }
    }

    @Test
    void readsMetadataAsFdfsTest() throws IOException {
        try (CapturedCluster c = new CapturedCluster("metadata_get.txt")) {
            Metadata md = c.client.getMetadata(FILE_ID);

            assertThat(md.asMap()).containsExactly(Map.entry("author", "anchor"), Map.entry("color", "blue"),
                    Map.entry("height", "600"), Map.entry("width", "1024"));
            assertThat(hex(c.tracker.requests())).containsExactlyElementsOf(hexOf(c.capture.request(102)));
            assertThat(hex(c.storage.requests())).containsExactlyElementsOf(hexOf(c.capture.request(15)));
        }
    }

    @Test
    void decodesANormalFileInfoFromItsIdWithoutTraffic() throws IOException {
        try (CapturedCluster c = new CapturedCluster("file_info.txt")) {
            FileInfo info = c.client.fileInfo(FILE_ID);

            // fdfs_file_info: normal, 127.0.0.2, 2026-11-21 05:35:16, 45 bytes, crc32 -391326990 (0xe8acd2f2)
            assertThat(info).isEqualTo(new FileInfo(FileType.NORMAL, 45, 1795239316L, -391326990, "127.0.0.2", 0, false));
            assertThat(info.crc32Unsigned()).isEqualTo(0xe8acd2f2L);
            assertThat(c.tracker.received()).isEmpty();
            assertThat(c.storage.received()).isEmpty();
        }
    }

    @Test
    void asksTheStorageForAnAppenderFileInfo() throws IOException {
        try (CapturedCluster c = new CapturedCluster("file_info.txt")) {
            FileInfo info = c.client.fileInfo(APPENDER_ID);

            assertThat(info).isEqualTo(new FileInfo(FileType.APPENDER, 32, 1795239337L, 1146840040, "127.0.0.3", 0, true));
            assertThat(hex(c.tracker.requests())).containsExactlyElementsOf(hexOf(c.capture.request(102)));
            assertThat(hex(c.storage.requests())).containsExactlyElementsOf(hexOf(c.capture.request(22, 0)));
        }
    }

    @Test
    void sendsTheFileInfoFlagsInTheHeaderStatusByte() throws IOException {
        try (CapturedCluster c = new CapturedCluster("file_info.txt")) {
            FileInfo info = c.client.queryFileInfo(APPENDER_ID,
                    QueryFileInfoRequest.NO_CRC32 | QueryFileInfoRequest.KEEP_SILENT);

            assertThat(info.crc32()).isZero();
            assertThat(info.size()).isEqualTo(32);
            assertThat(hex(c.storage.requests())).containsExactlyElementsOf(hexOf(c.capture.request(22, 1)));
        }
    }

    @Test
    void uploadsAnAppenderFileAndAppendsToIt() throws IOException {
        try (CapturedCluster c = new CapturedCluster("appender.txt")) {
            FileRef ref = c.client.upload(Content.of("APPENDER-PART-1\n".getBytes(StandardCharsets.US_ASCII)),
                    UploadOptions.DEFAULT.extension("txt").appender(true));
            c.client.append(ref.fileId(), "APPENDER-PART-2\n".getBytes(StandardCharsets.US_ASCII));
            FileInfo info = c.client.fileInfo(ref.fileId());

            assertThat(ref.fileId()).isEqualTo(APPENDER_ID);
            assertThat(info.size()).isEqualTo(32);
            assertThat(hex(c.tracker.requests())).containsExactlyElementsOf(
                    hexOf(c.capture.request(101), c.capture.request(103), c.capture.request(102)));
            assertThat(hex(c.storage.requests())).containsExactlyElementsOf(
                    hexOf(c.capture.request(23), c.capture.request(24), c.capture.request(22)));
        }
    }

    @Test
    void turnsTheNotFoundStatusIntoAnExceptionAndKeepsTheConnection() throws IOException {
        try (CapturedCluster c = new CapturedCluster("error_not_found.txt")) {
            assertThatThrownBy(() -> c.client.downloadBytes(FILE_ID))
                    .isInstanceOf(FdfsException.class)
                    .isNotInstanceOf(FdfsNetworkException.class)
                    .hasMessageContaining("DOWNLOAD_FILE " + FILE_ID)
                    .hasMessageContaining("ENOENT (2)")
                    .satisfies(e -> assertThat(((FdfsException) e).statusCode()).isEqualTo(Status.ENOENT));

            assertThat(hex(c.storage.requests())).containsExactlyElementsOf(hexOf(c.capture.request(14)));
            assertThat(c.client.idleConnections(c.storage.endpoint())).isEqualTo(1);
        }
    }

    @Test
    void queriesEveryServerOfAFile() throws IOException {
        try (CapturedCluster c = new CapturedCluster("tracker_query.txt")) {
            FetchTargets targets = c.client.tracker().queryFetchAll(FILE_ID);

            assertThat(targets).isEqualTo(new FetchTargets("group1", java.util.List.of(new ServerAddress("127.0.0.2", 23000))));
            assertThat(hex(c.tracker.requests())).containsExactlyElementsOf(hexOf(c.capture.request(105)));
        }
    }

    @Test
    void listsTheGroupsOfTheMonitorCapture() throws IOException {
        try (CapturedCluster c = new CapturedCluster("monitor.txt")) {
            java.util.List<GroupStat> groups = c.client.tracker().listGroups();

            assertThat(groups).singleElement().satisfies(g -> {
                assertThat(g.groupName()).isEqualTo("group1");
                assertThat(g.storageCount()).isEqualTo(2);
                assertThat(g.readableCount()).isEqualTo(2);
                assertThat(g.writableCount()).isEqualTo(2);
                assertThat(g.storagePort()).isEqualTo(23000);
                assertThat(g.subdirCountPerPath()).isEqualTo(256);
                assertThat(g.currentTrunkFileId()).isEqualTo(-1);
            });
            assertThat(hex(c.tracker.requests())).containsExactlyElementsOf(hexOf(c.capture.request(91)));
        }
    }

    @Test
    void sendsTheListStoragesRequestOfTheMonitorCapture() throws IOException {
        try (CapturedCluster c = new CapturedCluster("monitor.txt")) {
            // the captured 974-byte reply is dumped only in part: the replay answers EINVAL, and the
            // request bytes are what this test checks (the reply layout is covered in shared-model)
            assertThatThrownBy(() -> c.client.tracker().listStorages("group1")).isInstanceOf(FdfsException.class);

            assertThat(hex(c.tracker.requests())).containsExactlyElementsOf(hexOf(c.capture.request(92)));
        }
    }

    @Test
    void readsFortySixByteIpRepliesUnderTheCurrentProfile() throws IOException {
        try (CapturedCluster c = new CapturedCluster("file_info.txt", WireProfile.CURRENT_IPV6)) {
            // configured for 46-byte IPs, the client still reads the 16-byte replies by their length
            assertThat(c.client.fileInfo(APPENDER_ID).sourceIp()).isEqualTo("127.0.0.3");
        }
    }
}
