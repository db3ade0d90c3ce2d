package org.fastdfs.storage.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import org.fastdfs.storage.StorageFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real system calls (JDK 22+ on Linux, where the build puts {@code NoWaitFileCalls} on the test class
 * path): a file in memory is read, a file whose bytes are only on disk is not (preadv2 RWF_NOWAIT says
 * EAGAIN), and what is not a regular file is left to the readers. Works in {@code target/}, on the file
 * system the build runs on.
 */
class CachedReadsSystemTest {

    CachedReads reads;
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Runtime.version().feature() >= 22, "foreign calls need a JDK 22 or later");
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"), "Linux only");
        reads = CachedReads.system();
        assertThat(reads.enabled()).as("JDK 22+ on Linux: the build's NoWaitFileCalls is found and works").isTrue();
        dir = Files.createDirectories(Path.of("target", "cached-reads-test")).toAbsolutePath();
    }

    @Test
    void aFileInMemoryIsReadWholeAndInRanges() throws IOException {
        byte[] content = StorageFixtures.bytes(5000, 9);
        Path file = Files.write(dir.resolve("in-memory.bin"), content);
        assertThat(CachedReadsTest.body(reads.frame(file, 0, 0, 65536))).isEqualTo(content);
        assertThat(CachedReadsTest.body(reads.frame(file, 4000, 500, 65536)))
                .isEqualTo(Arrays.copyOfRange(content, 4000, 4500));
        assertThat(reads.frame(file, 0, 0, 4999)).as("over the limit").isNull();
        assertThat(reads.readOnLoop()).isEqualTo(2);
    }

    @Test
    void missingFilesAndDirectoriesGoToTheReaders() throws IOException {
        Files.createDirectories(dir.resolve("a-directory"));
        assertThat(reads.frame(dir.resolve("a-directory"), 0, 0, 65536)).isNull();
        assertThat(reads.frame(dir.resolve("no-such-file"), 0, 0, 65536)).isNull();
        assertThat(reads.frame(dir.resolve("no-such-dir/file"), 0, 0, 65536)).isNull();
        assertThat(reads.enabled()).isTrue();
        assertThat(reads.leftToReaders()).isEqualTo(3);
    }

    @Test
    void bytesOnlyOnDiskAreNotReadUntilTheyAreInMemory() throws IOException {
        Path file = dir.resolve("on-disk.bin");
        Files.deleteIfExists(file);
        byte[] content = StorageFixtures.bytes(8192, 11);
        // O_DIRECT writes past the page cache: the new file's bytes are on disk only
        ByteBuffer aligned = ByteBuffer.allocateDirect(2 * 8192).alignedSlice(4096);
        aligned.put(content).flip();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                ExtendedOpenOption.DIRECT)) {
            while (aligned.hasRemaining()) {
                ch.write(aligned);
            }
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "this file system has no O_DIRECT: " + e);
        }
        assertThat(reads.frame(file, 0, 0, 65536)).as("EAGAIN: nothing of it in the page cache").isNull();
        assertThat(reads.enabled()).as("a miss is no refusal").isTrue();
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(CachedReadsTest.body(reads.frame(file, 0, 0, 65536))).as("read once, now in memory")
                .isEqualTo(content);
    }
}
