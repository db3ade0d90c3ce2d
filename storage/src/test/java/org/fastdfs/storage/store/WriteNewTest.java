package org.fastdfs.storage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fastdfs.fileid.FileSource;
import org.fastdfs.storage.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new file written whole under its name: content, no clobbering, and the mtime its name or record says. */
class WriteNewTest {

    @TempDir
    Path dir;

    FileStore open() throws Exception {
        FileStore s = new FileStore(TestConfigs.storage(Map.of("basePath", dir.resolve("base").toString(),
                "subdirCountPerPath", 2)), new StorageIdentity("10.0.0.5"));
        s.open(23000);
        return s;
    }

    static long mtime(Path file) throws Exception {
        return Files.getLastModifiedTime(file).toInstant().getEpochSecond();
    }

    @Test
    void everyUploadHasTheMtimeOfItsName() throws Exception {
        FileStore s = open();
        try {
            byte[] content = "hello".getBytes(StandardCharsets.US_ASCII);
            // enough uploads to cross second boundaries, where the mtime has to be set explicitly
            long until = System.currentTimeMillis() + 2_100;
            int n = 0;
            while (System.currentTimeMillis() < until || n < 100) {
                FileStore.Placed p = s.createNew(s.newFileDir(0), 0, FileSource.ip("10.0.0.5"), content,
                        content.length, 0, false, "txt");
                Path file = s.dataFile(p.id());
                assertThat(mtime(file)).as("mtime of upload %d", n).isEqualTo(p.timestamp())
                        .isEqualTo(p.id().createTimestamp());
                assertThat(Files.readAllBytes(file)).isEqualTo(content);
                n++;
            }
        } finally {
            s.close();
        }
    }

    @Test
    void aReplicaTakesItsSourcesTimestampAndNeverReplacesAFile() throws Exception {
        FileStore s = open();
        try {
            Path target = s.paths().dir(0, 1, 1).resolve("replica.bin");
            byte[] content = {1, 2, 3, 4};
            assertThat(s.writeNew(target, content, 3, 1_600_000_000L)).isTrue();
            assertThat(mtime(target)).isEqualTo(1_600_000_000L);
            assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);

            assertThat(s.writeNew(target, new byte[] {9}, 1, 1_700_000_000L)).isFalse();
            assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
            assertThat(mtime(target)).isEqualTo(1_600_000_000L);
        } finally {
            s.close();
        }
    }

    @Test
    void theKernelsStampIsTrustedOnlyWellInsideTheSecond() {
        long sec = 1_700_000_000L;
        long start = sec * 1000;
        assertThat(FileStore.stampedIn(sec, start + 500, start + 501)).isTrue();
        assertThat(FileStore.stampedIn(sec, start + FileStore.KERNEL_CLOCK_LAG_MS, start + 999)).isTrue();
        assertThat(FileStore.stampedIn(sec, start + 5, start + 6)).as("a coarse clock may still show the second before")
                .isFalse();
        assertThat(FileStore.stampedIn(sec, start + 990, start + 1000)).as("written into the next second").isFalse();
        assertThat(FileStore.stampedIn(sec - 1, start + 500, start + 501)).as("an older timestamp").isFalse();
        assertThat(FileStore.stampedIn(sec, start + 500, start + 400)).as("the clock went back").isFalse();
    }
}
