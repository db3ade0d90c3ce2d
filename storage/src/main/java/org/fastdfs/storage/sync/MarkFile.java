package org.fastdfs.storage.sync;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Properties;
import org.fastdfs.storage.binlog.BinlogPosition;

/**
 * A peer's sync cursor, {@code <base_path>/data/sync/<peer_ip>_<port>.mark} (PROTOCOL.md §5.5): the
 * seven FastDFS keys in their order, saved whole (see {@link #write}). {@code port} is this storage's
 * own port.
 *
 * @param position       binlog_index and binlog_offset: the next record to push
 * @param needSyncOld    this storage must also push old replica records to the peer (it is its copy source)
 * @param syncOldDone    the old-data copy has finished
 * @param untilTimestamp cut-off of the old-data copy
 * @param scanRowCount   records read
 * @param syncRowCount   records pushed
 */
public record MarkFile(BinlogPosition position, boolean needSyncOld, boolean syncOldDone, long untilTimestamp,
                       long scanRowCount, long syncRowCount) {

    public static Path path(Path syncDir, String peerIp, int myPort) {
        return syncDir.resolve(peerIp + "_" + myPort + ".mark");
    }

    /** The mark, or null when there is none (a peer this storage never synced to). */
    public static MarkFile read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (p.size() < 7) {
            throw new IllegalStateException(file + " has " + p.size() + " items, a mark file needs 7");
        }
        try {
            return new MarkFile(new BinlogPosition(Integer.parseInt(p.getProperty("binlog_index").trim()),
                    Long.parseLong(p.getProperty("binlog_offset").trim())),
                    "1".equals(p.getProperty("need_sync_old").trim()), "1".equals(p.getProperty("sync_old_done").trim()),
                    Long.parseLong(p.getProperty("until_timestamp").trim()),
                    Long.parseLong(p.getProperty("scan_row_count").trim()),
                    Long.parseLong(p.getProperty("sync_row_count").trim()));
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " is not a valid mark file: " + e.getMessage(), e);
        }
    }

    /**
     * A saved mark is this long, padded with blank lines (which readers skip), so that a save can
     * overwrite the previous one in place; the seven items take at most 196 bytes.
     */
    public static final int SIZE = 256;

    /**
     * Saves the mark. An existing mark file of {@link #SIZE} bytes is overwritten in place with one
     * write: a sender saves its mark every hundred records, and a temp file renamed over the old one
     * each time would create an inode and free one; on ext4 without a journal the freed inodes then
     * slow every file created near them for minutes (bench/README.md). A write of one sector into the
     * page cache is never seen half done after a process crash. A missing file, or one of another size
     * (written by C FastDFS, say), is replaced through a temp file and a rename.
     */
    public void write(Path file) {
        byte[] text = ("binlog_index=" + position.index() + "\n"
                + "binlog_offset=" + position.offset() + "\n"
                + "need_sync_old=" + (needSyncOld ? 1 : 0) + "\n"
                + "sync_old_done=" + (syncOldDone ? 1 : 0) + "\n"
                + "until_timestamp=" + untilTimestamp + "\n"
                + "scan_row_count=" + scanRowCount + "\n"
                + "sync_row_count=" + syncRowCount + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] padded = Arrays.copyOf(text, Math.max(SIZE, text.length));
        Arrays.fill(padded, text.length, padded.length, (byte) '\n');
        try {
            if (!overwrite(file, padded)) {
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.write(tmp, padded);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes {@code content} over {@code file} when it exists with exactly that length; false otherwise. */
    private static boolean overwrite(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (channel.size() != content.length) {
                return false;
            }
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                channel.write(b, b.position());
            }
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }
}
