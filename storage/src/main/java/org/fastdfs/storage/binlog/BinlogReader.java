package org.fastdfs.storage.binlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads binlog records in order from a {@link BinlogPosition}, across file rotations. Only complete
 * lines are returned: a record still being written is left for the next call. A malformed line is
 * skipped (FastDFS's {@code file_sync_skip_invalid_record}) and counted. One reader per peer; not
 * thread-safe.
 */
public final class BinlogReader implements AutoCloseable {

    /** A record and the position just after it. */
    public record Entry(BinlogRecord record, BinlogPosition next) {
    }

    private final Path dir;
    private final BinlogWriter writer;
    private BinlogPosition position;
    private FileChannel channel;
    private int channelIndex = -1;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private long bufferStart;
    private long skipped;

    public BinlogReader(BinlogWriter writer, BinlogPosition from) {
        this.writer = writer;
        this.dir = writer.directory();
        this.position = from;
        buffer.limit(0);
    }

    public BinlogPosition position() {
        return position;
    }

    /** Malformed lines skipped so far. */
    public long skipped() {
        return skipped;
    }

    /** The next complete record, or null when the reader has caught up with the writer. */
    public Entry next() {
        while (true) {
            String line = readLine();
            if (line != null) {
                BinlogPosition after = new BinlogPosition(position.index(), position.offset() + lineBytes(line));
                position = after;
                try {
                    return new Entry(BinlogRecord.parse(line), after);
                } catch (IllegalArgumentException e) {
                    skipped++;
                    continue;
                }
            }
            long[] w = writer.position();
            if (position.index() < w[0]) {
                // this file is finished: the writer has moved on
                position = new BinlogPosition(position.index() + 1, 0);
                continue;
            }
            return null;
        }
    }

    private static int lineBytes(String line) {
        return line.getBytes(StandardCharsets.ISO_8859_1).length + 1;
    }

    private String readLine() {
        try {
            if (!openAt(position)) {
                return null;
            }
            while (true) {
                int start = (int) (position.offset() - bufferStart);
                for (int i = start; i < buffer.limit(); i++) {
                    if (buffer.get(i) == '\n') {
                        return new String(buffer.array(), start, i - start, StandardCharsets.ISO_8859_1);
                    }
                }
                // refill from the line start
                buffer.clear();
                bufferStart = position.offset();
                int n = channel.read(buffer, bufferStart);
                buffer.flip();
                if (n <= 0) {
                    return null;
                }
                boolean hasLf = false;
                for (int i = 0; i < buffer.limit(); i++) {
                    if (buffer.get(i) == '\n') {
                        hasLf = true;
                        break;
                    }
                }
                if (!hasLf) {
                    if (buffer.limit() == buffer.capacity()) {
                        // a line longer than the buffer is garbage: skip to the end of what we have
                        skipped++;
                        position = new BinlogPosition(position.index(), position.offset() + buffer.limit());
                        buffer.limit(0);
                        bufferStart = position.offset();
                        continue;
                    }
                    return null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read binlog " + BinlogWriter.fileName(position.index()), e);
        }
    }

    private boolean openAt(BinlogPosition p) throws IOException {
        if (channelIndex == p.index() && channel != null) {
            if (p.offset() < bufferStart || p.offset() > bufferStart + buffer.limit()) {
                buffer.limit(0);
                bufferStart = p.offset();
            }
            return true;
        }
        closeChannel();
        try {
            channel = FileChannel.open(dir.resolve(BinlogWriter.fileName(p.index())), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return false;
        }
        channelIndex = p.index();
        buffer.limit(0);
        bufferStart = p.offset();
        return true;
    }

    private void closeChannel() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
            channelIndex = -1;
        }
    }

    @Override
    public void close() {
        try {
            closeChannel();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
