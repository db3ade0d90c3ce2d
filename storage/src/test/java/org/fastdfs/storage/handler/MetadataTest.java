package org.fastdfs.storage.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fastdfs.storage.StorageFixtures.binlog;
import static org.fastdfs.storage.StorageFixtures.bytes;
import static org.fastdfs.storage.StorageTestClient.GROUP;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.fastdfs.fileid.FileId;
import org.fastdfs.meta.Metadata;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.storage.GetMetadataRequest;
import org.fastdfs.proto.storage.SetMetadataRequest;
import org.fastdfs.proto.storage.SetMetadataRequest.Op;
import org.fastdfs.storage.StorageServer;
import org.fastdfs.storage.StorageTestClient;
import org.fastdfs.storage.StorageTestClient.Response;
import org.fastdfs.storage.TempStorageBase;
import org.fastdfs.storage.store.FileStore;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TempStorageBase.class)
class MetadataTest {

    @Inject
    StorageServer server;

    @Inject
    FileStore store;

    static String packed(Map<String, String> items) {
        return new String(Metadata.of(items).encode(Metadata.SERVER_CHARSET), Metadata.SERVER_CHARSET);
    }

    static Response set(StorageTestClient c, String name, Op op, Map<String, String> items) throws IOException {
        return c.call(new SetMetadataRequest(op, GROUP, name, packed(items)));
    }

    static Map<String, String> get(StorageTestClient c, String name) throws IOException {
        Response r = c.call(new GetMetadataRequest(GROUP, name));
        assertThat(r.ok()).as("get metadata: %s", Status.describe(r.status())).isTrue();
        return Metadata.decode(r.body(), Metadata.SERVER_CHARSET).asMap();
    }

    @Test
    void overwriteSortsMergeAddsAndReplacesAndGetReturnsTheSidecar() throws Exception {
        try (StorageTestClient c = new StorageTestClient(server.port())) {
            String name = c.upload("jpg", bytes(100, 30));
            FileId id = FileId.parseRemote(GROUP, name);
            assertThat(c.call(new GetMetadataRequest(GROUP, name)).status()).as("no sidecar yet")
                    .isEqualTo(Status.ENOENT.code());

            assertThat(set(c, name, Op.OVERWRITE, Map.of("width", "800", "height", "600")).ok()).isTrue();
            assertThat(Files.readString(store.metaFile(id), Metadata.SERVER_CHARSET))
                    .as("sorted by name").isEqualTo("height\u0002600\u0001width\u0002800");
            assertThat(get(c, name)).containsExactly(Map.entry("height", "600"), Map.entry("width", "800"));

            assertThat(set(c, name, Op.MERGE, Map.of("width", "1024", "author", "me")).ok()).isTrue();
            assertThat(get(c, name)).containsExactly(Map.entry("author", "me"), Map.entry("height", "600"),
                    Map.entry("width", "1024"));

            assertThat(set(c, name, Op.MERGE, Map.of()).ok()).as("an empty merge changes nothing").isTrue();
            assertThat(get(c, name)).hasSize(3);

            assertThat(set(c, name, Op.OVERWRITE, Map.of("only", "one")).ok()).isTrue();
            assertThat(get(c, name)).containsExactly(Map.entry("only", "one"));

            assertThat(set(c, name, Op.OVERWRITE, Map.of()).ok()).as("an empty overwrite deletes").isTrue();
            assertThat(Files.exists(store.metaFile(id))).isFalse();
            assertThat(c.call(new GetMetadataRequest(GROUP, name)).status()).isEqualTo(Status.ENOENT.code());

            assertThat(set(c, name, Op.MERGE, Map.of("k", "v")).ok()).as("merge without a sidecar creates it").isTrue();
            assertThat(get(c, name)).containsExactly(Map.entry("k", "v"));

            String meta = name + "-m";
            assertThat(binlog(store)).contains(" C " + meta + "\n", " U " + meta + "\n", " D " + meta + "\n");
            assertThat(binlog(store).split(" C " + meta.replace(".", "\\.") + "\n", -1)).as("two creations").hasSize(3);
        }
    }

    @Test
    void metadataOfAMissingFileIsEnoent() throws Exception {
        try (StorageTestClient c = new StorageTestClient(server.port())) {
            String name = c.upload("jpg", bytes(10, 31));
            Files.delete(store.dataFile(FileId.parseRemote(GROUP, name)));
            assertThat(set(c, name, Op.OVERWRITE, Map.of("a", "b")).status()).isEqualTo(Status.ENOENT.code());
            assertThat(c.call(new GetMetadataRequest(GROUP, name)).status()).isEqualTo(Status.ENOENT.code());
            assertThat(c.activeTest().ok()).isTrue();
        }
    }
}
