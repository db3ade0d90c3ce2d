package org.fastdfs.storage.handler;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.fastdfs.fileid.ExtPart;
import org.fastdfs.fileid.FileId;
import org.fastdfs.fileid.FileSource;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.stat.StatField;
import org.fastdfs.proto.storage.UploadFileRequest;
import org.fastdfs.proto.storage.UploadResponse;
import org.fastdfs.proto.storage.UploadSlaveFileRequest;
import org.fastdfs.server.FramedConnection;
import org.fastdfs.server.StreamSink;
import org.fastdfs.storage.binlog.BinlogOp;
import org.fastdfs.storage.binlog.BinlogRecord;
import org.fastdfs.storage.store.FileStore;

/**
 * UPLOAD_FILE (11), UPLOAD_APPENDER_FILE (23) and UPLOAD_SLAVE_FILE (21), PROTOCOL.md §3.2, §3.3, §6.
 *
 * <p>The content streams into a temp file in the directory the cursor chose; when it is complete the
 * file gets its name (source, mtime, size or appender flag, CRC32, random bits, extension part), is
 * renamed into place, the binlog gets {@code C <name>}, and only then the client gets group + name. A
 * small upload, whole in memory, is written straight under its new name instead (timestamp = now). A
 * slave takes the name derived from its master's (which must exist: ENOENT), in the master's directory,
 * and is never written over (EEXIST).
 */
@Singleton
public class UploadHandler {

    private final FileStore store;

    UploadHandler(FileStore store) {
        this.store = store;
    }

    /** The sink for an upload whose header just arrived. */
    public StreamSink start(FramedConnection connection, Header header, WireProfile profile) {
        Command command = Command.of(header.command());
        return command == Command.UPLOAD_SLAVE_FILE
                ? new SlaveUpload(connection, header, profile)
                : new Upload(connection, header, profile);
    }

    private abstract class Receiver extends StreamReceiver {
        final WireProfile profile;

        Receiver(FramedConnection connection, Header header, WireProfile profile) {
            super(UploadHandler.this.store, connection, header);
            this.profile = profile;
        }

        @Override
        protected void count(boolean ok, long bytes) {
            store.stats().count(StatField.TOTAL_UPLOAD_COUNT, StatField.SUCCESS_UPLOAD_COUNT,
                    StatField.TOTAL_UPLOAD_BYTES, StatField.SUCCESS_UPLOAD_BYTES, ok, bytes);
        }

        /** Logs {@code C <name>}; if that fails, the new file goes away again. */
        Reply created(FileId id, Path file, long timestamp) throws IOException {
            try {
                store.log(BinlogRecord.source(timestamp, BinlogOp.CREATE, id.remoteFilename(), ""));
            } catch (RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            store.stats().sourceUpdated(timestamp);
            return new Reply.Frame(Frames.response(new UploadResponse(store.group(), id.remoteFilename()), profile));
        }
    }

    /** Commands 11 and 23. */
    private final class Upload extends Receiver {
        private UploadFileRequest request;
        private FileSource source;
        private int index;

        Upload(FramedConnection connection, Header header, WireProfile profile) {
            super(connection, header, profile);
        }

        @Override
        protected void parse(ByteBuffer head, long bodyLength) {
            request = UploadFileRequest.decode(command, head, bodyLength);
            ExtPart.validateExt(request.extension());
            store.selector().checkIndex(request.storePathIndex());
            source = store.identity().source(connection.localHost());
        }

        @Override
        protected Path prepare() {
            index = store.selector().choose(request.storePathIndex(), request.fileSize());
            return store.newFileDir(index);
        }

        @Override
        protected Reply commitWhole(byte[] content, int length, int crc32) throws IOException {
            Path dir = prepare();
            FileStore.Placed placed = store.createNew(dir, index, source, content, length, crc32,
                    command == Command.UPLOAD_APPENDER_FILE, request.extension());
            return created(placed.id(), store.dataFile(placed.id()), placed.timestamp());
        }

        @Override
        protected Reply commit(Path temp, long size, int crc32) throws IOException {
            boolean appender = command == Command.UPLOAD_APPENDER_FILE;
            FileStore.Placed placed = store.placeNew(temp, index, source, size, crc32, appender, request.extension());
            return created(placed.id(), store.dataFile(placed.id()), placed.timestamp());
        }
    }

    /** Command 21. */
    private final class SlaveUpload extends Receiver {
        private UploadSlaveFileRequest request;
        private FileId master;
        private FileId slave;

        SlaveUpload(FramedConnection connection, Header header, WireProfile profile) {
            super(connection, header, profile);
        }

        @Override
        protected void parse(ByteBuffer head, long bodyLength) {
            request = UploadSlaveFileRequest.decode(head, bodyLength);
            master = store.localFileId(request.masterFilename());
            slave = master.slave(request.prefix(), request.extension());
        }

        @Override
        protected Path prepare() {
            if (!Files.exists(store.dataFile(master))) {
                throw new ProtocolException(Status.ENOENT, "master file \"" + master.remoteFilename()
                        + "\" does not exist");
            }
            if (Files.exists(store.dataFile(slave), LinkOption.NOFOLLOW_LINKS)) {
                throw new ProtocolException(Status.EEXIST, "slave file \"" + slave.remoteFilename()
                        + "\" already exists");
            }
            if (!store.selector().fits(master.storePathIndex(), request.fileSize())) {
                throw new ProtocolException(Status.ENOSPC, "store path " + master.storePathIndex()
                        + " would fall below the reserved space");
            }
            return store.dataFile(slave).getParent();
        }

        @Override
        protected Reply commit(Path temp, long size, int crc32) throws IOException {
            long timestamp = store.placeAt(temp, slave);
            return created(slave, store.dataFile(slave), timestamp);
        }
    }
}
