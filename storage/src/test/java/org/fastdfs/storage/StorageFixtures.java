package org.fastdfs.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /** The files in store path 0's temp directory. */
    public static List<Path> tempFiles(FileStore store) throws IOException {
        try (Stream<Path> s = Files.list(store.paths().dataDir(0).resolve(".tmp"))) {
            return s.toList();
        }
    }

    /** Every data file under store path 0 (temp files excluded). */
    public static long dataFileCount(FileStore store) throws IOException {
        Path data = store.paths().dataDir(0);
        try (Stream<Path> s = Files.walk(data)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.startsWith(data.resolve(".tmp"))).count();
        }
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
