package org.fastdfs.storage.handler;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.fastdfs.fileid.FileId;
import org.fastdfs.meta.MetadataMode;
import org.fastdfs.meta.SidecarChange;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.stat.StatField;
import org.fastdfs.proto.storage.GetMetadataRequest;
import org.fastdfs.proto.storage.SetMetadataRequest;
import org.fastdfs.server.FramedConnection;
import org.fastdfs.storage.binlog.BinlogOp;
import org.fastdfs.storage.binlog.BinlogRecord;
import org.fastdfs.storage.store.FileStore;

/**
 * SET_METADATA (13) and GET_METADATA (15), PROTOCOL.md §3.6: the items live in the {@code <name>-m}
 * sidecar next to the data file. Set works out the new sidecar with {@link SidecarChange} (overwrite or
 * merge, sorted, truncated as FastDFS does), writes it through a temp file and an atomic rename (or
 * deletes it) under the file's lock, and logs {@code C}, {@code U} or {@code D <name>-m}. Both answer
 * ENOENT when the data file is missing; get also when there is no sidecar.
 */
@Singleton
public class MetadataHandler {

    private final FileStore store;

    MetadataHandler(FileStore store) {
        this.store = store;
    }

    public void set(FramedConnection connection, ByteBuffer body) {
        SetMetadataRequest request = SetMetadataRequest.decode(body);
        FileId id = store.fileId(request.group(), request.filename());
        MetadataMode mode = request.op() == SetMetadataRequest.Op.OVERWRITE ? MetadataMode.OVERWRITE : MetadataMode.MERGE;
        byte[] items = request.metadataBytes();
        Blocking.submit(connection, Command.SET_METADATA, store.writer(),
                () -> store.locked(id.remoteFilename(), () -> set(id, mode, items)),
                ok -> store.stats().count(StatField.TOTAL_SET_META_COUNT, StatField.SUCCESS_SET_META_COUNT, ok));
    }

    private Reply set(FileId id, MetadataMode mode, byte[] items) throws IOException {
        requireDataFile(id);
        Path sidecar = store.metaFile(id);
        byte[] current = Files.exists(sidecar) ? Files.readAllBytes(sidecar) : null;
        SidecarChange change = SidecarChange.apply(mode, items, current);
        switch (change.action()) {
            case NONE -> {
                return Reply.OK;
            }
            case DELETE -> Files.deleteIfExists(sidecar);
            default -> write(sidecar, change.content());
        }
        long now = store.now();
        store.log(BinlogRecord.source(now, BinlogOp.of(change.action().binlogOp()), id.metaRemoteFilename(), ""));
        store.stats().sourceUpdated(now);
        return Reply.OK;
    }

    private void write(Path sidecar, byte[] content) throws IOException {
        Path temp = store.newTempFile(sidecar.getParent());
        try {
            Files.write(temp, content);
            Files.move(temp, sidecar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public void get(FramedConnection connection, ByteBuffer body) {
        GetMetadataRequest request = GetMetadataRequest.decode(body);
        FileId id = store.fileId(request.group(), request.filename());
        Blocking.submit(connection, Command.GET_METADATA, store.reader(), () -> {
            requireDataFile(id);
            Path sidecar = store.metaFile(id);
            if (!Files.exists(sidecar)) {
                throw new ProtocolException(Status.ENOENT, "\"" + id.remoteFilename() + "\" has no metadata");
            }
            return new Reply.Frame(Frames.response(Files.readAllBytes(sidecar)));
        }, ok -> store.stats().count(StatField.TOTAL_GET_META_COUNT, StatField.SUCCESS_GET_META_COUNT, ok));
    }

    private void requireDataFile(FileId id) {
        if (!Files.exists(store.dataFile(id))) {
            throw new ProtocolException(Status.ENOENT, "\"" + id.remoteFilename() + "\" does not exist");
        }
    }
}
