package org.fastdfs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fastdfs.client.ClientConfig;
import org.fastdfs.client.Content;
import org.fastdfs.client.FdfsClient;
import org.fastdfs.client.FdfsException;
import org.fastdfs.client.FileInfo;
import org.fastdfs.client.FileRef;
import org.fastdfs.client.ProgressListener;
import org.fastdfs.client.UploadOptions;
import org.fastdfs.fileid.FileType;
import org.fastdfs.meta.Metadata;
import org.fastdfs.meta.MetadataMode;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.cluster.StorageStatus;
import org.fastdfs.proto.tracker.GroupStat;
import org.fastdfs.proto.tracker.ServerAddress;
import org.fastdfs.proto.tracker.StorageStat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interop scenarios, with our own client library ({@link FdfsClient}) in the cluster's
 * profile. Subclasses register the cluster (one per profile).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OwnClientScenarios {

    FdfsClient client;

    @TempDir
    Path tmp;

    /** The cluster the subclass registered. */
    abstract MiniCluster cluster();

    @BeforeAll
    void connect() {
        MiniCluster c = cluster();
        client = new FdfsClient(ClientConfig.builder().trackers(c.trackerAddress()).profile(c.trackerProfile())
                .networkTimeout(Duration.ofSeconds(10)).build());
    }

    @AfterAll
    void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    static int status(Throwable t) {
        return ((FdfsException) t).status();
    }

    Map<String, String> metadata(String fileId) {
        return client.getMetadata(fileId).asMap();
    }

    @Test
    void uploadsAndDownloadsWholeAndRanged() {
        byte[] data = Payloads.random(100_000, 21);
        FileRef ref = client.upload(data, "bin");
        assertThat(ref.group()).isEqualTo("group1");
        assertThat(ref.remoteFilename()).startsWith("M00/").endsWith(".bin");

        assertThat(client.downloadBytes(ref.fileId())).isEqualTo(data);
        assertThat(client.downloadBytes(ref.fileId(), 1000, 5000)).isEqualTo(Payloads.range(data, 1000, 5000));
        assertThat(client.downloadBytes(ref.fileId(), 99_990, 0)).isEqualTo(Payloads.range(data, 99_990, 10));
    }

    @Test
    void smallDownloadsInMemoryAreReadOnTheEventLoop() {
        // the storages run on the tests' JDK; JDK 22+ loads the jar's META-INF/versions/22 foreign calls
        assumeTrue(Runtime.version().feature() >= 22, "reads on the event loop need a JDK 22 or later");
        for (ServerProcess s : cluster().storages()) {
            assertThat(s.tail(100_000)).contains("small downloads are read on the event loop");
        }
        double before = fromMemory();
        byte[] data = Payloads.random(4096, 23);
        FileRef ref = client.upload(data, "txt");
        for (int i = 0; i < 10; i++) {
            assertThat(client.downloadBytes(ref.fileId())).isEqualTo(data);
            assertThat(client.downloadBytes(ref.fileId(), 4000, 0)).isEqualTo(Payloads.range(data, 4000, 96));
        }
        assertThat(fromMemory() - before).as("downloads counted as read from memory, of 20").isBetween(1.0, 20.0);
    }

    /** {@code fdfs_storage_downloads_from_memory_total} summed over the storages. */
    double fromMemory() {
        double sum = 0;
        for (ServerProcess s : cluster().storages()) {
            Matcher m = Pattern.compile("(?m)^fdfs_storage_downloads_from_memory_total(\\{[^}]*\\})? (\\S+)$")
                    .matcher(s.httpGet("/q/metrics"));
            assertThat(m.find()).as("the counter in %s's scrape", s).isTrue();
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }

    @Test
    void streamsALargerFileFromDiskAndBackAndResumesABrokenDownload() throws Exception {
        byte[] data = Payloads.random(3 << 20, 22);
        Path src = tmp.resolve("big.dat");
        Files.write(src, data);
        FileRef ref = client.upload(src);
        assertThat(ref.remoteFilename()).endsWith(".dat");

        Path dest = tmp.resolve("copy.dat");
        assertThat(client.download(ref.fileId(), dest)).isEqualTo(data.length);
        assertThat(Files.readAllBytes(dest)).isEqualTo(data);

        Path partial = tmp.resolve("partial.dat");
        Files.write(partial, Payloads.range(data, 0, 1_000_000));
        assertThat(client.resumeDownload(ref.fileId(), partial, ProgressListener.NONE)).isEqualTo(data.length - 1_000_000);
        assertThat(Files.readAllBytes(partial)).isEqualTo(data);
    }

    @Test
    void deletesAndThenReportsTheFileMissing() {
        FileRef ref = client.upload(Payloads.ascii("to be deleted"), "txt");
        client.delete(ref.fileId());

        assertThatThrownBy(() -> client.downloadBytes(ref.fileId()))
                .satisfies(e -> assertThat(status(e)).isEqualTo(Status.ENOENT.code()));
        assertThatThrownBy(() -> client.delete(ref.fileId()))
                .satisfies(e -> assertThat(status(e)).isEqualTo(Status.ENOENT.code()));
        // nothing was created locally for the failed download
        Path dest = tmp.resolve("never.txt");
        assertThatThrownBy(() -> client.download(ref.fileId(), dest)).isInstanceOf(FdfsException.class);
        assertThat(dest).doesNotExist();
    }

    @Test
    void keepsMergesAndOverwritesMetadata() {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("width", "1024");
        meta.put("author", "zoë");
        FileRef ref = client.upload(Content.of(Payloads.ascii("with metadata")),
                UploadOptions.DEFAULT.extension("txt").metadata(meta));
        assertThat(metadata(ref.fileId())).containsExactlyInAnyOrderEntriesOf(meta);

        client.setMetadata(ref.fileId(), Metadata.of(Map.of("width", "2048", "height", "768")), MetadataMode.MERGE);
        assertThat(metadata(ref.fileId())).containsExactlyInAnyOrderEntriesOf(
                Map.of("width", "2048", "height", "768", "author", "zoë"));

        client.setMetadata(ref.fileId(), Metadata.of(Map.of("only", "this")), MetadataMode.OVERWRITE);
        assertThat(metadata(ref.fileId())).containsExactlyInAnyOrderEntriesOf(Map.of("only", "this"));

        client.setMetadata(ref.fileId(), Metadata.EMPTY, MetadataMode.OVERWRITE);
        assertThatThrownBy(() -> client.getMetadata(ref.fileId())).as("an empty overwrite removes the sidecar")
                .satisfies(e -> assertThat(status(e)).isEqualTo(Status.ENOENT.code()));
    }

    @Test
    void appendsModifiesTruncatesAndRegeneratesAnAppenderFile() {
        FileRef ref = client.upload(Content.of(Payloads.ascii("hello")),
                UploadOptions.DEFAULT.extension("log").appender(true));
        String id = ref.fileId();
        assertThat(client.fileInfo(id).type()).isEqualTo(FileType.APPENDER);

        client.append(id, Payloads.ascii(" world"));
        assertThat(new String(client.downloadBytes(id))).isEqualTo("hello world");

        client.modify(id, 0, Content.of(Payloads.ascii("HELLO")), ProgressListener.NONE);
        assertThat(new String(client.downloadBytes(id))).isEqualTo("HELLO world");

        FileInfo info = client.fileInfo(id);
        assertThat(info.fromServer()).isTrue();
        assertThat(info.size()).isEqualTo(11);
        assertThat(info.crc32()).isEqualTo(Payloads.crc32(Payloads.ascii("HELLO world")));

        client.truncate(id, 5);
        assertThat(new String(client.downloadBytes(id))).isEqualTo("HELLO");
        client.truncate(id, 8);
        assertThat(client.downloadBytes(id)).as("growing pads with zero bytes")
                .isEqualTo(new byte[] {'H', 'E', 'L', 'L', 'O', 0, 0, 0});
        client.truncate(id, 5);

        FileRef normal = client.regenerateAppenderFilename(id);
        assertThat(normal.remoteFilename()).isNotEqualTo(ref.remoteFilename()).endsWith(".log");
        FileInfo local = client.fileInfo(normal.fileId());
        assertThat(local.type()).isEqualTo(FileType.NORMAL);
        assertThat(local.size()).isEqualTo(5);
        assertThat(local.crc32()).isEqualTo(Payloads.crc32(Payloads.ascii("HELLO")));
        assertThat(new String(client.downloadBytes(normal.fileId()))).isEqualTo("HELLO");
        assertThatThrownBy(() -> client.downloadBytes(id)).as("the appender name is gone")
                .satisfies(e -> assertThat(status(e)).isEqualTo(Status.ENOENT.code()));
    }

    @Test
    void uploadsASlaveFileNamedAfterItsMaster() {
        byte[] master = Payloads.random(3000, 23);
        byte[] thumb = Payloads.random(300, 24);
        FileRef m = client.upload(master, "jpg");

        FileRef s = client.uploadSlave(m.fileId(), "_150x150", Content.of(thumb), UploadOptions.DEFAULT.extension("jpg"));
        assertThat(s.fileId()).isEqualTo(Payloads.slaveName(m.fileId(), "_150x150", "jpg"));
        assertThat(client.downloadBytes(s.fileId())).isEqualTo(thumb);
        assertThat(client.downloadBytes(m.fileId())).isEqualTo(master);
        assertThat(client.fileInfo(s.fileId()).size()).isEqualTo(300);

        assertThatThrownBy(() -> client.uploadSlave(m.fileId(), "_150x150", Content.of(thumb),
                UploadOptions.DEFAULT.extension("jpg"))).as("the slave exists already")
                .satisfies(e -> assertThat(status(e)).isEqualTo(Status.EEXIST.code()));
    }

    @Test
    void reportsFileInfoFromTheNameAndFromTheStorage() {
        byte[] data = Payloads.random(4321, 25);
        long before = Instant.now().getEpochSecond();
        FileRef ref = client.upload(data, "dat");

        FileInfo local = client.fileInfo(ref.fileId());
        FileInfo remote = client.queryFileInfo(ref.fileId(), 0);
        assertThat(local.fromServer()).isFalse();
        assertThat(remote.fromServer()).isTrue();
        for (FileInfo f : List.of(local, remote)) {
            assertThat(f.type()).isEqualTo(FileType.NORMAL);
            assertThat(f.size()).isEqualTo(4321);
            assertThat(f.crc32()).isEqualTo(Payloads.crc32(data));
            assertThat(f.sourceIp()).isEqualTo("127.0.0.2");
            assertThat(f.createTimestamp()).isBetween(before - 2, before + 60);
        }
    }

    @Test
    void listsGroupsAndStorages() {
        ServerProcess s1 = cluster().storage(1);
        List<GroupStat> groups = client.tracker().listGroups();
        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.groupName()).isEqualTo("group1");
            assertThat(g.storageCount()).isEqualTo(1);
            if (cluster().trackerProfile().isClassic()) {
                assertThat(g.activeCount()).isEqualTo(1);
            } else { // 6.13.1+ layout: readable/writable counts instead of active_count
                assertThat(g.readableCount()).isEqualTo(1);
                assertThat(g.writableCount()).isEqualTo(1);
            }
            assertThat(g.storagePort()).isEqualTo(s1.port());
            assertThat(g.freeMb()).isPositive();
        });
        assertThat(client.tracker().listGroup("group1").groupName()).isEqualTo("group1");

        List<StorageStat> storages = client.tracker().listStorages("group1");
        assertThat(storages).singleElement().satisfies(s -> {
            assertThat(s.ip()).isEqualTo("127.0.0.2");
            assertThat(StorageStatus.of(s.status())).isEqualTo(StorageStatus.ACTIVE);
            assertThat(s.storagePort()).isEqualTo(s1.port());
        });
        assertThatThrownBy(() -> client.tracker().listGroup("nosuch"))
                .satisfies(e -> assertThat(status(e)).isEqualTo(Status.ENOENT.code()));
    }

    @Test
    void answersStoreFetchAndUpdateQueries() {
        ServerProcess s1 = cluster().storage(1);
        ServerAddress where = new ServerAddress("127.0.0.2", s1.port());
        FileRef ref = client.upload(Payloads.ascii("where am I"), "txt");

        var store = client.tracker().queryStore();
        assertThat(store.ip()).isEqualTo("127.0.0.2");
        assertThat(store.port()).isEqualTo(s1.port());
        assertThat(store.storePathIndex()).isZero();
        assertThat(client.tracker().queryStore("group1").port()).isEqualTo(s1.port());
        assertThat(client.tracker().queryStoreAll().servers()).containsExactly(where);
        assertThat(client.tracker().queryStoreAll("group1").servers()).containsExactly(where);

        assertThat(client.tracker().queryFetch(ref.fileId()).address()).isEqualTo(where);
        assertThat(client.tracker().queryUpdate(ref.fileId()).address()).isEqualTo(where);
        assertThat(client.tracker().queryFetchAll(ref.fileId()).servers()).containsExactly(where);
        assertThat(client.locate(ref.fileId()).address()).isEqualTo(where);

        assertThatThrownBy(() -> client.tracker().queryStore("nosuch"))
                .satisfies(e -> assertThat(status(e)).isEqualTo(Status.ENOENT.code()));
    }

    @Test
    void downloadsToAStreamWithoutClosingIt() {
        byte[] data = Payloads.random(10_000, 26);
        FileRef ref = client.upload(data, "");
        assertThat(ref.remoteFilename()).doesNotContain(".");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(client.download(ref.fileId(), out)).isEqualTo(data.length);
        out.write(1); // still open
        assertThat(out.size()).isEqualTo(data.length + 1);
    }
}
