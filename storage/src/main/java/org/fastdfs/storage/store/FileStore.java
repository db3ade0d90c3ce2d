package org.fastdfs.storage.store;

import org.fastdfs.rules.ReservedSpace;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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
import java.util.concurrent.CompletableFuture;
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
import java.util.concurrent.atomic.AtomicReferenceArray;
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
 * {@code data/HH/LL/<name>} with {@code -m} sidecars.
 *
 * <p>New files become visible only when complete: they are written to a hidden temp file
 * ({@code .in-<run>-<random>.tmp}) in the directory of their final name, then renamed into place (never
 * replacing an existing file; a clash draws a new name), and the binlog record is written before the
 * client gets its answer. The temp file sits next to its target, as in C FastDFS, so that the file
 * system allocates the new inode near its directory: ext4 without a journal (and others) otherwise
 * crowd every new inode into the block group of one temp directory, where each creation then scans past
 * the inodes of recently deleted files. Temp files a crash left behind are removed by a background
 * sweep after the start ({@link #tempSweep()}), which knows them by the run mark in their names.
 */
@Singleton
public class FileStore {

    private static final Logger LOG = Logger.getLogger(FileStore.class);
    /** Attempts at a unique name before EBUSY, as storage_get_filename_ex. */
    static final int NAME_ATTEMPTS = 10;
    /** Name prefix and suffix of content being received; no file id starts with a dot. */
    static final String TEMP_PREFIX = ".in-";
    static final String TEMP_SUFFIX = ".tmp";
    /**
     * Names this process's temp files ({@code .in-RUN-random.tmp}): the sweep after the start removes
     * every other one, however young (a member killed and restarted within a second leaves temps
     * younger than its start).
     */
    private final String tempRun = Long.toUnsignedString(ThreadLocalRandom.current().nextLong() | 1L, 36);
    /** How old the disk usage an upload is admitted against may be. */
    static final long USAGE_MAX_AGE_MS = 1_000;
    /** Largest lag of the kernel's coarse file-time clock behind the wall clock (a tick at HZ=100 is 10 ms). */
    static final long KERNEL_CLOCK_LAG_MS = 20;

    private final StorageConfig config;
    private final StorageIdentity identity;
    private final Clock clock;
    private final StorageStats stats = new StorageStats();
    private final FileLocks locks = new FileLocks(256);
    private final AtomicLong buffered = new AtomicLong();
    private final AtomicLong bufferedPeak = new AtomicLong();
    private StorePaths paths;
    private java.nio.file.FileStore[] fileSystems;
    /** Per store path: the last usage read and when, for {@link #recentUsage}. */
    private AtomicReferenceArray<TimedUsage> lastUsage;
    private StorePathSelector selector;
    private SubdirCursor cursor;
    private DataInitFlag initFlag;
    private BinlogWriter binlog;
    private ExecutorService writer;
    private ExecutorService reader;
    private ScheduledExecutorService timer;
    private CompletableFuture<Void> tempSweep = CompletableFuture.completedFuture(null);
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
            }
            lastUsage = new AtomicReferenceArray<>(paths.count());
            initFlag = DataInitFlag.loadOrCreate(data, port, now());
            cursor = new SubdirCursor(config.fileDistributePathMode(), config.fileDistributeRotateCount(),
                    paths.subdirCount());
            Path statFile = data.resolve(StatFile.NAME);
            if (!StatFile.load(statFile, stats, cursor)) {
                StatFile.save(statFile, stats, cursor);
            }
            selector = new StorePathSelector(paths.count(),
                    new HashSet<>(config.storePathReadonly().orElse(List.of())), this::recentUsage,
                    ReservedSpace.parse(config.reservedStorageSpace()));
            binlog = new BinlogWriter(data.resolve("sync"), BinlogWriter.DEFAULT_MAX_FILE_SIZE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the storage under " + config.basePath(), e);
        }
        writer = pool("fdfs-disk-writer", config.diskWriterThreads() * paths.count());
        reader = pool("fdfs-disk-reader", config.diskReaderThreads() * paths.count());
        timer = Executors.newSingleThreadScheduledExecutor(daemon("fdfs-storage-flush"));
        timer.scheduleWithFixedDelay(this::syncBinlog, config.syncBinlogBuffInterval(),
                config.syncBinlogBuffInterval(), TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::saveStatFileQuietly, config.syncStatFileInterval(),
                config.syncStatFileInterval(), TimeUnit.SECONDS);
        open = true;
        // a thread of its own: on a large store the sweep takes a while, and must not delay the timer's work
        tempSweep = CompletableFuture.runAsync(this::sweepTemps,
                r -> daemon("fdfs-temp-sweep").newThread(r).start());
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

    /**
     * Deletes the temp files of earlier runs (left by a crash mid-upload) in every sub-directory of every
     * store path. Runs once after the start, on a thread of its own, while the storage serves: it only
     * touches files no request of this process can own (their names carry another run's mark).
     */
    private void sweepTemps() {
        String mine = TEMP_PREFIX + tempRun + "-";
        int removed = 0;
        for (int i = 0; i < paths.count() && open; i++) {
            for (int high = 0; high < paths.subdirCount() && open; high++) {
                for (int low = 0; low < paths.subdirCount() && open; low++) {
                    removed += sweepTemps(paths.dir(i, high, low), mine);
                }
            }
        }
        if (removed > 0) {
            LOG.infof("removed %d temp file(s) of uploads a previous run did not finish", removed);
        }
    }

    private static int sweepTemps(Path dir, String mine) {
        int removed = 0;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path f : temps) {
                if (!f.getFileName().toString().startsWith(mine) && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.debugf("cannot sweep %s: %s", dir, e.toString());
        }
        return removed;
    }

    /** The sweep of stale temp files started by {@link #open}; done when it has looked everywhere. */
    public CompletableFuture<Void> tempSweep() {
        return tempSweep;
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
        if (id.fileName().startsWith(".")) {
            throw ProtocolException.invalid("\"" + remoteFilename + "\" is not a file name this storage gives out");
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
            if (p.startsWith(paths.dataDir(i)) && !p.getFileName().toString().startsWith(TEMP_PREFIX)) {
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

    // ---- blocking file work (workers only) ---------------------------------------------------

    /** Total and free MB of store path {@code index} (statvfs). */
    public StorePathSelector.Usage usage(int index) {
        StorePathSelector.Usage u;
        try {
            java.nio.file.FileStore fs = fileSystems[index];
            u = new StorePathSelector.Usage(fs.getTotalSpace() >> 20, fs.getUsableSpace() >> 20);
        } catch (IOException e) {
            LOG.warnf("cannot read the disk usage of store path %d: %s", index, e.toString());
            u = new StorePathSelector.Usage(0, 0);
        }
        lastUsage.set(index, new TimedUsage(u, System.currentTimeMillis()));
        return u;
    }

    /**
     * The usage of store path {@code index} as read at most {@value #USAGE_MAX_AGE_MS} ms ago: what
     * uploads are admitted against. Reading it for every upload cost two statvfs calls each; C FastDFS
     * checks against the figures of its last periodic disk report, which are older still.
     */
    StorePathSelector.Usage recentUsage(int index) {
        TimedUsage t = lastUsage.get(index);
        long now = System.currentTimeMillis();
        if (t == null || now - t.readAtMs() >= USAGE_MAX_AGE_MS || now < t.readAtMs()) {
            return usage(index);
        }
        return t.usage();
    }

    private record TimedUsage(StorePathSelector.Usage usage, long readAtMs) {
    }

    /** Usage of every store path. */
    public List<StorePathSelector.Usage> usage() {
        List<StorePathSelector.Usage> all = new ArrayList<>(paths.count());
        for (int i = 0; i < paths.count(); i++) {
            all.add(usage(i));
        }
        return all;
    }

    /**
     * The directory of the next new file of store path {@code index} (PROTOCOL.md §6.5), chosen when its
     * upload starts so that the content can be received next to its final name: the cursor's in round
     * robin mode; in random mode, as in C FastDFS, the hash of a name drawn for the temp file.
     */
    public Path newFileDir(int index) {
        int[] d = cursor.roundRobin() ? cursor.next()
                : cursor.forName(Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
        return paths.dir(index, d[0], d[1]);
    }

    /** A new empty temp file in {@code dir} (the directory of the file it will become). */
    public Path newTempFile(Path dir) throws IOException {
        Path[] name = new Path[1];
        newTempChannel(dir, name).close();
        return name[0];
    }

    /**
     * A new temp file in {@code dir} (the directory of the file it will become), opened for writing: one
     * open(O_CREAT|O_EXCL). {@code name} receives its path.
     */
    public FileChannel newTempChannel(Path dir, Path[] name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve(TEMP_PREFIX + tempRun + "-"
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + TEMP_SUFFIX);
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
     * and renames it into place: source = {@code source}, timestamp = the file's mtime, size word for a
     * normal or an appender file, CRC32, random bits, the extension part of {@code ext}, in the directory
     * of {@code temp} (from {@link #newFileDir}). Retries with fresh random bits on a clash; EBUSY after
     * {@value #NAME_ATTEMPTS}. {@code temp} is gone afterwards.
     *
     * @return the new file's id and timestamp
     */
    public Placed placeNew(Path temp, int index, FileSource source, long size, int crc32, boolean appender,
                           String ext) throws IOException {
        long timestamp = Files.getLastModifiedTime(temp).toInstant().getEpochSecond();
        return name(temp.getParent(), index, source, timestamp, size, crc32, appender, ext,
                target -> link(temp, target));
    }

    /**
     * Writes a whole new file of {@code length} bytes from {@code content} straight under a new name in
     * {@code dir} (from {@link #newFileDir}) of store path {@code index}: the name (as
     * {@link #placeNew}, timestamp = now) is created with O_CREAT|O_EXCL, so it never replaces a file, and
     * nobody can know it before the caller gives it out: no temp file, no rename, no stat; its mtime is set
     * to the timestamp. A failed write removes the file again.
     *
     * @return the new file's id and timestamp
     */
    public Placed createNew(Path dir, int index, FileSource source, byte[] content, int length, int crc32,
                            boolean appender, String ext) throws IOException {
        long timestamp = now();
        return name(dir, index, source, timestamp, length, crc32, appender, ext,
                target -> writeNew(target, content, length, timestamp));
    }

    /** Takes a name for a new file: false when a file of that name exists already (nothing changed). */
    @FunctionalInterface
    private interface Claim {
        boolean take(Path target) throws IOException;
    }

    /**
     * Draws names for a new file in {@code dir} (§6: source, timestamp, size word, CRC32, random bits,
     * extension part) until {@code claim} takes one; EBUSY after {@value #NAME_ATTEMPTS} clashes.
     */
    private Placed name(Path dir, int index, FileSource source, long timestamp, long size, int crc32,
                        boolean appender, String ext, Claim claim) throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int high = Integer.parseInt(dir.getParent().getFileName().toString(), 16);
        int low = Integer.parseInt(dir.getFileName().toString(), 16);
        for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
            int r = FileIdBlock.random23(random);
            FileIdBlock block = appender ? FileIdBlock.appender(source, timestamp, crc32, r)
                    : FileIdBlock.normal(source, timestamp, size, crc32, r);
            FileId id = FileId.of(group(), index, high, low, block, ExtPart.format(ext, random));
            if (claim.take(dataFile(id))) {
                return new Placed(id, timestamp);
            }
        }
        throw new ProtocolException(Status.EBUSY, "could not generate a unique file name in " + NAME_ATTEMPTS
                + " attempts");
    }

    /**
     * Creates {@code target} (O_CREAT|O_EXCL) with {@code length} bytes of {@code content} and the mtime
     * {@code timestamp} in seconds (for a new upload the one in its name, as when the name comes from the
     * mtime; for a replica the source's); false if it exists. Blocking.
     */
    public boolean writeNew(Path target, byte[] content, int length, long timestamp) throws IOException {
        long before = System.currentTimeMillis();
        FileChannel channel;
        try {
            channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException clash) {
            return false;
        }
        try (channel) {
            ByteBuffer b = ByteBuffer.wrap(content, 0, length);
            while (b.hasRemaining()) {
                channel.write(b);
            }
            if (config.fsyncAfterWrittenBytes() > 0) {
                channel.force(false);
            }
            if (!stampedIn(timestamp, before, System.currentTimeMillis())) {
                setMtime(target, timestamp);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        return true;
    }

    /**
     * True when a file created and written between the wall-clock times {@code beforeMillis} and
     * {@code afterMillis} has an mtime in second {@code seconds} already, so setting it would change
     * nothing: both times lie in that second, the first at least {@value #KERNEL_CLOCK_LAG_MS} ms
     * into it (the kernel stamps files with a coarse clock that may lag the one Java reads by a tick).
     * The usual case for an upload, and for a replica that follows its source within the second.
     */
    static boolean stampedIn(long seconds, long beforeMillis, long afterMillis) {
        long start = seconds * 1000;
        return beforeMillis - start >= KERNEL_CLOCK_LAG_MS && afterMillis < start + 1000 && afterMillis >= beforeMillis;
    }

    /**
     * Sets the mtime of {@code file} to {@code seconds}: by path (stat and utimes), two system calls
     * where {@code Files.setLastModifiedTime} takes four (open, stat, futimens, close).
     */
    public static void setMtime(Path file, long seconds) throws IOException {
        if (!file.toFile().setLastModified(seconds * 1000)) {
            throw new IOException("cannot set the mtime of " + file);
        }
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
