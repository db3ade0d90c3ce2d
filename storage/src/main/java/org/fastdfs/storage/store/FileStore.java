package org.fastdfs.storage.store;

import org.fastdfs.rules.ReservedSpace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.fastdfs.fileid.ExtPart;
import org.fastdfs.fileid.FileId;
import org.fastdfs.fileid.FileIdBlock;
import org.fastdfs.fileid.FileSource;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.storage.StorageConfig;
import org.fastdfs.storage.binlog.BinlogRecord;
import org.fastdfs.storage.binlog.BinlogWriter;
import org.fastdfs.storage.disk.StorePaths;
import org.jboss.logging.Logger;

/**
 * The storage's files: it owns the store paths, the binlog, the directory cursor, the counters and the
 * worker pools that do every blocking file operation (the event loop never touches the disk).
 *
 * <p>Layout (PROTOCOL.md §6.9, §9.4): {@code <base>/data} ({@code .data_init_flag},
 * {@code storage_stat.dat}, {@code sync/binlog.NNN}), {@code <base>/logs}, and per store path
 * {@code data/HH/LL/<name>} with {@code -m} sidecars, plus {@code data/.tmp} for content being received
 * (same file system as the data, so a finished file is linked into place atomically; emptied at start).
 *
 * <p>New files become visible only when complete: they are written to a temp file and hard-linked under
 * their final name (never replacing an existing file; a clash draws a new name), and the binlog record is
 * written before the client gets its answer.
 */
@ApplicationScoped
public class FileStore {

    private static final Logger LOG = Logger.getLogger(FileStore.class);
    /** Attempts at a unique name before EBUSY, as storage_get_filename_ex. */
    static final int NAME_ATTEMPTS = 10;
    static final String TEMP_DIR = ".tmp";

    private final StorageConfig config;
    private final StorageIdentity identity;
    private final Clock clock;
    private final StorageStats stats = new StorageStats();
    private final FileLocks locks = new FileLocks(256);
    private final AtomicLong buffered = new AtomicLong();
    private final AtomicLong bufferedPeak = new AtomicLong();
    private StorePaths paths;
    private java.nio.file.FileStore[] fileSystems;
    private StorePathSelector selector;
    private SubdirCursor cursor;
    private DataInitFlag initFlag;
    private BinlogWriter binlog;
    private ExecutorService writer;
    private ExecutorService reader;
    private ScheduledExecutorService timer;
    private Path base;
    private volatile boolean open;

    @Inject
    public FileStore(StorageConfig config, StorageIdentity identity) {
        this(config, identity, Clock.systemUTC());
    }

