package org.fastdfs.storage.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.fastdfs.storage.StorageFixtures.binlog;
import static org.fastdfs.storage.StorageFixtures.bytes;
import static org.fastdfs.storage.StorageFixtures.dataFileCount;
import static org.fastdfs.storage.StorageFixtures.eventually;
import static org.fastdfs.storage.StorageFixtures.tempFiles;
import static org.fastdfs.storage.StorageTestClient.GROUP;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import com.sun.nio.file.ExtendedOpenOption;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.fastdfs.fileid.FileId;
import org.fastdfs.fileid.FileIdBlock;
import org.fastdfs.fileid.FileType;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.stat.StatField;
import org.fastdfs.proto.storage.DownloadFileRequest;
import org.fastdfs.proto.storage.UploadFileRequest;
import org.fastdfs.storage.StorageServer;
import org.fastdfs.storage.StorageTestClient;
import org.fastdfs.storage.StorageTestClient.Response;
import org.fastdfs.storage.TempStorageBase;
import org.fastdfs.storage.store.FileStore;
import org.fastdfs.rules.ReservedSpace;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TempStorageBase.class)
class UploadDownloadTest {

    @Inject
    StorageServer server;

    @Inject
    FileStore store;

    @Inject
    DownloadHandler downloads;

    StorageTestClient client() throws IOException {
        return new StorageTestClient(server.port());
    }

