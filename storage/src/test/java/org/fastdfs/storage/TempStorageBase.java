package org.fastdfs.storage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives the storage under test a fresh base path (and so a first start) in a temp directory, removed
 * afterwards. Registered with {@code @QuarkusTestResource}; it applies to every {@code @QuarkusTest} of
 * the module.
 */
public class TempStorageBase implements QuarkusTestResourceLifecycleManager {

    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("fdfs-storage-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("fdfs.storage.base-path", dir.toString());
    }

    @Override
    public void stop() {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp directory: the OS cleans it eventually
        }
    }
}
