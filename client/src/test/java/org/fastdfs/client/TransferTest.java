package org.fastdfs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fastdfs.fileid.FileType;
import org.fastdfs.meta.Metadata;
import org.fastdfs.meta.MetadataMode;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.storage.DownloadFileRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class TransferTest {

    @TempDir
    Path tmp;

    static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    /** Records every progress call. */
    static final class Recorder implements ProgressListener {
        final List<long[]> calls = new ArrayList<>();

        @Override
        public void onProgress(long done, long total) {
            calls.add(new long[] {done, total});
        }

        long[] last() {
            return calls.get(calls.size() - 1);
        }

        boolean monotonic() {
            for (int i = 1; i < calls.size(); i++) {
                if (calls.get(i)[0] < calls.get(i - 1)[0]) {
                    return false;
                }
            }
            return true;
        }
    }

    @Test
    void streamsALargeFileUpAndDownWithProgress() throws IOException {
        byte[] content = random(3 * 1024 * 1024 + 17);
        Path file = tmp.resolve("big.bin");
        Files.write(file, content);
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            Recorder up = new Recorder();
            FileRef ref = client.upload(file, UploadOptions.DEFAULT.progress(up));
            Recorder down = new Recorder();
            Path dest = tmp.resolve("big.down");
            long n = client.download(ref.fileId(), dest, 0, 0, down);

            assertThat(ref.remoteFilename()).endsWith(".bin");
            assertThat(n).isEqualTo(content.length);
            assertThat(Files.readAllBytes(dest)).isEqualTo(content);
            assertThat(up.calls.size()).isGreaterThan(40); // one per 64 KiB chunk
            assertThat(up.monotonic()).isTrue();
            assertThat(up.last()).containsExactly(content.length, content.length);
            assertThat(down.monotonic()).isTrue();
            assertThat(down.last()).containsExactly(content.length, content.length);
        }
    }

    @Test
    void resumesABrokenDownloadFromTheLocalSize() throws IOException {
        byte[] content = random(200_000);
        Path dest = tmp.resolve("partial.bin");
        Files.write(dest, Arrays.copyOf(content, 70_000));
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            String id = cluster.put(content, "bin");
            Recorder progress = new Recorder();

            long n = client.resumeDownload(id, dest, progress);

            assertThat(n).isEqualTo(130_000);
            assertThat(Files.readAllBytes(dest)).isEqualTo(content);
            DownloadFileRequest sent = DownloadFileRequest.decode(
                    ByteBuffer.wrap(cluster.storage.received(Command.DOWNLOAD_FILE).get(0).body()));
            assertThat(sent.offset()).isEqualTo(70_000);
            assertThat(sent.length()).isZero();
            assertThat(progress.calls.get(0)[0]).isGreaterThan(70_000);
            assertThat(progress.last()).containsExactly(200_000, 200_000);
            // a normal file's size is in its id: the storage was not asked for it
            assertThat(cluster.storage.received(Command.QUERY_FILE_INFO)).isEmpty();
        }
    }

    @Test
    void resumingACompleteFileTransfersNothing() throws IOException {
        byte[] content = random(5000);
        Path dest = tmp.resolve("done.bin");
        Files.write(dest, content);
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            String id = cluster.put(content, "bin");

            assertThat(client.resumeDownload(id, dest, ProgressListener.NONE)).isZero();
            assertThat(cluster.storage.received(Command.DOWNLOAD_FILE)).isEmpty();
            assertThat(Files.readAllBytes(dest)).isEqualTo(content);
        }
    }

    @Test
    void resumingWithoutALocalFileDownloadsEverything() throws IOException {
        byte[] content = random(5000);
        Path dest = tmp.resolve("new.bin");
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            String id = cluster.put(content, "bin");

            assertThat(client.resumeDownload(id, dest, ProgressListener.NONE)).isEqualTo(5000);
            assertThat(Files.readAllBytes(dest)).isEqualTo(content);
        }
    }

    @Test
    void refusesToResumeIntoALargerLocalFile() throws IOException {
        Path dest = tmp.resolve("other.bin");
        Files.write(dest, random(6000));
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            String id = cluster.put(random(5000), "bin");

            assertThatThrownBy(() -> client.resumeDownload(id, dest, ProgressListener.NONE))
                    .isInstanceOf(FdfsException.class)
                    .hasMessageContaining("is not a partial download")
                    .satisfies(e -> assertThat(((FdfsException) e).statusCode()).isEqualTo(Status.EINVAL));
            assertThat(Files.size(dest)).isEqualTo(6000);
        }
    }

    @Test
    void resumesAnAppenderFileAfterAskingTheStorageForItsSize() throws IOException {
        Path dest = tmp.resolve("log.txt");
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            FileRef ref = client.upload(Content.of("line 1\n".getBytes(StandardCharsets.US_ASCII)),
                    UploadOptions.DEFAULT.extension("txt").appender(true));
            client.download(ref.fileId(), dest);
            client.append(ref.fileId(), "line 2\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(client.resumeDownload(ref.fileId(), dest, ProgressListener.NONE)).isEqualTo(7);
            assertThat(Files.readString(dest)).isEqualTo("line 1\nline 2\n");
            assertThat(cluster.storage.received(Command.QUERY_FILE_INFO)).singleElement()
                    .satisfies(f -> assertThat(f.header().status()).isEqualTo(1)); // no CRC32 needed
        }
    }

    @Test
    void downloadsARangeIntoAFileAndAStream() throws IOException {
        byte[] content = random(1000);
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            String id = cluster.put(content, "");
            Path dest = tmp.resolve("range");
            client.download(id, dest, 100, 50, ProgressListener.NONE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            client.download(id, out, 990, 0, ProgressListener.NONE);

            assertThat(Files.readAllBytes(dest)).isEqualTo(Arrays.copyOfRange(content, 100, 150));
            assertThat(out.toByteArray()).isEqualTo(Arrays.copyOfRange(content, 990, 1000));
        }
    }

    @Test
    void leavesNoLocalFileWhenTheRemoteFileIsMissing() throws IOException {
        Path dest = tmp.resolve("missing.txt");
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            String id = cluster.put(new byte[] {1}, "txt");
            client.delete(id);

            assertThatThrownBy(() -> client.download(id, dest)).hasMessageContaining("ENOENT");
            assertThat(dest).doesNotExist();
        }
    }

    @Test
    void uploadsWithMetadataOnTheSameStorage() throws IOException {
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            FileRef ref = client.upload(Content.of(new byte[] {1, 2, 3}),
                    UploadOptions.DEFAULT.extension("bin").metadata(Map.of("width", "1024")));
            client.setMetadata(ref.fileId(), Metadata.of(Map.of("height", "768")), MetadataMode.MERGE);

            assertThat(client.getMetadata(ref.fileId()).asMap()).containsExactly(Map.entry("height", "768"),
                    Map.entry("width", "1024"));
            assertThat(cluster.storage.accepted()).isEqualTo(1);
        }
    }

    @Test
    void keepsNonAsciiMetadataInTheConfiguredCharset() throws IOException {
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            String id = cluster.put(new byte[] {1}, "txt");
            client.setMetadata(id, Metadata.of(Map.of("titre", "été 北京")), MetadataMode.OVERWRITE);

            assertThat(client.getMetadata(id).get("titre")).contains("été 北京");
            assertThat(cluster.metadata.get(id.substring(7))).isEqualTo(
                    "titre\u0002été 北京".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void uploadsASlaveFileNamedAfterItsMaster() throws IOException {
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            FileRef master = client.upload(new byte[] {1, 2, 3}, "jpg");
            FileRef slave = client.uploadSlave(master.fileId(), "_150x150", Content.of(new byte[] {4}),
                    UploadOptions.DEFAULT.extension("jpg"));

            assertThat(slave.fileId()).isEqualTo(master.fileId().replace(".jpg", "_150x150.jpg"));
            assertThat(client.fileInfo(slave.fileId()).type()).isEqualTo(FileType.SLAVE);
            assertThat(client.fileInfo(slave.fileId()).size()).isEqualTo(1);
            assertThat(cluster.tracker.received(Command.SERVICE_QUERY_UPDATE)).hasSize(1);
        }
    }

    @Test
    void modifiesTruncatesAndRegeneratesAnAppenderFile() throws IOException {
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            FileRef ref = client.upload(Content.of("0123456789".getBytes(StandardCharsets.US_ASCII)),
                    UploadOptions.DEFAULT.extension("log").appender(true));
            client.modify(ref.fileId(), 2, Content.of("ab".getBytes(StandardCharsets.US_ASCII)), ProgressListener.NONE);
            client.truncate(ref.fileId(), 6);
            FileRef normal = client.regenerateAppenderFilename(ref.fileId());

            assertThat(client.downloadBytes(normal.fileId())).asString(StandardCharsets.US_ASCII).isEqualTo("01ab45");
            FileInfo info = client.fileInfo(normal.fileId());
            assertThat(info.type()).isEqualTo(FileType.NORMAL);
            assertThat(info.fromServer()).isFalse();
            assertThat(info.size()).isEqualTo(6);
            assertThat(info.crc32()).isEqualTo(MemoryCluster.crc("01ab45".getBytes(StandardCharsets.US_ASCII)));
            assertThat(normal.remoteFilename()).endsWith(".log");
        }
    }

    @Test
    void failsCleanlyWhenTheUploadStreamEndsEarly() throws IOException {
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            assertThatThrownBy(() -> client.upload(new ByteArrayInputStream(new byte[10]), 20, "bin"))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("ended after 10 of 20 bytes");
            assertThat(client.idleConnections(cluster.storage.endpoint())).isZero();

            assertThat(client.upload(new byte[] {7}, "bin").fileId()).startsWith("group1/M00/00/00/");
            assertThat(cluster.storage.accepted()).isEqualTo(2);
        }
    }

    @Test
    void uploadsAnEmptyFile() throws IOException {
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            Recorder progress = new Recorder();
            FileRef ref = client.upload(Content.of(new byte[0]), UploadOptions.DEFAULT.extension("").progress(progress));

            assertThat(client.fileInfo(ref.fileId()).size()).isZero();
            assertThat(progress.last()).containsExactly(0, 0);
        }
    }

    @Test
    void asksTheTrackerForTheRequestedGroup() throws IOException {
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            client.upload(Content.of(new byte[] {1}), UploadOptions.DEFAULT.group("group1"));

            assertThat(cluster.tracker.received(Command.SERVICE_QUERY_STORE_WITH_GROUP_ONE)).singleElement()
                    .satisfies(f -> assertThat(new String(f.body(), StandardCharsets.US_ASCII)).startsWith("group1\0"));
        }
    }
}
