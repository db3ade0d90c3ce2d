package org.fastdfs.storage.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fastdfs.storage.StorageFixtures.bytes;
import static org.fastdfs.storage.StorageTestClient.GROUP;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fastdfs.fileid.FileId;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.storage.DeleteFileRequest;
import org.fastdfs.proto.storage.DownloadFileRequest;
import org.fastdfs.proto.storage.GetMetadataRequest;
import org.fastdfs.proto.storage.QueryFileInfoRequest;
import org.fastdfs.storage.StorageServer;
import org.fastdfs.storage.StorageTestClient;
import org.fastdfs.storage.StorageTestClient.Response;
import org.fastdfs.storage.TempStorageBase;
import org.fastdfs.storage.store.FileStore;
import org.junit.jupiter.api.Test;

/** Bad requests get PROTOCOL.md's status; EINVAL closes that connection, and other connections go on. */
@QuarkusTest
@QuarkusTestResource(TempStorageBase.class)
class RejectionTest {

    /** A well-formed name of a file that was never stored. */
    static final String MISSING = "M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg";

    @Inject
    StorageServer server;

    @Inject
    FileStore store;

    StorageTestClient client() throws IOException {
        return new StorageTestClient(server.port());
    }

    /** Sends {@code frame} and expects {@code status}, then EINVAL → closed, else still serving; then a new connection works. */
    void expect(byte[] frame, Status status) throws IOException {
        try (StorageTestClient c = client()) {
            c.send(frame);
            Response r = c.read();
            assertThat(r.status()).as(Status.describe(r.status())).isEqualTo(status.code());
            assertThat(r.body()).isEmpty();
            if (status == Status.EINVAL) {
                assertThat(c.closedByServer()).as("closed after EINVAL").isTrue();
            } else {
                assertThat(c.activeTest().ok()).as("still serving after " + status).isTrue();
            }
        }
        try (StorageTestClient other = client()) {
            assertThat(other.activeTest().ok()).isTrue();
        }
    }

    static byte[] frame(org.fastdfs.proto.Request request) {
        return Frames.request(request, StorageTestClient.PROFILE);
    }

    @Test
    void aWrongGroupIsEinval() throws Exception {
        String name;
        try (StorageTestClient c = client()) {
            name = c.upload("jpg", bytes(10, 50));
        }
        expect(frame(new DownloadFileRequest(0, 0, "group2", name)), Status.EINVAL);
        expect(frame(new DeleteFileRequest("group2", name)), Status.EINVAL);
        expect(frame(new QueryFileInfoRequest("group2", name)), Status.EINVAL);
        try (StorageTestClient c = client()) {
            assertThat(c.download(name)).as("the file is still there").isEqualTo(bytes(10, 50));
        }
    }

    @Test
    void namesThatLeaveTheStorePathAreEinval() throws Exception {
        expect(frame(new DownloadFileRequest(0, 0, GROUP, "M00/00/00/../../../../etc/passwd")), Status.EINVAL);
        expect(frame(new DownloadFileRequest(0, 0, GROUP, "M00/../../wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg")),
                Status.EINVAL);
        expect(frame(new DeleteFileRequest(GROUP, "/etc/passwd")), Status.EINVAL);
        expect(frame(new GetMetadataRequest(GROUP, "M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80..jpg")), Status.EINVAL);
        expect(frame(new DownloadFileRequest(0, 0, GROUP, "M00/0a/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg")),
                Status.EINVAL);
    }

    @Test
    void aNameOnAStorePathThatDoesNotExistIsEinval() throws Exception {
        expect(frame(new DownloadFileRequest(0, 0, GROUP, "M01/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg")),
                Status.EINVAL);
    }

    @Test
    void aMissingFileIsEnoentAndKeepsTheConnection() throws Exception {
        expect(frame(new DownloadFileRequest(0, 0, GROUP, MISSING)), Status.ENOENT);
        expect(frame(new QueryFileInfoRequest(GROUP, MISSING)), Status.ENOENT);
        expect(frame(new DeleteFileRequest(GROUP, MISSING)), Status.ENOENT);
    }

    @Test
    void anOffsetPastTheEndIsEinval() throws Exception {
        String name;
        try (StorageTestClient c = client()) {
            name = c.upload("jpg", bytes(100, 51));
        }
        expect(frame(new DownloadFileRequest(101, 0, GROUP, name)), Status.EINVAL);
    }

    @Test
    void aNegativeOffsetIsEinval() throws Exception {
        byte[] f = frame(new DownloadFileRequest(0, 0, GROUP, MISSING));
        ByteBuffer.wrap(f).putLong(Header.SIZE, -1);
        expect(f, Status.EINVAL);
    }

    @Test
    void aDirectoryWhereAFileShouldBeIsEisdir() throws Exception {
        String name = "M00/00/01/wKgBCmVT8QCAEjRWAAAwORI0q80999.jpg";
        Path dir = Files.createDirectories(store.dataFile(FileId.parseRemote(GROUP, name)));
        expect(frame(new DownloadFileRequest(0, 0, GROUP, name)), Status.EISDIR);
        expect(frame(new DownloadFileRequest(0, 1, GROUP, name)), Status.EISDIR);
        // nothing to read at its end, so no read to fail: the kind is asked by name
        expect(frame(new DownloadFileRequest(Files.size(dir), 0, GROUP, name)), Status.EISDIR);
    }

    @Test
    void anOversizedNonStreamedFrameIsEinval() throws Exception {
        expect(new Header(300_000, Command.DOWNLOAD_FILE.code(), 0).toBytes(), Status.EINVAL);
    }

    @Test
    void anUnknownCommandIsEinval() throws Exception {
        expect(new Header(0, 200, 0).toBytes(), Status.EINVAL);
        expect(new Header(0, Command.SERVICE_QUERY_STORE_WITHOUT_GROUP_ONE.code(), 0).toBytes(), Status.EINVAL);
    }

    @Test
    void aStorageCommandThatIsNotServedYetIsEopnotsupp() throws Exception {
        byte[] body = "x".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer f = ByteBuffer.allocate(Header.SIZE + body.length);
        new Header(body.length, Command.CREATE_LINK.code(), 0).encode(f);
        f.put(body);
        expect(f.array(), Status.EOPNOTSUPP);
    }

    @Test
    void aTooShortBodyIsEinval() throws Exception {
        ByteBuffer f = ByteBuffer.allocate(Header.SIZE + 4);
        new Header(4, Command.DELETE_FILE.code(), 0).encode(f);
        expect(f.array(), Status.EINVAL);
    }
}
