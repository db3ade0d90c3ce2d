package org.fastdfs.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.fastdfs.storage.store.FileStore;

/** Helpers for the storage tests. */
public final class StorageFixtures {

    private StorageFixtures() {
    }

    /** {@code n} pseudo-random bytes. */
    public static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** The binlog text written so far. */
    public static String binlog(FileStore store) throws IOException {
        return Files.readString(store.basePath().resolve("data/sync/binlog.000"), StandardCharsets.ISO_8859_1);
    }

    /**
     * The temp files (content being received, {@code .in-*.tmp}) anywhere under store path 0. A temp
     * file the storage removes while the walk passes it is walked over again, not reported as an error.
     */
    public static List<Path> tempFiles(FileStore store) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> s = Files.walk(store.paths().dataDir(0))) {
                return s.filter(StorageFixtures::isTemp).toList();
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof NoSuchFileException) || attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    /** Every data file under store path 0 (temp files excluded). */
    public static long dataFileCount(FileStore store) throws IOException {
        Path data = store.paths().dataDir(0);
        try (Stream<Path> s = Files.walk(data)) {
            return s.filter(Files::isRegularFile).filter(p -> !isTemp(p)).count();
        }
    }

    private static boolean isTemp(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".in-") && name.endsWith(".tmp");
    }

    /** Waits up to 10 s for {@code condition}. */
    public static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
