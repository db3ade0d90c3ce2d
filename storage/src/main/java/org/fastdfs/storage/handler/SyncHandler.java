package org.fastdfs.storage.handler;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.fastdfs.fileid.FileId;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.stat.StatField;
import org.fastdfs.proto.sync.ReportServerIdRequest;
import org.fastdfs.proto.sync.SyncCopyFileRequest;
import org.fastdfs.proto.sync.SyncCreateLinkRequest;
import org.fastdfs.proto.sync.SyncDeleteFileRequest;
import org.fastdfs.proto.sync.SyncRangeRequest;
import org.fastdfs.proto.sync.SyncRenameFileRequest;
import org.fastdfs.proto.sync.SyncTruncateFileRequest;
import org.fastdfs.server.FramedConnection;
import org.fastdfs.server.StreamSink;
import org.fastdfs.storage.binlog.BinlogOp;
import org.fastdfs.storage.binlog.BinlogRecord;
import org.fastdfs.storage.report.LocalStorageFacts;
import org.fastdfs.storage.store.FileStore;

/**
 * The receiving side of replication (PROTOCOL.md §5.1–§5.2): REPORT_SERVER_ID names the pushing peer
 * for the connection, then each SYNC_* command applies one change, stamps the file with the source's
 * time, and writes the lower-case (replica) binlog record, which is never pushed on. Every command is
 * idempotent: a record received twice answers EEXIST or ENOENT the second time, which the sender
 * takes as done. The newest source timestamp received from each peer feeds STORAGE_SYNC_REPORT.
 */
@Singleton
public class SyncHandler {

    private final FileStore store;
    private final LocalStorageFacts facts;

    SyncHandler(FileStore store, LocalStorageFacts facts) {
        this.store = store;
        this.facts = facts;
    }

    /** The peer a sync connection speaks for. */
    record Peer(String id) {
    }

    public void reportServerId(FramedConnection c, ByteBuffer body) {
        ReportServerIdRequest r = ReportServerIdRequest.decode(body);
        c.attach(new Peer(r.serverId()));
        Reply.OK.send(c);
    }

    public void delete(FramedConnection c, ByteBuffer body) {
        SyncDeleteFileRequest r = SyncDeleteFileRequest.decode(body);
        Target t = target(r.group(), r.filename());
        run(c, Command.SYNC_DELETE_FILE, r.timestamp(), r.filename(), () -> {
            // one unlink: Files.deleteIfExists would lstat the file first
            if (!t.path().toFile().delete() && !Files.deleteIfExists(t.path())) {
                throw new ProtocolException(Status.ENOENT, r.filename() + " is not here");
            }
            log(r.timestamp(), BinlogOp.DELETE, r.filename(), "");
        });
    }

    public void truncate(FramedConnection c, ByteBuffer body) {
        SyncTruncateFileRequest r = SyncTruncateFileRequest.decode(body);
        Target t = target(r.group(), r.filename());
        run(c, Command.SYNC_TRUNCATE_FILE, r.timestamp(), r.filename(), () -> {
            long size = existingSize(t.path(), r.filename());
            if (size != r.oldSize()) {
                throw new ProtocolException(Status.EEXIST, r.filename() + " is " + size + " bytes, not " + r.oldSize());
            }
            try (RandomAccessFile f = new RandomAccessFile(t.path().toFile(), "rw")) {
                f.setLength(r.newSize());
            }
            stamp(t.path(), r.timestamp());
            log(r.timestamp(), BinlogOp.TRUNCATE, r.filename(), r.oldSize() + " " + r.newSize());
        });
    }

    public void link(FramedConnection c, ByteBuffer body) {
        SyncCreateLinkRequest r = SyncCreateLinkRequest.decode(body);
        Target dest = target(r.group(), r.destFilename());
        Target src = target(r.group(), r.srcFilename());
        run(c, Command.SYNC_CREATE_LINK, r.timestamp(), r.destFilename(), () -> {
            if (!Files.exists(src.path())) {
                throw new ProtocolException(Status.ENOENT, "link target " + r.srcFilename() + " is not here");
            }
            if (Files.exists(dest.path(), LinkOption.NOFOLLOW_LINKS)) {
                throw new ProtocolException(Status.EEXIST, r.destFilename() + " exists");
            }
            Files.createSymbolicLink(dest.path(), src.path());
            log(r.timestamp(), BinlogOp.LINK, r.destFilename(), r.srcFilename());
        });
    }

