package org.fastdfs.storage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fastdfs.fileid.FileId;
import org.fastdfs.fileid.FileSource;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.stat.StatField;
import org.fastdfs.storage.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store without Quarkus: first start, restart, several store paths. */
class FileStoreRestartTest {

    @TempDir
    Path dir;

    FileStore store(Map<String, Object> more) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of("basePath", dir.resolve("base").toString(),
                "subdirCountPerPath", 2, "fileDistributeRotateCount", 1));
        config.putAll(more);
        return new FileStore(TestConfigs.storage(config), new StorageIdentity("10.0.0.5"));
    }

    Path newContent(FileStore s, int index, String text) throws Exception {
        Path temp = s.newTempFile(s.newFileDir(index));
        Files.writeString(temp, text);
        return temp;
    }

    @Test
    void aRestartKeepsTheJoinTimeTheCountersAndTheCursorAndSweepsEarlierRunsTempFiles() throws Exception {
        FileStore first = store(Map.of());
        first.open(23000);
        long joined = first.initFlag().number(DataInitFlag.STORAGE_JOIN_TIME);
        assertThat(first.initFlag().createdNow()).isTrue();
        FileStore.Placed a = first.placeNew(newContent(first, 0, "a"), 0, FileSource.ip("10.0.0.5"), 1, 0, false, "");
        assertThat(a.id().subDirHigh()).isZero();
        assertThat(a.id().subDirLow()).isZero();
        first.stats().increment(StatField.SUCCESS_UPLOAD_COUNT);
        // left by the run before, however young (a member killed and restarted at once)
        Path stale = first.newTempFile(first.paths().dir(0, 1, 1));
        Path older = Files.writeString(first.paths().dir(0, 1, 0).resolve(".in-1x2y3z.tmp"), "old naming");
        first.close();
        assertThat(stale).exists();

        FileStore again = store(Map.of());
        again.open(23000);
        Path receiving = again.newTempFile(again.paths().dir(0, 1, 1));
        try {
            again.tempSweep().get(10, TimeUnit.SECONDS);
            assertThat(receiving).as("content received by this run is not stale").exists();
            assertThat(again.initFlag().createdNow()).isFalse();
            assertThat(again.initFlag().number(DataInitFlag.STORAGE_JOIN_TIME)).isEqualTo(joined);
            assertThat(again.stats().get(StatField.SUCCESS_UPLOAD_COUNT)).isEqualTo(1);
            assertThat(stale).doesNotExist();
            assertThat(older).doesNotExist();
            FileStore.Placed b = again.placeNew(newContent(again, 0, "b"), 0, FileSource.ip("10.0.0.5"), 1, 0,
                    false, "txt");
            assertThat(b.id().subDirLow()).as("the cursor continues after the restart").isEqualTo(1);
            assertThat(Files.readString(again.dataFile(a.id()))).isEqualTo("a");
            assertThat(b.id().sourceIp()).hasValue("10.0.0.5");
        } finally {
            again.close();
        }
    }

    @Test
    void severalStorePathsEachGetTheirTreeAndNamesResolveUnderTheirOwnPath() throws Exception {
        Path p0 = dir.resolve("disk0");
        Path p1 = dir.resolve("disk1");
        FileStore s = store(Map.of("storePaths", List.of(p0.toString(), p1.toString())));
        s.open(23000);
        try {
            assertThat(p0.resolve("data/01/01")).isDirectory();
            assertThat(p1.resolve("data/01/01")).isDirectory();
            assertThat(dir.resolve("base/data/.data_init_flag")).exists();
            assertThat(dir.resolve("base/data/00")).as("the base path is not a store path here").doesNotExist();
            FileStore.Placed placed = s.placeNew(newContent(s, 1, "x"), 1, FileSource.ip("10.0.0.5"), 1, 0, true, "");
            assertThat(placed.id().remoteFilename()).startsWith("M01/");
            assertThat(s.dataFile(placed.id())).startsWith(p1.resolve("data"));
            assertThat(s.remoteNameOf(s.dataFile(placed.id()))).isEqualTo(placed.id().remoteFilename());
            assertThatThrownBy(() -> s.localFileId("M02/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg"))
                    .isInstanceOf(ProtocolException.class);
            assertThatThrownBy(() -> s.localFileId("M00/00/00/.in-1x2y3z.tmp"))
                    .as("content being received is never served")
                    .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.status()).isEqualTo(Status.EINVAL));
            assertThatThrownBy(() -> s.fileId("group2", placed.id().remoteFilename()))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.status()).isEqualTo(Status.EINVAL));
        } finally {
            s.close();
        }
    }

    @Test
    void placingNeverReplacesAnExistingFile() throws Exception {
        FileStore s = store(Map.of());
        s.open(23000);
        try {
            FileStore.Placed a = s.placeNew(newContent(s, 0, "first"), 0, FileSource.ip("10.0.0.5"), 5, 0, false, "");
            Path again = newContent(s, 0, "second");
            FileId sameName = a.id();
            assertThatThrownBy(() -> s.placeAt(again, sameName))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.status()).isEqualTo(Status.EEXIST));
            assertThat(Files.readString(s.dataFile(a.id()))).isEqualTo("first");
            assertThat(again).exists();
        } finally {
            s.close();
        }
    }
}