    FileStore(StorageConfig config, StorageIdentity identity, Clock clock) {
        this.config = config;
        this.identity = identity;
        this.clock = clock;
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    /**
     * Opens (on the first start: creates) the base path and the store paths, loads the counters and the
     * cursor, opens the binlog and starts the workers. Blocking; call once before serving.
     */
    public synchronized void open(int port) {
        if (open) {
            return;
        }
        try {
            base = Path.of(config.basePath()).toAbsolutePath().normalize();
            Path data = base.resolve("data");
            Files.createDirectories(data);
            Files.createDirectories(base.resolve("logs"));
            List<Path> roots = config.storePaths().filter(l -> !l.isEmpty())
                    .map(l -> l.stream().map(s -> Path.of(s.strip())).toList()).orElse(List.of(base));
            paths = new StorePaths(roots, config.subdirCountPerPath());
            paths.initialize();
            fileSystems = new java.nio.file.FileStore[paths.count()];
            for (int i = 0; i < paths.count(); i++) {
                fileSystems[i] = Files.getFileStore(paths.root(i));
                cleanTemp(i);
            }
            initFlag = DataInitFlag.loadOrCreate(data, port, now());
            cursor = new SubdirCursor(config.fileDistributePathMode(), config.fileDistributeRotateCount(),
                    paths.subdirCount());
            Path statFile = data.resolve(StatFile.NAME);
            if (!StatFile.load(statFile, stats, cursor)) {
                StatFile.save(statFile, stats, cursor);
            }
            selector = new StorePathSelector(paths.count(),
                    new HashSet<>(config.storePathReadonly().orElse(List.of())), this::usage,
                    ReservedSpace.parse(config.reservedStorageSpace()));
            binlog = new BinlogWriter(data.resolve("sync"), BinlogWriter.DEFAULT_MAX_FILE_SIZE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the storage under " + config.basePath(), e);
        }
        writer = pool("fdfs-disk-writer", config.diskWriterThreads());
        reader = pool("fdfs-disk-reader", config.diskReaderThreads());
        timer = Executors.newSingleThreadScheduledExecutor(daemon("fdfs-storage-flush"));
        timer.scheduleWithFixedDelay(this::syncBinlog, config.syncBinlogBuffInterval(),
                config.syncBinlogBuffInterval(), TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::saveStatFileQuietly, config.syncStatFileInterval(),
                config.syncStatFileInterval(), TimeUnit.SECONDS);
        open = true;
        LOG.infof("storage %s: base %s, %d store path(s) %s, %dx%d sub-directories%s", group(), base,
                paths.count(), paths.roots(), paths.subdirCount(), paths.subdirCount(),
                initFlag.createdNow() ? " (first start)" : "");
    }

    /** Stops the workers (letting queued work finish), then writes the counters and closes the binlog. */
    public synchronized void close() {
        if (!open) {
            return;
        }
        open = false;
        timer.shutdownNow();
        writer.shutdown();
        reader.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
            reader.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        saveStatFileQuietly();
        binlog.close();
    }

    public boolean isOpen() {
        return open;
    }

    private static ExecutorService pool(String name, int threads) {
        int n = Math.max(1, threads);
        return new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon(name));
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger seq = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + seq.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private void cleanTemp(int index) throws IOException {
        Path dir = tempDir(index);
        Files.createDirectories(dir);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    // ---- accessors ---------------------------------------------------------------------------

    public String group() {
        return config.groupName();
    }

    public StorePaths paths() {
        return paths;
    }

    public StorageStats stats() {
        return stats;
    }

    public StorageIdentity identity() {
        return identity;
    }

    /** Store path choice, reserve and mode (the tracker reporter updates the last two). */
    public StorePathSelector selector() {
        return selector;
    }

    public SubdirCursor cursor() {
        return cursor;
    }

    public DataInitFlag initFlag() {
        return initFlag;
    }

    public BinlogWriter binlog() {
        return binlog;
    }

    public Path basePath() {
        return base;
    }

    /** Workers for blocking writes. */
    public ExecutorService writer() {
        return writer;
    }

    /** Workers for blocking reads. */
    public ExecutorService reader() {
        return reader;
    }

    public long fsyncAfterWrittenBytes() {
        return config.fsyncAfterWrittenBytes();
    }

    /**
     * Records that received content of {@code delta} bytes (negative once written) waits in memory for
     * the disk; the sum over all connections and its peak are exported as gauges.
     */
    public void buffered(long delta) {
        long now = buffered.addAndGet(delta);
        bufferedPeak.accumulateAndGet(now, Math::max);
    }

    /** Bytes of received content waiting in memory for the disk, over all connections. */
    public long bufferedBytes() {
        return buffered.get();
    }

    /** The highest {@link #bufferedBytes()} seen since the last {@link #resetBufferedPeak()}. */
    public long bufferedPeak() {
        return bufferedPeak.get();
    }

    public void resetBufferedPeak() {
        bufferedPeak.set(buffered.get());
    }

    /** Now, in unix seconds. */
    public long now() {
        return clock.instant().getEpochSecond();
    }

    // ---- names and paths (no disk access) ----------------------------------------------------

    /**
     * Parses a remote file name sent with {@code group}: EINVAL unless the group is this storage's, the
     * name is well formed (no "..", no '/', hex directories) and its store path exists.
     */
    public FileId fileId(String group, String remoteFilename) {
        if (!group().equals(group)) {
            throw ProtocolException.invalid("group \"" + group + "\" is not this storage's group \"" + group() + "\"");
        }
        return localFileId(remoteFilename);
    }

    /** Parses a remote file name of this storage's group (commands without a group field). */
    public FileId localFileId(String remoteFilename) {
        FileId id = FileId.parseRemote(group(), remoteFilename);
        if (id.storePathIndex() >= paths.count()) {
            throw ProtocolException.invalid("store path M" + StorePaths.hex(id.storePathIndex())
                    + " of \"" + remoteFilename + "\" does not exist (this storage has " + paths.count() + ")");
        }
        return id;
    }

    /** The data file of {@code id}: {@code <store path>/data/HH/LL/name}, checked to stay under that path. */
    public Path dataFile(FileId id) {
        return inside(id.storePathIndex(), id.relativePath());
    }

    /** The metadata sidecar of {@code id}: the data file + "-m". */
    public Path metaFile(FileId id) {
        return inside(id.storePathIndex(), id.metaRelativePath());
    }

    private Path inside(int index, String relative) {
        Path dataDir = paths.dataDir(index);
        Path p = paths.root(index).resolve(relative).normalize();
        if (!p.startsWith(dataDir) || p.equals(dataDir)) {
            throw ProtocolException.invalid("\"" + relative + "\" resolves outside store path " + index);
        }
        return p;
    }

    /** The store path (index) whose data directory holds {@code file}, or -1. */
    public int storePathOf(Path file) {
        Path p = file.toAbsolutePath().normalize();
        for (int i = 0; i < paths.count(); i++) {
            if (p.startsWith(paths.dataDir(i)) && !p.startsWith(tempDir(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The remote name ("Mxx/HH/LL/name") of a file under a store path's data directory, or null. */
    public String remoteNameOf(Path file) {
        int index = storePathOf(file);
        if (index < 0) {
            return null;
        }
        String rel = paths.dataDir(index).relativize(file.toAbsolutePath().normalize()).toString();
        return "M" + StorePaths.hex(index) + "/" + rel.replace(java.io.File.separatorChar, '/');
    }

    Path tempDir(int index) {
        return paths.dataDir(index).resolve(TEMP_DIR);
    }

    // ---- blocking file work (workers only) ---------------------------------------------------

    /** Total and free MB of store path {@code index} (statvfs). */
    public StorePathSelector.Usage usage(int index) {
        try {
            java.nio.file.FileStore fs = fileSystems[index];
            return new StorePathSelector.Usage(fs.getTotalSpace() >> 20, fs.getUsableSpace() >> 20);
        } catch (IOException e) {
            LOG.warnf("cannot read the disk usage of store path %d: %s", index, e.toString());
            return new StorePathSelector.Usage(0, 0);
        }
    }

    /** Usage of every store path. */
    public List<StorePathSelector.Usage> usage() {
        List<StorePathSelector.Usage> all = new ArrayList<>(paths.count());
        for (int i = 0; i < paths.count(); i++) {
            all.add(usage(i));
        }
        return all;
    }

    /** A new empty temp file in store path {@code index}, for content being received. */
    public Path newTempFile(int index) throws IOException {
        return Files.createTempFile(tempDir(index), "in-", ".tmp");
    }

    /**
     * A new temp file in store path {@code index}, opened for writing: one open(O_CREAT|O_EXCL) instead of
     * creating the file and opening it again. {@code name} receives its path.
     */
    public FileChannel newTempChannel(int index, Path[] name) throws IOException {
        Path dir = tempDir(index);
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve("in-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                name[0] = p;
                return ch;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    /**
     * Gives the complete content in {@code temp} a new name (PROTOCOL.md §6) in store path {@code index}
     * and links it into place: source = {@code source}, timestamp = the file's mtime, size word for a
     * normal or an appender file, CRC32, random bits, the extension part of {@code ext}, the directory
     * from the cursor. Retries with fresh random bits on a clash; EBUSY after {@value #NAME_ATTEMPTS}.
     * {@code temp} is gone afterwards.
     *
     * @return the new file's id and timestamp
     */
    public Placed placeNew(Path temp, int index, FileSource source, long size, int crc32, boolean appender,
                           String ext) throws IOException {
        long timestamp = Files.getLastModifiedTime(temp).toInstant().getEpochSecond();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int[] dir = cursor.roundRobin() ? cursor.next() : null;
        for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
            int r = FileIdBlock.random23(random);
            FileIdBlock block = appender ? FileIdBlock.appender(source, timestamp, crc32, r)
                    : FileIdBlock.normal(source, timestamp, size, crc32, r);
            int[] d = dir != null ? dir : cursor.forName(block.encode());
            FileId id = FileId.of(group(), index, d[0], d[1], block, ExtPart.format(ext, random));
            if (link(temp, dataFile(id))) {
                return new Placed(id, timestamp);
            }
        }
        throw new ProtocolException(Status.EBUSY, "could not generate a unique file name in " + NAME_ATTEMPTS
                + " attempts");
    }

    /** A placed file and the timestamp in its name. */
    public record Placed(FileId id, long timestamp) {
    }

    /** Links {@code temp} under {@code target}'s name; EEXIST if that name exists. {@code temp} is gone afterwards. */
    public long placeAt(Path temp, FileId target) throws IOException {
        long timestamp = Files.getLastModifiedTime(temp).toInstant().getEpochSecond();
        if (!link(temp, dataFile(target))) {
            throw new ProtocolException(Status.EEXIST, "\"" + target.remoteFilename() + "\" already exists");
        }
        return timestamp;
    }

    /**
     * Moves {@code from} to {@code to} without ever replacing an existing file.
     *
     * @return false if {@code to} exists ({@code from} is untouched)
     */
    public static boolean link(Path from, Path to) throws IOException {
        // a rename that refuses an existing target: one directory operation where link + unlink took
        // two. (The JDK checks the target, then renames; our names carry 23 random bits, a CRC and the
        // size, so no other writer can race us to the same name in between.)
        try {
            Files.move(from, to);
            return true;
        } catch (FileAlreadyExistsException clash) {
            return false;
        }
    }

    /** Appends a binlog record; it is in the binlog file when this returns. */
    public void log(BinlogRecord record) {
        binlog.append(record);
    }

    /** Runs {@code work} holding the lock of one remote file name. */
    public <T> T locked(String remoteFilename, FileLocks.Work<T> work) throws IOException {
        return locks.with(remoteFilename, work);
    }

    /** Writes storage_stat.dat now. */
    public void saveStatFile() throws IOException {
        StatFile.save(base.resolve("data").resolve(StatFile.NAME), stats, cursor);
    }

    private void saveStatFileQuietly() {
        try {
            saveStatFile();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("cannot write %s: %s", StatFile.NAME, e.toString());
        }
    }

    private void syncBinlog() {
        try {
            binlog.sync();
        } catch (RuntimeException e) {
            LOG.warnf("cannot sync the binlog: %s", e.toString());
        }
    }
}
