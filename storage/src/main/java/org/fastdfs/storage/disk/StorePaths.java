package org.fastdfs.storage.disk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.fastdfs.proto.ProtocolException;

/**
 * The store paths of one storage (M00, M01, ...) and their {@code data/HH/LL} directory trees.
 * Directory names are upper-case two-digit hex, {@code subdirCount} per level.
 */
public final class StorePaths {

    private final List<Path> roots;
    private final int subdirCount;

    public StorePaths(List<Path> roots, int subdirCount) {
        if (roots.isEmpty() || roots.size() > 256) {
            throw new IllegalArgumentException("a storage needs 1..256 store paths, not " + roots.size());
        }
        if (subdirCount < 1 || subdirCount > 256) {
            throw new IllegalArgumentException("subdir_count_per_path must be 1..256, not " + subdirCount);
        }
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.subdirCount = subdirCount;
    }

    public int count() {
        return roots.size();
    }

    public int subdirCount() {
        return subdirCount;
    }

    public List<Path> roots() {
        return roots;
    }

    /** The store path with this index; EINVAL if there is none. */
    public Path root(int index) {
        if (index < 0 || index >= roots.size()) {
            throw ProtocolException.invalid("store path index " + index + " does not exist (this storage has "
                    + roots.size() + ")");
        }
        return roots.get(index);
    }

    /** {@code <store path>/data}. */
    public Path dataDir(int index) {
        return root(index).resolve("data");
    }

    /** The directory of a file: {@code <store path>/data/HH/LL}. */
    public Path dir(int index, int high, int low) {
        if (high < 0 || high >= subdirCount || low < 0 || low >= subdirCount) {
            throw ProtocolException.invalid(String.format(Locale.ROOT,
                    "sub-directory %02X/%02X is outside the %d per level of this storage", high, low, subdirCount));
        }
        return dataDir(index).resolve(hex(high)).resolve(hex(low));
    }

    public static String hex(int v) {
        return String.format(Locale.ROOT, "%02X", v);
    }

    /** Creates every store path's data directory and sub-directories that are missing. Blocking. */
    public void initialize() {
        for (int i = 0; i < roots.size(); i++) {
            Path data = dataDir(i);
            Path last = data.resolve(hex(subdirCount - 1)).resolve(hex(subdirCount - 1));
            if (Files.isDirectory(last)) {
                continue;
            }
            try {
                for (int h = 0; h < subdirCount; h++) {
                    Path high = data.resolve(hex(h));
                    for (int l = 0; l < subdirCount; l++) {
                        Files.createDirectories(high.resolve(hex(l)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the directories of store path " + roots.get(i), e);
            }
        }
    }

    /** True when every store path's data directory can be written. */
    public boolean writable() {
        for (int i = 0; i < roots.size(); i++) {
            if (!Files.isWritable(dataDir(i))) {
                return false;
            }
        }
        return true;
    }
}
