package org.fastdfs.storage.handler;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.fastdfs.fileid.FileId;
import org.fastdfs.fileid.FileType;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.stat.StatField;
import org.fastdfs.proto.storage.DeleteFileRequest;
import org.fastdfs.server.FramedConnection;
import org.fastdfs.storage.binlog.BinlogOp;
import org.fastdfs.storage.binlog.BinlogRecord;
import org.fastdfs.storage.store.FileStore;

/**
 * DELETE_FILE (12), PROTOCOL.md §3.5: deletes the data file (ENOENT if absent, EINVAL if it is neither a
 * regular file nor a link) and writes {@code D <name>}; a slave stored as a symlink (FastDFS's
 * {@code store_slave_file_use_link}) takes its target along ({@code D <target>} first) when that target
 * lies in a store path; then the {@code -m} sidecar goes too ({@code D <name>-m}).
 */
@Singleton
public class DeleteHandler {

    private final FileStore store;

    DeleteHandler(FileStore store) {
        this.store = store;
    }

    public void handle(FramedConnection connection, ByteBuffer body) {
        DeleteFileRequest request = DeleteFileRequest.decode(body);
        FileId id = store.fileId(request.group(), request.filename());
        Blocking.submit(connection, Command.DELETE_FILE, store.writer(),
                () -> store.locked(id.remoteFilename(), () -> delete(id)),
                ok -> store.stats().count(StatField.TOTAL_DELETE_COUNT, StatField.SUCCESS_DELETE_COUNT, ok));
    }

    private Reply delete(FileId id) throws IOException {
        Path file = store.dataFile(id);
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        long now = store.now();
        if (a.isSymbolicLink()) {
            if (id.fileType() == FileType.SLAVE) {
                deleteLinkTarget(file, now);
            }
            Files.delete(file);
            store.stats().count(StatField.TOTAL_DELETE_LINK_COUNT, StatField.SUCCESS_DELETE_LINK_COUNT, true);
        } else if (a.isRegularFile()) {
            // one unlink: Files.delete would lstat the file once more first
            if (!file.toFile().delete()) {
                Files.delete(file); // says why (gone meanwhile, permissions)
            }
        } else {
            throw ProtocolException.invalid("\"" + id.remoteFilename() + "\" is not a file");
        }
        store.log(BinlogRecord.source(now, BinlogOp.DELETE, id.remoteFilename(), ""));
        if (store.metaFile(id).toFile().delete()) { // most files have no sidecar: one failed unlink
            store.log(BinlogRecord.source(now, BinlogOp.DELETE, id.metaRemoteFilename(), ""));
        }
        store.stats().sourceUpdated(now);
        return Reply.OK;
    }

    private void deleteLinkTarget(Path link, long now) throws IOException {
        Path target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
        String remote = store.remoteNameOf(target);
        if (remote != null && Files.deleteIfExists(target)) {
            store.log(BinlogRecord.source(now, BinlogOp.DELETE, remote, ""));
        }
    }
}
