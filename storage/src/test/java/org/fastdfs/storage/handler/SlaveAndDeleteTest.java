package org.fastdfs.storage.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fastdfs.storage.StorageFixtures.binlog;
import static org.fastdfs.storage.StorageFixtures.bytes;
import static org.fastdfs.storage.StorageFixtures.tempFiles;
import static org.fastdfs.storage.StorageTestClient.GROUP;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fastdfs.fileid.FileId;
import org.fastdfs.fileid.FileType;
import org.fastdfs.meta.Metadata;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.storage.DeleteFileRequest;
import org.fastdfs.proto.storage.SetMetadataRequest;
import org.fastdfs.storage.StorageServer;
import org.fastdfs.storage.StorageTestClient;
import org.fastdfs.storage.StorageTestClient.Response;
import org.fastdfs.storage.TempStorageBase;
import org.fastdfs.storage.store.FileStore;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TempStorageBase.class)
class SlaveAndDeleteTest {

    @Inject
    StorageServer server;

    @Inject
    FileStore store;

    StorageTestClient client() throws IOException {
        return new StorageTestClient(server.port());
    }

    @Test
    void aSlaveIsNamedAfterItsMasterAndCannotBeWrittenTwice() throws Exception {
        try (StorageTestClient c = client()) {
            String master = c.upload("jpg", bytes(5000, 40));
            byte[] thumb = bytes(700, 41);
            Response r = c.uploadSlave(master, "_150x150", "jpg", thumb);
            String slave = StorageTestClient.fileName(r);
            assertThat(slave).isEqualTo(master.substring(0, master.length() - 4) + "_150x150.jpg");
            assertThat(FileId.parseRemote(GROUP, slave).fileType()).isEqualTo(FileType.SLAVE);
            assertThat(c.download(slave)).isEqualTo(thumb);
            assertThat(binlog(store)).contains(" C " + slave + "\n");

            assertThat(c.uploadSlave(master, "_150x150", "jpg", bytes(10, 42)).status())
                    .isEqualTo(Status.EEXIST.code());
            assertThat(c.download(slave)).as("the first slave stays").isEqualTo(thumb);

            String noExt = StorageTestClient.fileName(c.uploadSlave(master, "-small", "", bytes(3, 43)));
            assertThat(noExt).isEqualTo(master.substring(0, master.length() - 4) + "-small");
            assertThat(c.activeTest().ok()).isTrue();
        }
        assertThat(tempFiles(store)).isEmpty();
    }

    @Test
    void aSlaveOfAMissingMasterIsEnoent() throws Exception {
        try (StorageTestClient c = client()) {
            String master = c.upload("png", bytes(10, 44));
            Files.delete(store.dataFile(FileId.parseRemote(GROUP, master)));
            assertThat(c.uploadSlave(master, "_s", "png", bytes(10, 45)).status()).isEqualTo(Status.ENOENT.code());
            assertThat(c.activeTest().ok()).isTrue();
        }
    }

    @Test
    void deleteRemovesTheFileAndItsMetadataAndLogsBoth() throws Exception {
        try (StorageTestClient c = client()) {
            String name = c.upload("txt", bytes(100, 46));
            FileId id = FileId.parseRemote(GROUP, name);
            String meta = new String(Metadata.of(Map.of("a", "1")).encode(Metadata.SERVER_CHARSET),
                    Metadata.SERVER_CHARSET);
            assertThat(c.call(new SetMetadataRequest(SetMetadataRequest.Op.OVERWRITE, GROUP, name, meta)).ok()).isTrue();

            assertThat(c.call(new DeleteFileRequest(GROUP, name)).ok()).isTrue();
            assertThat(Files.exists(store.dataFile(id))).isFalse();
            assertThat(Files.exists(store.metaFile(id))).isFalse();
            assertThat(binlog(store)).contains(" D " + name + "\n", " D " + name + "-m\n");

            assertThat(c.download(name, 0, 0).status()).isEqualTo(Status.ENOENT.code());
            assertThat(c.call(new DeleteFileRequest(GROUP, name)).status()).isEqualTo(Status.ENOENT.code());
            assertThat(c.activeTest().ok()).isTrue();
        }
    }

    @Test
    void deletingASymlinkedSlaveTakesItsTargetAlong() throws Exception {
        try (StorageTestClient c = client()) {
            String master = c.upload("jpg", bytes(50, 47));
            String target = c.upload("jpg", bytes(60, 48));
            FileId masterId = FileId.parseRemote(GROUP, master);
            FileId slaveId = masterId.slave("_link", "jpg");
            Path link = store.dataFile(slaveId);
            Files.createSymbolicLink(link, store.dataFile(FileId.parseRemote(GROUP, target)));
            assertThat(c.download(slaveId.remoteFilename())).as("served through the link").isEqualTo(bytes(60, 48));

            assertThat(c.call(new DeleteFileRequest(GROUP, slaveId.remoteFilename())).ok()).isTrue();
            assertThat(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
            assertThat(c.download(target, 0, 0).status()).isEqualTo(Status.ENOENT.code());
            assertThat(binlog(store)).contains(" D " + target + "\n", " D " + slaveId.remoteFilename() + "\n");
            assertThat(c.download(master)).isEqualTo(bytes(50, 47));
        }
    }
}
