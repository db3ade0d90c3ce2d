package org.fastdfs.storage.handler;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ThreadLocalRandom;
import org.fastdfs.fileid.FileId;
import org.fastdfs.fileid.FileIdBlock;
import org.fastdfs.fileid.FileSource;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.stat.StatField;
import org.fastdfs.proto.storage.AppendFileRequest;
import org.fastdfs.proto.storage.ModifyFileRequest;
import org.fastdfs.proto.storage.RegenerateAppenderFilenameRequest;
import org.fastdfs.proto.storage.TruncateFileRequest;
import org.fastdfs.proto.storage.UploadResponse;
import org.fastdfs.server.FramedConnection;
import org.fastdfs.server.StreamSink;
import org.fastdfs.storage.binlog.BinlogOp;
import org.fastdfs.storage.binlog.BinlogRecord;
import org.fastdfs.storage.store.FileStore;

/**
 * The appender-file commands, PROTOCOL.md §3.7 and §3.9: APPEND_FILE (24), MODIFY_FILE (34),
 * TRUNCATE_FILE (36) and REGENERATE_APPENDER_FILENAME (38). The target must be an appender file (its
 * name says so, else EINVAL) that exists (ENOENT) and is a regular file (EINVAL).
 *
 * <p>Append and modify receive their content into a temp file first and then copy it into the
 * appender file under the file's lock, so concurrent changes of one file do not interleave and a client
 * that disconnects mid-body changes nothing. Binlog: {@code A <name> <old size> <bytes>},
 * {@code M <name> <offset> <bytes>}, {@code T <name> <old size> <new size>} (timestamp = the file's
 * mtime after the change), {@code R <new name> <old name>} (timestamp = now).
 */
@Singleton
public class AppenderHandler {

    private final FileStore store;

    AppenderHandler(FileStore store) {
        this.store = store;
    }

    /** The sink for an APPEND_FILE or MODIFY_FILE whose header just arrived. */
    public StreamSink start(FramedConnection connection, Header header) {
        return new Change(connection, header);
    }

    /** TRUNCATE_FILE (36). */
    public void truncate(FramedConnection connection, ByteBuffer body) {
        TruncateFileRequest request = TruncateFileRequest.decode(body);
        FileId id = store.localFileId(request.appenderFilename());
        LocalFiles.requireAppender(id);
        long newSize = request.newSize();
        Blocking.submit(connection, Command.TRUNCATE_FILE, store.writer(), () -> store.locked(id.remoteFilename(), () -> {
            Path file = store.dataFile(id);
            long oldSize = LocalFiles.appenderFile(file).size();
            if (newSize == oldSize) {
                return Reply.OK;
            }
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(newSize);
            }
            long mtime = LocalFiles.mtime(file);
            store.log(BinlogRecord.source(mtime, BinlogOp.TRUNCATE, id.remoteFilename(), oldSize + " " + newSize));
            store.stats().sourceUpdated(mtime);
            return Reply.OK;
        }), ok -> store.stats().count(StatField.TOTAL_TRUNCATE_COUNT, StatField.SUCCESS_TRUNCATE_COUNT, ok));
    }

    /** REGENERATE_APPENDER_FILENAME (38): the appender becomes a normal file with a name carrying its size and CRC. */
    public void regenerate(FramedConnection connection, ByteBuffer body, WireProfile profile) {
        RegenerateAppenderFilenameRequest request = RegenerateAppenderFilenameRequest.decode(body);
        FileId id = store.localFileId(request.appenderFilename());
        LocalFiles.requireAppender(id);
        FileSource source = store.identity().source(connection.localHost());
        Blocking.submit(connection, Command.REGENERATE_APPENDER_FILENAME, store.writer(),
                () -> store.locked(id.remoteFilename(), () -> {
                    Path file = store.dataFile(id);
                    LocalFiles.appenderFile(file);
                    long[] content = LocalFiles.sizeAndCrc32(file);
                    long now = store.now();
                    for (int attempt = 0; attempt < 10; attempt++) {
                        int random = FileIdBlock.random23(ThreadLocalRandom.current());
                        FileId renamed = id.regenerated(source, now, content[0], (int) content[1], random);
                        Path target = store.dataFile(renamed);
                        if (FileStore.link(file, target)) {
                            try {
                                store.log(BinlogRecord.source(now, BinlogOp.RENAME, renamed.remoteFilename(),
                                        id.remoteFilename()));
                            } catch (RuntimeException e) {
                                FileStore.link(target, file);
                                throw e;
                            }
                            store.stats().sourceUpdated(now);
                            return new Reply.Frame(Frames.response(
                                    new UploadResponse(store.group(), renamed.remoteFilename()), profile));
                        }
                    }
                    throw new ProtocolException(Status.EBUSY, "could not generate a unique file name");
                }), ok -> { });
    }

    /** APPEND_FILE (24) and MODIFY_FILE (34). */
    private final class Change extends StreamReceiver {
        private final boolean append;
        private FileId id;
        private long offset;

        Change(FramedConnection connection, Header header) {
            super(AppenderHandler.this.store, connection, header);
            this.append = command == Command.APPEND_FILE;
        }

        @Override
        protected void parse(ByteBuffer head, long bodyLength) {
            String name;
            if (append) {
                name = AppendFileRequest.decode(head, bodyLength).appenderFilename();
            } else {
                ModifyFileRequest r = ModifyFileRequest.decode(head, bodyLength);
                name = r.appenderFilename();
                offset = r.offset();
            }
            id = store.localFileId(name);
            LocalFiles.requireAppender(id);
        }

        @Override
        protected Path prepare() throws IOException {
            Path file = store.dataFile(id);
            checkOffset(LocalFiles.appenderFile(file));
            return file.getParent();
        }

        private void checkOffset(BasicFileAttributes a) {
            if (!append && offset > a.size()) {
                throw ProtocolException.invalid("offset " + offset + " is beyond the end of \"" + id.remoteFilename()
                        + "\" (" + a.size() + " bytes)");
            }
        }

        @Override
        protected Reply commit(Path temp, long size, int crc32) throws IOException {
            return store.locked(id.remoteFilename(), () -> {
                Path file = store.dataFile(id);
                BasicFileAttributes a = LocalFiles.appenderFile(file);
                checkOffset(a);
                if (size == 0) {
                    return Reply.OK;
                }
                long start = append ? a.size() : offset;
                try {
                    LocalFiles.copyInto(temp, file, start, size);
                    long mtime = LocalFiles.mtime(file);
                    store.log(BinlogRecord.source(mtime, append ? BinlogOp.APPEND : BinlogOp.MODIFY,
                            id.remoteFilename(), start + " " + size));
                    store.stats().sourceUpdated(mtime);
                } catch (IOException | RuntimeException e) {
                    if (append) {
                        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                            raf.setLength(start);
                        }
                    }
                    throw e;
                }
                return Reply.OK;
            });
        }

        @Override
        protected void count(boolean ok, long bytes) {
            if (append) {
                store.stats().count(StatField.TOTAL_APPEND_COUNT, StatField.SUCCESS_APPEND_COUNT,
                        StatField.TOTAL_APPEND_BYTES, StatField.SUCCESS_APPEND_BYTES, ok, bytes);
            } else {
                store.stats().count(StatField.TOTAL_MODIFY_COUNT, StatField.SUCCESS_MODIFY_COUNT,
                        StatField.TOTAL_MODIFY_BYTES, StatField.SUCCESS_MODIFY_BYTES, ok, bytes);
            }
        }
    }
}