    public void rename(FramedConnection c, ByteBuffer body) {
        SyncRenameFileRequest r = SyncRenameFileRequest.decode(body);
        Target dest = target(r.group(), r.destFilename());
        Target src = target(r.group(), r.srcFilename());
        run(c, Command.SYNC_RENAME_FILE, r.timestamp(), r.destFilename(), () -> {
            if (Files.exists(dest.path(), LinkOption.NOFOLLOW_LINKS)) {
                throw new ProtocolException(Status.EEXIST, r.destFilename() + " exists");
            }
            if (!Files.exists(src.path(), LinkOption.NOFOLLOW_LINKS)) {
                throw new ProtocolException(Status.ENOENT, r.srcFilename() + " is not here");
            }
            Files.move(src.path(), dest.path(), StandardCopyOption.ATOMIC_MOVE);
            log(r.timestamp(), BinlogOp.RENAME, r.destFilename(), r.srcFilename());
        });
    }

    /** The sink of SYNC_CREATE_FILE, SYNC_UPDATE_FILE, SYNC_APPEND_FILE or SYNC_MODIFY_FILE. */
    public StreamSink start(FramedConnection c, Header header) {
        Command command = Command.of(header.command());
        return command == Command.SYNC_APPEND_FILE || command == Command.SYNC_MODIFY_FILE
                ? new Change(c, header) : new Copy(c, header);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** A local file named by a sync command: data file, or metadata sidecar for a "-m" name. */
    record Target(FileId id, Path path) {
    }

    private Target target(String group, String remote) {
        if (!store.group().equals(group)) {
            throw ProtocolException.invalid("sync for group \"" + group + "\" reached group \"" + store.group() + "\"");
        }
        boolean meta = remote.endsWith("-m");
        FileId id = store.localFileId(meta ? remote.substring(0, remote.length() - 2) : remote);
        return new Target(id, meta ? store.metaFile(id) : store.dataFile(id));
    }

    @FunctionalInterface
    interface Change0 {
        void apply() throws IOException;
    }

    /** Runs one aggregated sync command on the writer pool under the file's lock. */
    private void run(FramedConnection c, Command command, int timestamp, String name, Change0 change) {
        String peer = peerOf(c);
        Blocking.submit(c, command, store.writer(), () -> store.locked(name, () -> {
            try {
                change.apply();
            } finally {
                received(peer, timestamp);
            }
            return Reply.OK;
        }), ok -> { });
    }

    private static String peerOf(FramedConnection c) {
        Object a = c.attachment();
        return a instanceof Peer p ? p.id() : null;
    }

    private void received(String peer, int timestamp) {
        if (peer != null) {
            facts.received(peer, Integer.toUnsignedLong(timestamp));
        }
    }

    private void log(int timestamp, BinlogOp op, String name, String extra) {
        store.log(BinlogRecord.replica(Integer.toUnsignedLong(timestamp), op, name, extra));
    }

    private static void stamp(Path file, int timestamp) throws IOException {
        FileStore.setMtime(file, Integer.toUnsignedLong(timestamp));
    }

    private static long existingSize(Path file, String name) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ProtocolException(Status.ENOENT, name + " is not here");
        }
        return Files.size(file);
    }

    private abstract class Receiver extends StreamReceiver {
        final String peer;
        /** The file the request writes, known once {@link #parse} ran. */
        Target target;

        Receiver(FramedConnection c, Header header) {
            super(SyncHandler.this.store, c, header);
            this.peer = peerOf(c);
        }

        @Override
        protected void count(boolean ok, long bytes) {
            store.stats().add(StatField.TOTAL_SYNC_IN_BYTES, bytes);
            if (ok) {
                store.stats().add(StatField.SUCCESS_SYNC_IN_BYTES, bytes);
            }
        }

        /** The content is received next to the file it replaces or changes. */
        @Override
        protected Path prepare() {
            return target.path().getParent();
        }
    }

    /** SYNC_CREATE_FILE (16) and SYNC_UPDATE_FILE (18): the whole file. */
    private final class Copy extends Receiver {
        private final int headerStatus;
        private SyncCopyFileRequest request;

        Copy(FramedConnection c, Header header) {
            super(c, header);
            this.headerStatus = header.status();
        }

        @Override
        protected void parse(ByteBuffer head, long bodyLength) {
            request = SyncCopyFileRequest.decode(command, head, bodyLength, headerStatus);
            target = target(request.group(), request.filename());
        }

        /**
         * A small new file (the common case: every upload's replica) is created under its name straight
         * away; one that is here already takes the usual way, which decides between EEXIST and replacing it.
         */
        @Override
        protected Reply commitWhole(byte[] content, int length, int crc32) throws IOException {
            if (command != Command.SYNC_CREATE_FILE || request.contentOmitted()) {
                return null;
            }
            String name = request.filename();
            return store.locked(name, () -> {
                if (!store.writeNew(target.path(), content, length, Integer.toUnsignedLong(request.timestamp()))) {
                    return null;
                }
                try {
                    log(request.timestamp(), BinlogOp.CREATE, name, "");
                } finally {
                    received(peer, request.timestamp());
                }
                return Reply.OK;
            });
        }

        @Override
        protected Reply commit(Path temp, long size, int crc32) throws IOException {
            String name = request.filename();
            boolean create = command == Command.SYNC_CREATE_FILE;
            BinlogOp op = create ? BinlogOp.CREATE : BinlogOp.UPDATE;
            return store.locked(name, () -> {
                try {
                    if (request.contentOmitted()) {
                        log(request.timestamp(), op, name, "");
                        throw new ProtocolException(Status.EEXIST, name + ": content omitted");
                    }
                    if (create && Files.isRegularFile(target.path()) && Files.size(target.path()) == size) {
                        throw new ProtocolException(Status.EEXIST, name + " is already here");
                    }
                    stamp(temp, request.timestamp());
                    Files.move(temp, target.path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    log(request.timestamp(), op, name, "");
                    return Reply.OK;
                } finally {
                    received(peer, request.timestamp());
                }
            });
        }
    }

    /** SYNC_APPEND_FILE (25) and SYNC_MODIFY_FILE (35): a range of an appender file. */
    private final class Change extends Receiver {
        private SyncRangeRequest request;

        Change(FramedConnection c, Header header) {
            super(c, header);
        }

        @Override
        protected void parse(ByteBuffer head, long bodyLength) {
            request = SyncRangeRequest.decode(command, head, bodyLength);
            target = target(request.group(), request.filename());
        }

        @Override
        protected Reply commit(Path temp, long size, int crc32) throws IOException {
            boolean append = command == Command.SYNC_APPEND_FILE;
            String name = request.filename();
            long offset = request.offset();
            long length = request.length();
            int timestamp = request.timestamp();
            return store.locked(name, () -> {
                try {
                    long local = existingSize(target.path(), name);
                    if (append && local >= offset + length && local != offset) {
                        throw new ProtocolException(Status.EEXIST, name + " already has these bytes");
                    }
                    if (append ? local != offset : local < offset) {
                        throw new ProtocolException(Status.ENOENT, name + " is " + local + " bytes: cannot apply at "
                                + offset + "; send the whole file");
                    }
                    LocalFiles.copyInto(temp, target.path(), offset, length);
                    stamp(target.path(), timestamp);
                    log(timestamp, append ? BinlogOp.APPEND : BinlogOp.MODIFY, name, offset + " " + length);
                    return Reply.OK;
                } finally {
                    received(peer, timestamp);
                }
            });
        }
    }
}