    @Test
    void anUploadComesBackByteForByteWholeAndInRanges() throws Exception {
        byte[] content = bytes(100_000, 1);
        try (StorageTestClient c = client()) {
            String name = c.upload("jpg", content);
            assertThat(name).matches("M00/0[0-3]/0[0-3]/[A-Za-z0-9_-]{27}\\d{3}\\.jpg");
            assertThat(c.download(name)).isEqualTo(content);
            Response part = c.download(name, 1000, 5000);
            assertThat(part.ok()).isTrue();
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(content, 1000, 6000));
            assertThat(c.download(name, 99_990, 0).body()).isEqualTo(Arrays.copyOfRange(content, 99_990, 100_000));
            assertThat(c.download(name, 99_000, 5000).body()).as("a length past the end is cut")
                    .isEqualTo(Arrays.copyOfRange(content, 99_000, 100_000));
            Response atEnd = c.download(name, 100_000, 0);
            assertThat(atEnd.ok()).isTrue();
            assertThat(atEnd.body()).isEmpty();
            assertThat(c.activeTest().ok()).as("the connection still serves").isTrue();
        }
    }

    @Test
    void theNameCarriesSourceSizeCrcAndTimestampAndTheBinlogHasTheCreation() throws Exception {
        byte[] content = bytes(12_345, 2);
        try (StorageTestClient c = client()) {
            String name = c.upload("txt", content);
            FileId id = FileId.parseRemote(GROUP, name);
            FileIdBlock block = id.block();
            CRC32 crc = new CRC32();
            crc.update(content);
            assertThat(id.fileType()).isEqualTo(FileType.NORMAL);
            assertThat(id.sizeFromName()).hasValue(content.length);
            assertThat(block.crc32()).isEqualTo((int) crc.getValue());
            assertThat(id.sourceIp()).hasValue("127.0.0.1");
            assertThat(id.extension()).isEqualTo("txt");
            long mtime = Files.getLastModifiedTime(store.dataFile(id)).toInstant().getEpochSecond();
            assertThat(block.createTimestamp()).isEqualTo(mtime);
            assertThat(binlog(store)).contains(mtime + " C " + name + "\n");
        }
    }

    @Test
    void anUploadWithoutExtensionGetsSevenDigitsAndAnEmptyFileWorks() throws Exception {
        try (StorageTestClient c = client()) {
            String name = c.upload("", new byte[0]);
            assertThat(name).matches("M00/0[0-3]/0[0-3]/[A-Za-z0-9_-]{27}\\d{7}");
            Response r = c.download(name, 0, 0);
            assertThat(r.ok()).isTrue();
            assertThat(r.body()).isEmpty();
        }
    }

    @Test
    void fiveMegabytesInOddSizedWritesArriveIntact() throws Exception {
        byte[] content = bytes(5 * 1024 * 1024 + 7, 3);
        try (StorageTestClient c = client()) {
            c.send(Frames.request(new UploadFileRequest(Command.UPLOAD_FILE, 0, content.length, "bin"),
                    StorageTestClient.PROFILE));
            int[] sizes = {1, 7, 1001, 65_537, 333, 131_071, 4093};
            int off = 0;
            for (int i = 0; off < content.length; i++) {
                int n = Math.min(sizes[i % sizes.length], content.length - off);
                c.output().write(content, off, n);
                c.output().flush();
                off += n;
            }
            String name = StorageTestClient.fileName(c.read());
            assertThat(c.download(name)).isEqualTo(content);
            FileId id = FileId.parseRemote(GROUP, name);
            CRC32 crc = new CRC32();
            crc.update(content);
            assertThat(id.block().crc32()).isEqualTo((int) crc.getValue());
        }
        assertThat(tempFiles(store)).isEmpty();
    }

    @Test
    void twoUploadsOnOneConnectionAndStorePathZeroByIndex() throws Exception {
        try (StorageTestClient c = client()) {
            String a = StorageTestClient.fileName(c.upload(Command.UPLOAD_FILE, 0, "a", bytes(10, 4)));
            String b = StorageTestClient.fileName(c.upload(Command.UPLOAD_FILE, 0, "b", bytes(20, 5)));
            assertThat(a).isNotEqualTo(b).startsWith("M00/");
            assertThat(c.download(a)).isEqualTo(bytes(10, 4));
            assertThat(c.download(b)).isEqualTo(bytes(20, 5));
        }
    }

    @Test
    void aNonexistentStorePathIndexIsEinvalAndClosesButOthersAreServed() throws Exception {
        try (StorageTestClient c = client()) {
            Response r = c.upload(Command.UPLOAD_FILE, 5, "jpg", bytes(100, 6));
            assertThat(r.status()).isEqualTo(Status.EINVAL.code());
            assertThat(c.closedByServer()).isTrue();
        }
        try (StorageTestClient other = client()) {
            assertThat(other.activeTest().ok()).isTrue();
        }
    }

    @Test
    void aBadExtensionIsEinval() throws Exception {
        try (StorageTestClient c = client()) {
            byte[] frame = Frames.request(new UploadFileRequest(Command.UPLOAD_FILE, -1, 3, "jpg"),
                    StorageTestClient.PROFILE);
            frame[10 + 9] = '/';
            c.send(frame);
            c.send(new byte[3]);
            assertThat(c.read().status()).isEqualTo(Status.EINVAL.code());
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void belowTheReserveAnUploadIsEnospcLeavesNothingAndTheConnectionLives() throws Exception {
        long before = dataFileCount(store);
        ReservedSpace saved = store.selector().reserve();
        store.selector().setReserve(new ReservedSpace(Long.MAX_VALUE / 4, 0));
        try (StorageTestClient c = client()) {
            Response r = c.upload(Command.UPLOAD_FILE, -1, "jpg", bytes(50_000, 7));
            assertThat(r.status()).isEqualTo(Status.ENOSPC.code());
            Response explicit = c.upload(Command.UPLOAD_FILE, 0, "jpg", bytes(50_000, 7));
            assertThat(explicit.status()).isEqualTo(Status.ENOSPC.code());
            assertThat(c.activeTest().ok()).isTrue();
        } finally {
            store.selector().setReserve(saved);
        }
        assertThat(tempFiles(store)).isEmpty();
        assertThat(dataFileCount(store)).isEqualTo(before);
    }

    @Test
    void aClientThatDisconnectsMidUploadLeavesNoTempFileAndNoData() throws Exception {
        long before = dataFileCount(store);
        try (StorageTestClient c = client()) {
            c.send(Frames.request(new UploadFileRequest(Command.UPLOAD_FILE, -1, 10_000_000, "bin"),
                    StorageTestClient.PROFILE));
            c.send(bytes(600_000, 8));
            long whole = 600_000 / StreamReceiver.SEGMENT * StreamReceiver.SEGMENT; // the rest waits for more
            assertThat(eventually(() -> {
                try {
                    return tempFiles(store).size() == 1 && Files.size(tempFiles(store).get(0)) == whole;
                } catch (IOException e) {
                    return false;
                }
            })).as("the content streams into a temp file, segment by segment").isTrue();
        }
        assertThat(eventually(() -> {
            try {
                return tempFiles(store).isEmpty();
            } catch (IOException e) {
                return false;
            }
        })).as("the temp file is gone after the disconnect").isTrue();
        assertThat(dataFileCount(store)).isEqualTo(before);
        try (StorageTestClient other = client()) {
            assertThat(other.activeTest().ok()).isTrue();
        }
    }

    @Test
    void uploadsAndDownloadsAreCounted() throws Exception {
        long uploads = store.stats().get(StatField.SUCCESS_UPLOAD_COUNT);
        long downloads = store.stats().get(StatField.SUCCESS_DOWNLOAD_COUNT);
        long downloadBytes = store.stats().get(StatField.SUCCESS_DOWNLOAD_BYTES);
        try (StorageTestClient c = client()) {
            String name = c.upload("c", bytes(1000, 9));
            c.download(name);
        }
        assertThat(store.stats().get(StatField.SUCCESS_UPLOAD_COUNT)).isEqualTo(uploads + 1);
        assertThat(store.stats().get(StatField.SUCCESS_DOWNLOAD_COUNT)).isEqualTo(downloads + 1);
        assertThat(store.stats().get(StatField.SUCCESS_DOWNLOAD_BYTES)).isEqualTo(downloadBytes + 1000);
        assertThat(store.stats().get(StatField.LAST_SOURCE_UPDATE)).isPositive();
    }

    @Test
    void aSmallFileInMemoryIsReadOnTheEventLoopAndOneOnlyOnDiskByAReader() throws Exception {
        assumeTrue(Runtime.version().feature() >= 22 && System.getProperty("os.name").startsWith("Linux"),
                "reads on the event loop need a JDK 22 or later on Linux");
        byte[] content = bytes(8192, 12);
        try (StorageTestClient c = client()) {
            String name = c.upload("bin", content);
            long before = downloads.fromMemory();
            assertThat(c.download(name)).isEqualTo(content);
            assertThat(downloads.fromMemory()).as("just written: in memory").isEqualTo(before + 1);

            // rewritten with O_DIRECT, its pages leave the page cache: the bytes are on disk only
            ByteBuffer aligned = ByteBuffer.allocateDirect(2 * 8192).alignedSlice(4096);
            aligned.put(content).flip();
            try (FileChannel ch = FileChannel.open(store.dataFile(store.fileId(GROUP, name)),
                    StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT)) {
                while (aligned.hasRemaining()) {
                    ch.write(aligned, 8192 - aligned.remaining());
                }
            } catch (UnsupportedOperationException | IOException e) {
                assumeTrue(false, "no O_DIRECT on this file system: " + e);
            }
            assertThat(c.download(name)).isEqualTo(content);
            assertThat(downloads.fromMemory()).as("read by a reader").isEqualTo(before + 1);
            assertThat(c.download(name, 100, 200).body()).isEqualTo(Arrays.copyOfRange(content, 100, 300));
            assertThat(downloads.fromMemory()).as("the reader's read brought it into memory").isEqualTo(before + 2);
        }
    }

    @Test
    void whileTheDiskLagsTheSocketIsPausedAndLittleIsBuffered() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(4);
        for (int i = 0; i < 4; i++) {
            store.writer().execute(() -> {
                blocked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertThat(blocked.await(5, TimeUnit.SECONDS)).as("every writer thread is busy").isTrue();
        store.resetBufferedPeak();
        byte[] content = bytes(24 * 1024 * 1024, 10);
        try (StorageTestClient c = client()) {
            CompletableFuture<Void> sent = c.sendInBackground(Frames.request(
                    new UploadFileRequest(Command.UPLOAD_FILE, -1, content.length, "big"), StorageTestClient.PROFILE),
                    content);
            Thread.sleep(1500);
            assertThat(sent).as("the client is held back").isNotDone();
            assertThat(store.bufferedPeak()).as("bytes held in memory")
                    .isGreaterThan(StreamReceiver.HIGH_WATER).isLessThan(StreamReceiver.HIGH_WATER + (1 << 20));
            release.countDown();
            sent.get(20, TimeUnit.SECONDS);
            String name = StorageTestClient.fileName(c.read());
            assertThat(c.download(name)).isEqualTo(content);
        } finally {
            release.countDown();
        }
        assertThat(eventually(() -> store.bufferedBytes() == 0)).isTrue();
    }

    @Test
    void aHugeUploadThatCannotSucceedIsRefusedAtOnce() throws Exception {
        try (StorageTestClient c = client()) {
            c.send(Frames.request(new UploadFileRequest(Command.UPLOAD_FILE, 9, 100L << 20, "bin"),
                    StorageTestClient.PROFILE));
            c.send(bytes(1000, 11));
            assertThat(c.read().status()).isEqualTo(Status.EINVAL.code());
            assertThat(c.closedByServer()).isTrue();
        }
        ReservedSpace saved = store.selector().reserve();
        store.selector().setReserve(new ReservedSpace(Long.MAX_VALUE / 4, 0));
        try (StorageTestClient c = client()) {
            c.send(Frames.request(new UploadFileRequest(Command.UPLOAD_FILE, -1, 100L << 20, "bin"),
                    StorageTestClient.PROFILE));
            c.send(bytes(1000, 12));
            assertThat(c.read().status()).isEqualTo(Status.ENOSPC.code());
            assertThat(c.closedByServer()).as("the body is not swallowed").isTrue();
        } finally {
            store.selector().setReserve(saved);
        }
        assertThat(eventually(() -> {
            try {
                return tempFiles(store).isEmpty();
            } catch (IOException e) {
                return false;
            }
        })).isTrue();
    }

    @Test
    void requestsSentBackToBackInOneWriteAreAnsweredInOrder() throws Exception {
        // the second and third request arrive in the read buffer of the first and wait, copied, while
        // the first is answered from a worker thread
        byte[] small = bytes(3_000, 21);
        byte[] large = bytes(300_000, 22);
        try (StorageTestClient c = client()) {
            String name = c.upload("txt", small);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.write(Frames.request(new DownloadFileRequest(0, 0, GROUP, name),
                    StorageTestClient.PROFILE));
            all.write(Frames.request(new UploadFileRequest(Command.UPLOAD_FILE, -1, large.length, "bin"),
                    StorageTestClient.PROFILE));
            all.write(large);
            all.write(Frames.request(Command.ACTIVE_TEST));
            all.write(Frames.request(new DownloadFileRequest(10, 100, GROUP, name),
                    StorageTestClient.PROFILE));
            c.send(all.toByteArray());

            assertThat(c.read().body()).isEqualTo(small);
            String uploaded = StorageTestClient.fileName(c.read());
            assertThat(c.read().ok()).as("ACTIVE_TEST").isTrue();
            assertThat(c.read().body()).isEqualTo(Arrays.copyOfRange(small, 10, 110));
            assertThat(c.download(uploaded)).isEqualTo(large);
        }
    }

    @Test
    void aFloodOfPipelinedRequestsIsHeldBackAndAnsweredInOrder() throws Exception {
        // more requests than a connection holds while one is answered (FramedConnection.HELD_INPUT_LIMIT):
        // the socket stops reading in between and every request is still answered, in order
        byte[] content = bytes(2_000, 23);
        int requests = 4_000;
        try (StorageTestClient c = client()) {
            String name = c.upload("txt", content);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int i = 0; i < requests; i++) {
                all.write(Frames.request(new DownloadFileRequest(i % 1_000, 16, GROUP, name),
                        StorageTestClient.PROFILE));
            }
            assertThat(all.size()).isGreaterThan(4 * 64 * 1024);
            CompletableFuture<Void> sent = c.sendInBackground(all.toByteArray());
            for (int i = 0; i < requests; i++) {
                int offset = i % 1_000;
                assertThat(c.read().body()).as("answer %d", i)
                        .isEqualTo(Arrays.copyOfRange(content, offset, offset + 16));
            }
            sent.get(10, TimeUnit.SECONDS);
            assertThat(c.activeTest().ok()).isTrue();
        }
    }
}
