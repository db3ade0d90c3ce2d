package org.fastdfs.storage.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fastdfs.storage.StorageFixtures.binlog;
import static org.fastdfs.storage.StorageFixtures.bytes;
import static org.fastdfs.storage.StorageTestClient.GROUP;
import static org.fastdfs.storage.StorageTestClient.PROFILE;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.fastdfs.fileid.FileId;
import org.fastdfs.fileid.FileType;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.storage.FileInfoResponse;
import org.fastdfs.proto.storage.QueryFileInfoRequest;
import org.fastdfs.proto.storage.RegenerateAppenderFilenameRequest;
import org.fastdfs.proto.storage.TruncateFileRequest;
import org.fastdfs.storage.StorageServer;
import org.fastdfs.storage.StorageTestClient;
import org.fastdfs.storage.StorageTestClient.Response;
import org.fastdfs.storage.TempStorageBase;
import org.fastdfs.storage.store.FileStore;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TempStorageBase.class)
class AppenderTest {

    @Inject
    StorageServer server;

    @Inject
    FileStore store;

    StorageTestClient client() throws IOException {
        return new StorageTestClient(server.port());
    }

    static int crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return (int) c.getValue();
    }

    FileInfoResponse info(StorageTestClient c, String name, int flags) throws IOException {
        Response r = c.call(new QueryFileInfoRequest(flags, GROUP, name));
        assertThat(r.ok()).as("query file info: %s", Status.describe(r.status())).isTrue();
        return FileInfoResponse.decode(r.buffer(), PROFILE);
    }

    @Test
    void appendModifyTruncateAndFileInfoFollowTheContent() throws Exception {
        byte[] first = bytes(1000, 10);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(first);
        try (StorageTestClient c = client()) {
            String name = c.uploadAppender("log", first);
            FileId id = FileId.parseRemote(GROUP, name);
            assertThat(id.fileType()).isEqualTo(FileType.APPENDER);
            assertThat(id.block().crc32()).as("the CRC at creation").isEqualTo(crc(first));

            byte[] more = bytes(70_000, 11);
            assertThat(c.append(name, more).ok()).isTrue();
            expected.writeBytes(more);
            assertThat(c.download(name)).isEqualTo(expected.toByteArray());

            byte[] patch = bytes(500, 12);
            assertThat(c.modify(name, 800, patch).ok()).isTrue();
            byte[] now = expected.toByteArray();
            System.arraycopy(patch, 0, now, 800, patch.length);
            assertThat(c.download(name)).isEqualTo(now);

            byte[] tail = bytes(300, 13);
            assertThat(c.modify(name, now.length, tail).ok()).as("modify at the end grows the file").isTrue();
            byte[] grown = Arrays.copyOf(now, now.length + tail.length);
            System.arraycopy(tail, 0, grown, now.length, tail.length);
            assertThat(c.download(name)).isEqualTo(grown);

            FileInfoResponse info = info(c, name, 0);
            assertThat(info.fileSize()).isEqualTo(grown.length);
            assertThat(info.crc32()).as("computed over the content").isEqualTo(crc(grown));
            assertThat(info.sourceIp()).isEqualTo("127.0.0.1");
            long mtime = Files.getLastModifiedTime(store.dataFile(id)).toInstant().getEpochSecond();
            assertThat(info.createTimestamp()).isEqualTo(mtime);
            assertThat(info(c, name, QueryFileInfoRequest.NO_CRC32).crc32()).isZero();

            assertThat(c.call(new TruncateFileRequest(name, 100)).ok()).isTrue();
            assertThat(c.download(name)).isEqualTo(Arrays.copyOf(grown, 100));
            assertThat(c.call(new TruncateFileRequest(name, 150)).ok()).as("truncate may grow").isTrue();
            byte[] padded = Arrays.copyOf(grown, 150);
            Arrays.fill(padded, 100, 150, (byte) 0);
            assertThat(c.download(name)).isEqualTo(padded);
            assertThat(c.call(new TruncateFileRequest(name, 150)).ok()).as("same size: nothing to do").isTrue();
            assertThat(c.append(name, new byte[0]).ok()).as("appending nothing succeeds").isTrue();

            String log = binlog(store);
            assertThat(log).contains(" C " + name + "\n", " A " + name + " 1000 70000\n",
                    " M " + name + " 800 500\n", " M " + name + " 71000 300\n",
                    " T " + name + " 71300 100\n", " T " + name + " 100 150\n");
            assertThat(log).doesNotContain(" T " + name + " 150 150", " A " + name + " 150 0");
        }
    }

    @Test
    void regenerateTurnsTheAppenderIntoANormalFileNamedByItsContent() throws Exception {
        byte[] a = bytes(2000, 14);
        byte[] b = bytes(3000, 15);
        try (StorageTestClient c = client()) {
            String name = c.uploadAppender("dat", a);
            assertThat(c.append(name, b).ok()).isTrue();
            Response r = c.call(new RegenerateAppenderFilenameRequest(name));
            String renamed = StorageTestClient.fileName(r);
            FileId oldId = FileId.parseRemote(GROUP, name);
            FileId newId = FileId.parseRemote(GROUP, renamed);
            byte[] all = new byte[5000];
            System.arraycopy(a, 0, all, 0, 2000);
            System.arraycopy(b, 0, all, 2000, 3000);
            assertThat(newId.fileType()).isEqualTo(FileType.NORMAL);
            assertThat(newId.sizeFromName()).hasValue(5000);
            assertThat(newId.crc32FromName()).hasValue(crc(all));
            assertThat(renamed.substring(0, 10)).isEqualTo(name.substring(0, 10));
            assertThat(renamed.substring(renamed.length() - 7)).isEqualTo(name.substring(name.length() - 7));
            assertThat(newId.blockText()).isNotEqualTo(oldId.blockText());
            assertThat(c.download(renamed)).isEqualTo(all);
            assertThat(c.download(name, 0, 0).status()).isEqualTo(Status.ENOENT.code());
            assertThat(info(c, renamed, 0).crc32()).as("a normal file's CRC comes from its name").isEqualTo(crc(all));
            assertThat(binlog(store)).contains(" R " + renamed + " " + name + "\n");
            assertThat(c.call(new RegenerateAppenderFilenameRequest(renamed)).status())
                    .as("no longer an appender").isEqualTo(Status.EINVAL.code());
        }
    }

    @Test
    void appenderCommandsOnANormalFileAreEinval() throws Exception {
        try (StorageTestClient c = client()) {
            String normal = c.upload("txt", bytes(10, 16));
            assertThat(c.append(normal, bytes(5, 17)).status()).isEqualTo(Status.EINVAL.code());
            assertThat(c.closedByServer()).isTrue();
        }
        try (StorageTestClient c = client()) {
            String normal = c.upload("txt", bytes(10, 16));
            assertThat(c.call(new TruncateFileRequest(normal, 0)).status()).isEqualTo(Status.EINVAL.code());
        }
        try (StorageTestClient c = client()) {
            String normal = c.upload("txt", bytes(10, 16));
            assertThat(c.download(normal)).isEqualTo(bytes(10, 16));
        }
    }

    @Test
    void modifyPastTheEndIsEinvalAndChangesNothing() throws Exception {
        try (StorageTestClient c = client()) {
            String name = c.uploadAppender("", bytes(100, 18));
            assertThat(c.modify(name, 101, bytes(10, 19)).status()).isEqualTo(Status.EINVAL.code());
        }
        try (StorageTestClient c = client()) {
            String name = c.uploadAppender("", bytes(100, 18));
            assertThat(c.modify(name, 50, bytes(10, 19)).ok()).isTrue();
            assertThat(c.download(name)).hasSize(100);
        }
    }

    @Test
    void appendingToAMissingAppenderIsEnoentAndKeepsTheConnection() throws Exception {
        try (StorageTestClient c = client()) {
            String name = c.uploadAppender("x", bytes(10, 20));
            Files.delete(store.dataFile(FileId.parseRemote(GROUP, name)));
            assertThat(c.append(name, bytes(100, 21)).status()).isEqualTo(Status.ENOENT.code());
            assertThat(c.call(new TruncateFileRequest(name, 0)).status()).isEqualTo(Status.ENOENT.code());
            assertThat(c.activeTest().ok()).isTrue();
        }
    }
}
