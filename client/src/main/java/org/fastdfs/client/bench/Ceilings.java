package org.fastdfs.client.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The machine's ceilings, measured without FastDFS:
 * <ul>
 *   <li>{@link #sendfile}: one file sent over a loopback TCP connection with
 *       {@code FileChannel.transferTo} (sendfile(2)) to a reader that discards it: what a download
 *       or an upload of that file could reach at best;</li>
 *   <li>{@link #files}: create + write + rename of small files in a directory by several threads:
 *       what small uploads could reach at best on that file system.</li>
 * </ul>
 */
public final class Ceilings {

    private static final int CHUNK = 1 << 20;

    private Ceilings() {
    }

    /**
     * Sends a {@code size}-byte file of random bytes, written in {@code dir}, {@code repeat} times
     * over loopback; the rate of each transfer counts from connect to the reader's end of stream.
     */
    public static CeilingResult sendfile(Path dir, long size, int repeat, Progress progress) throws IOException {
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1");
        }
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "ceiling-sendfile-", ".bin");
        try {
            writeRandom(file, size);
            List<Double> runs = new ArrayList<>();
            for (int i = 0; i < repeat; i++) {
                long nanos = transfer(file, size);
                runs.add(size / (nanos / 1e9) / (1024 * 1024));
                progress.note(String.format(java.util.Locale.ROOT, "ceiling sendfile %s: run %d/%d %.1f MiB/s",
                        Sizes.format(size), i + 1, repeat, runs.get(i)));
            }
            Map<String, Object> params = Json.object();
            params.put("size", size);
            params.put("repeat", repeat);
            params.put("dir", dir.toAbsolutePath().toString());
            return new CeilingResult("sendfile", "loopback TCP transfer of a " + Sizes.format(size)
                    + " file with sendfile (FileChannel.transferTo) to a discarding reader", "MiB/s", runs, params);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void writeRandom(Path file, long size) throws IOException {
        byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(1, size))];
        new Random(1).nextBytes(chunk);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long done = 0;
            while (done < size) {
                ByteBuffer b = ByteBuffer.wrap(chunk, 0, (int) Math.min(chunk.length, size - done));
                while (b.hasRemaining()) {
                    done += ch.write(b);
                }
            }
        }
    }

    private static long transfer(Path file, long size) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(loopback, 0));
            AtomicReference<IOException> failure = new AtomicReference<>();
            Thread sender = Thread.ofPlatform().name("ceiling-sendfile").start(() -> {
                try (SocketChannel s = server.accept(); FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                    long sent = 0;
                    while (sent < size) {
                        sent += in.transferTo(sent, size - sent, s);
                    }
                } catch (IOException e) {
                    failure.set(e);
                }
            });
            ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
            long start = System.nanoTime();
            long received = 0;
            try (SocketChannel c = SocketChannel.open(server.getLocalAddress())) {
                int n;
                while ((n = c.read(buf)) >= 0) {
                    received += n;
                    buf.clear();
                }
            }
            long nanos = System.nanoTime() - start;
            join(sender);
            if (failure.get() != null) {
                throw failure.get();
            }
            if (received != size) {
                throw new IOException("received " + received + " of " + size + " bytes");
            }
            return nanos;
        }
    }

    /**
     * Creates {@code count} files of {@code size} random bytes with {@code threads} threads: each is
     * created in {@code dir/ceiling-files-N/tmp}, written, closed and renamed into one of 256
     * sub-directories (as a storage places an upload); the directory is removed afterwards.
     */
    public static CeilingResult files(Path dir, int count, int threads, int size, Progress progress) throws IOException {
        return files(dir, count, threads, size, progress, null);
    }

    /**
     * The files ceiling; when {@code leave} is given, its files stay and their directory is added to it
     * (for {@link #deleteTree} later), else they are deleted before this returns.
     */
    public static CeilingResult files(Path dir, int count, int threads, int size, Progress progress, List<Path> leave)
            throws IOException {
        if (count < 1 || threads < 1) {
            throw new IllegalArgumentException("count and threads must be at least 1");
        }
        Files.createDirectories(dir);
        Path root = Files.createTempDirectory(dir, "ceiling-files-");
        try {
            Path tmp = Files.createDirectory(root.resolve("tmp"));
            for (int i = 0; i < 256; i++) {
                Files.createDirectory(root.resolve(String.format("%02X", i)));
            }
            byte[] content = new byte[size];
            new Random(2).nextBytes(content);
            AtomicInteger next = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().name("ceiling-files-" + t).start(() -> {
                    try {
                        for (int i; (i = next.getAndIncrement()) < count && failure.get() == null; ) {
                            String name = "f" + i;
                            Path temp = tmp.resolve(name);
                            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                                    StandardOpenOption.WRITE)) {
                                ByteBuffer b = ByteBuffer.wrap(content);
                                while (b.hasRemaining()) {
                                    ch.write(b);
                                }
                            }
                            Files.move(temp, root.resolve(String.format("%02X", i & 0xFF)).resolve(name),
                                    StandardCopyOption.ATOMIC_MOVE);
                        }
                    } catch (IOException | RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            workers.forEach(Ceilings::join);
            long nanos = System.nanoTime() - start;
            Throwable failed = failure.get();
            if (failed instanceof IOException io) {
                throw io;
            } else if (failed instanceof RuntimeException r) {
                throw r;
            }
            double rate = count / (nanos / 1e9);
            progress.note(String.format(java.util.Locale.ROOT, "ceiling files %s x %d, %d threads: %.0f files/s",
                    Sizes.format(size), count, threads, rate));
            Map<String, Object> params = Json.object();
            params.put("size", size);
            params.put("count", count);
            params.put("threads", threads);
            params.put("dir", dir.toAbsolutePath().toString());
            return new CeilingResult("files", "create + write " + Sizes.format(size) + " + rename into one of 256 "
                    + "directories, " + threads + " threads", "files/s", List.of(rate), params);
        } finally {
            if (leave != null) {
                leave.add(root);
            } else {
                deleteTree(root);
            }
        }
    }

    /** Deletes {@code root} and everything under it. */
    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
