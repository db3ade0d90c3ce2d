package org.fastdfs.storage.binlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Properties;

/**
 * Appends binlog records to {@code <base_path>/data/sync/binlog.NNN} (PROTOCOL.md §5.3–5.4).
 *
 * <p>Every record is written to the file (the OS page cache) before {@link #append} returns, so an
 * upload acknowledged after its record is never lost by a process crash; {@link #sync()} forces it to
 * the device and runs on a timer. At start-up a torn last line (a crash in mid-write) is cut off. When
 * the current file reaches {@code maxFileSize} (1 GiB in FastDFS) the index in
 * {@code binlog_index.dat} ({@code current_write=N}, {@code current_compress=N}) moves to the next file.
 * Thread-safe: writers from any worker thread are serialised here.
 */
public final class BinlogWriter implements AutoCloseable {

    public static final long DEFAULT_MAX_FILE_SIZE = 1L << 30;
    static final String INDEX_FILE = "binlog_index.dat";

    private final Path dir;
    private final long maxFileSize;
    private int index;
    private FileChannel channel;
    private long size;
    private long records;

    public BinlogWriter(Path syncDir, long maxFileSize) {
        this.dir = syncDir;
        this.maxFileSize = maxFileSize;
        try {
            Files.createDirectories(dir);
            index = readIndex(dir);
            open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the binlog in " + dir, e);
        }
    }

    /** File name of binlog number {@code index}: binlog.000, binlog.001, ... */
    public static String fileName(int index) {
        return String.format(Locale.ROOT, "binlog.%03d", index);
    }

    /** The binlog index recorded in {@code binlog_index.dat} (0 when there is none yet). */
    public static int readIndex(Path syncDir) throws IOException {
        Path f = syncDir.resolve(INDEX_FILE);
        if (!Files.exists(f)) {
            Path legacy = syncDir.resolve("binlog.index");
            return Files.exists(legacy) ? Integer.parseInt(Files.readString(legacy).trim()) : 0;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(f, StandardCharsets.ISO_8859_1)) {
            p.load(in);
        }
        return Integer.parseInt(p.getProperty("current_write", "0").trim());
    }

    private void open() throws IOException {
        Path file = dir.resolve(fileName(index));
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        size = channel.size();
        cutTornTail(file);
        channel.position(size);
        writeIndex();
    }

    private void cutTornTail(Path file) throws IOException {
        if (size == 0) {
            return;
        }
        long scan = Math.max(0, size - 4096);
        ByteBuffer tail = ByteBuffer.allocate((int) (size - scan));
        channel.read(tail, scan);
        byte[] b = tail.array();
        int lastLf = b.length - 1;
        while (lastLf >= 0 && b[lastLf] != '\n') {
            lastLf--;
        }
        long keep = lastLf >= 0 ? scan + lastLf + 1 : scan;
        if (keep < size) {
            channel.truncate(keep);
            size = keep;
        }
    }

    private void writeIndex() throws IOException {
        Path tmp = dir.resolve(INDEX_FILE + ".tmp");
        Files.writeString(tmp, "current_write=" + index + "\ncurrent_compress=0\n", StandardCharsets.ISO_8859_1);
        Files.move(tmp, dir.resolve(INDEX_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes one record; it is in the file when this returns. */
    public synchronized void append(BinlogRecord record) {
        byte[] line = record.toBytes();
        try {
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) {
                channel.write(b);
            }
            size += line.length;
            records++;
            if (size >= maxFileSize) {
                rotate();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the binlog", e);
        }
        notifyAll();
    }

    private void rotate() throws IOException {
        channel.force(false);
        channel.close();
        index++;
        Files.deleteIfExists(dir.resolve(fileName(index)));
        open();
    }

    /** Forces written records to the device. */
    public synchronized void sync() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync the binlog", e);
        }
    }

    /** Current position: the binlog index and the byte offset after the last record. */
    public synchronized long[] position() {
        return new long[] {index, size};
    }

    /** Records written by this process. */
    public synchronized long records() {
        return records;
    }

    /** Waits up to {@code millis} for a record to be appended after {@code position}. */
    public synchronized void awaitAppend(long[] position, long millis) throws InterruptedException {
        if (position[0] == index && position[1] == size) {
            wait(millis);
        }
    }

    /** Number of records from {@code from} to the end of the binlog: the backlog of a reader there. */
    public long countFrom(BinlogPosition from) {
        long[] end = position();
        long count = 0;
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        for (int i = from.index(); i <= end[0]; i++) {
            Path file = dir.resolve(fileName(i));
            long pos = i == from.index() ? from.offset() : 0;
            long limit = i == end[0] ? end[1] : Long.MAX_VALUE;
            try (FileChannel fc = FileChannel.open(file, StandardOpenOption.READ)) {
                while (pos < limit) {
                    buf.clear();
                    int n = fc.read(buf, pos);
                    if (n <= 0) {
                        break;
                    }
                    int usable = (int) Math.min(n, limit - pos);
                    for (int k = 0; k < usable; k++) {
                        if (buf.get(k) == '\n') {
                            count++;
                        }
                    }
                    pos += usable;
                }
            } catch (IOException e) {
                // a missing or unreadable file adds nothing
            }
        }
        return count;
    }

    public Path directory() {
        return dir;
    }

    @Override
    public synchronized void close() {
        try {
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
