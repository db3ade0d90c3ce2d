package org.fastdfs.client;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.fastdfs.fileid.FileId;
import org.fastdfs.fileid.FileType;
import org.fastdfs.meta.Metadata;
import org.fastdfs.meta.MetadataMode;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.storage.AppendFileRequest;
import org.fastdfs.proto.storage.DeleteFileRequest;
import org.fastdfs.proto.storage.DownloadFileRequest;
import org.fastdfs.proto.storage.FileInfoResponse;
import org.fastdfs.proto.storage.GetMetadataRequest;
import org.fastdfs.proto.storage.MetadataResponse;
import org.fastdfs.proto.storage.ModifyFileRequest;
import org.fastdfs.proto.storage.QueryFileInfoRequest;
import org.fastdfs.proto.storage.RegenerateAppenderFilenameRequest;
import org.fastdfs.proto.storage.SetMetadataRequest;
import org.fastdfs.proto.storage.TruncateFileRequest;
import org.fastdfs.proto.storage.UploadFileRequest;
import org.fastdfs.proto.storage.UploadResponse;
import org.fastdfs.proto.storage.UploadSlaveFileRequest;
import org.fastdfs.proto.tracker.FetchTarget;
import org.fastdfs.proto.tracker.StoreTarget;

/** The storage commands of {@link FdfsClient} (PROTOCOL.md §3): ask a tracker where, then do it there. */
final class StorageOps {

    private final ClientConfig config;
    private final ConnectionPool pool;
    private final TrackerClient tracker;

    StorageOps(ClientConfig config, ConnectionPool pool, TrackerClient tracker) {
        this.config = config;
        this.pool = pool;
        this.tracker = tracker;
    }

    // ------------------------------------------------------------------ upload

    FileRef upload(Content content, UploadOptions options) {
        StoreTarget target = tracker.queryStore(options.group());
        Command command = options.appender() ? Command.UPLOAD_APPENDER_FILE : Command.UPLOAD_FILE;
        int storePath = (byte) target.storePathIndex(); // 0xFF on the wire means "the storage chooses"
        UploadFileRequest request = new UploadFileRequest(command, Math.max(storePath, UploadFileRequest.ANY_STORE_PATH),
                content.length(), options.extensionFor(content));
        return onStorage(target.ip(), target.port(), c -> store(c, request, content, options));
    }

    FileRef uploadSlave(FileRef master, String prefix, Content content, UploadOptions options) {
        UploadSlaveFileRequest request = new UploadSlaveFileRequest(master.remoteFilename(), content.length(), prefix,
                options.extensionFor(content));
        FetchTarget target = tracker.queryUpdate(master);
        return onStorage(target.ip(), target.port(), c -> store(c, request, content, options));
    }

    /** Sends an upload, reads the new name, and sets the metadata on the same storage. */
    private FileRef store(Connection c, Request request, Content content, UploadOptions options) {
        String what = request.command().name() + " of " + content;
        c.sendStreamed(request, profile(), content, options.progress(), what);
        UploadResponse reply = c.decode(what, () -> UploadResponse.decode(c.readBody(c.readHeader(what), what)));
        FileRef stored = c.decode(what, () -> new FileRef(reply.group(), reply.filename()));
        if (!options.metadata().isEmpty()) {
            try {
                setMetadataOn(c, stored, options.metadata(), MetadataMode.OVERWRITE);
            } catch (FdfsException e) {
                throw metadataFailed(c, stored, e);
            }
        }
        return stored;
    }

    /** The C client deletes a new file whose metadata could not be set; so do we, when we still can. */
    private FdfsException metadataFailed(Connection c, FileRef stored, FdfsException e) {
        String outcome = "the uploaded file " + stored + " remains";
        if (!c.broken()) {
            try {
                DeleteFileRequest delete = new DeleteFileRequest(stored.group(), stored.remoteFilename());
                c.callNoReply(delete, profile(), what(delete, stored));
                outcome = "the uploaded file " + stored + " was deleted again";
            } catch (FdfsException ignored) {
                // report the metadata failure
            }
        }
        String message = e.getMessage() + " (" + outcome + ")";
        return e instanceof FdfsNetworkException n
                ? new FdfsNetworkException(n.endpoint(), e.status(), message, e)
                : new FdfsException(e.status(), message, e);
    }

    // ---------------------------------------------------------------- download

    long download(FileRef file, long offset, long length, Sink sink, ProgressListener progress) {
        FetchTarget target = tracker.queryFetch(file);
        return onStorage(target.ip(), target.port(), c -> receive(c, file, offset, length, sink, 0, -1, progress));
    }

    long resume(FileRef file, Path dest, ProgressListener progress) {
        long local = localSize(dest);
        if (local == 0) {
            return download(file, 0, 0, Sink.file(dest, false), progress);
        }
        FetchTarget target = tracker.queryFetch(file);
        return onStorage(target.ip(), target.port(), c -> {
            long size = remoteSize(c, file);
            if (local == size) {
                progress.onProgress(size, size);
                return 0L;
            }
            if (local > size) {
                throw new FdfsException(Status.EINVAL.code(), dest + " has " + local + " bytes, more than the "
                        + size + " bytes of " + file + ": it is not a partial download of that file");
            }
            return receive(c, file, local, 0, Sink.file(dest, true), local, size, progress);
        });
    }

    private long remoteSize(Connection c, FileRef file) {
        FileInfo local = decodeLocally(file);
        if (local != null) {
            return local.size();
        }
        return queryFileInfoOn(c, file, QueryFileInfoRequest.NO_CRC32).size();
    }

    private long receive(Connection c, FileRef file, long offset, long length, Sink sink, long before, long total,
                         ProgressListener progress) {
        DownloadFileRequest request = new DownloadFileRequest(offset, length, file.group(), file.remoteFilename());
        String what = what(request, file);
        c.send(request, profile(), what);
        Header header = c.readHeader(what);
        OutputStream out;
        try {
            out = sink.open();
        } catch (IOException e) {
            c.markBroken(); // the body was not read
            throw new UncheckedIOException("cannot write " + sink.describe() + ": " + e.getMessage(), e);
        }
        long received;
        try {
            received = c.readContent(header, out, before, total, progress, what);
        } catch (RuntimeException e) {
            closeQuietly(out);
            throw e;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + sink.describe() + ": " + e.getMessage(), e);
        }
        return received;
    }

    private static long localSize(Path dest) {
        try {
            return Files.exists(dest) ? Files.size(dest) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dest + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ manage

    void delete(FileRef file) {
        DeleteFileRequest request = new DeleteFileRequest(file.group(), file.remoteFilename());
        update(file, request);
    }

    void setMetadata(FileRef file, Metadata metadata, MetadataMode mode) {
        FetchTarget target = tracker.queryUpdate(file);
        onStorage(target.ip(), target.port(), c -> {
            setMetadataOn(c, file, metadata, mode);
            return null;
        });
    }

    private void setMetadataOn(Connection c, FileRef file, Metadata metadata, MetadataMode mode) {
        String packed = new String(metadata.encode(config.metadataCharset()), StandardCharsets.ISO_8859_1);
        SetMetadataRequest.Op op = mode == MetadataMode.MERGE ? SetMetadataRequest.Op.MERGE : SetMetadataRequest.Op.OVERWRITE;
        SetMetadataRequest request = new SetMetadataRequest(op, file.group(), file.remoteFilename(), packed);
        c.callNoReply(request, profile(), what(request, file));
    }

    Metadata getMetadata(FileRef file) {
        GetMetadataRequest request = new GetMetadataRequest(file.group(), file.remoteFilename());
        String what = what(request, file);
        FetchTarget target = tracker.queryFetch(file);
        return onStorage(target.ip(), target.port(), c -> {
            MetadataResponse reply = c.decode(what, () -> MetadataResponse.decode(c.call(request, profile(), what)));
            return Metadata.decode(reply.bytes(), config.metadataCharset());
        });
    }

    FileInfo queryFileInfo(FileRef file, int flags) {
        FetchTarget target = tracker.queryFetch(file);
        return onStorage(target.ip(), target.port(), c -> queryFileInfoOn(c, file, flags));
    }

    private FileInfo queryFileInfoOn(Connection c, FileRef file, int flags) {
        QueryFileInfoRequest request = new QueryFileInfoRequest(flags, file.group(), file.remoteFilename());
        String what = what(request, file);
        FileInfoResponse r = c.decode(what, c.call(request, profile(), what), profile(), FileInfoResponse::decode);
        FileId id = file.parsed();
        int serverId = id == null ? 0 : id.sourceServerId().orElse(0);
        return new FileInfo(typeOf(file), r.fileSize(), r.createTimestamp(), r.crc32(), r.sourceIp(), serverId, true);
    }

    void append(FileRef file, Content content, ProgressListener progress) {
        AppendFileRequest request = new AppendFileRequest(file.remoteFilename(), content.length());
        updateStreamed(file, request, content, progress);
    }

    void modify(FileRef file, long offset, Content content, ProgressListener progress) {
        ModifyFileRequest request = new ModifyFileRequest(file.remoteFilename(), offset, content.length());
        updateStreamed(file, request, content, progress);
    }

    void truncate(FileRef file, long newSize) {
        update(file, new TruncateFileRequest(file.remoteFilename(), newSize));
    }

    FileRef regenerate(FileRef file) {
        RegenerateAppenderFilenameRequest request = new RegenerateAppenderFilenameRequest(file.remoteFilename());
        String what = what(request, file);
        FetchTarget target = tracker.queryUpdate(file);
        return onStorage(target.ip(), target.port(), c -> c.decode(what, () -> {
            UploadResponse reply = UploadResponse.decode(c.call(request, profile(), what));
            return new FileRef(reply.group(), reply.filename());
        }));
    }

    /** A request with an empty reply, sent where QUERY_UPDATE says. */
    private void update(FileRef file, Request request) {
        FetchTarget target = tracker.queryUpdate(file);
        onStorage(target.ip(), target.port(), c -> {
            c.callNoReply(request, profile(), what(request, file));
            return null;
        });
    }

    private void updateStreamed(FileRef file, Request request, Content content, ProgressListener progress) {
        String what = what(request, file);
        FetchTarget target = tracker.queryUpdate(file);
        onStorage(target.ip(), target.port(), c -> {
            c.sendStreamed(request, profile(), content, progress, what);
            Header header = c.readHeader(what);
            c.readBody(header, what);
            return null;
        });
    }

    // -------------------------------------------------------------- file info

    /** File info from the name alone, for NORMAL and TRUNK files; {@code null} when the storage must be asked. */
    static FileInfo decodeLocally(FileRef file) {
        FileId id = file.parsed();
        if (id == null) {
            return null;
        }
        try {
            FileType type = id.fileType();
            OptionalLong size = id.sizeFromName();
            if (!type.sizeInName() || size.isEmpty()) {
                return null;
            }
            return new FileInfo(type, size.getAsLong(), id.createTimestamp(), id.crc32FromName().orElse(0),
                    id.sourceIp().orElse(""), id.sourceServerId().orElse(0), false);
        } catch (RuntimeException e) {
            return null; // an undecodable block: let the storage answer
        }
    }

    private static FileType typeOf(FileRef file) {
        FileId id = file.parsed();
        try {
            if (id != null) {
                return id.fileType();
            }
        } catch (RuntimeException ignored) {
            // fall back to the length rule
        }
        return FileType.of(file.remoteFilename().length(), 0);
    }

    // -------------------------------------------------------------- internals

    private <T> T onStorage(String ip, int port, ConnectionPool.Call<T> call) {
        Endpoint announced;
        try {
            announced = new Endpoint(ip, port);
        } catch (IllegalArgumentException e) {
            throw new FdfsNetworkException(null, Status.EIO.code(), "the tracker named an unusable storage address '"
                    + ip + ":" + port + "'", e);
        }
        return pool.execute(config.addressMapper().apply(announced), call);
    }

    private WireProfile profile() {
        return config.profile();
    }

    private static String what(Request request, FileRef file) {
        return request.command().name() + " " + file;
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // the first failure is reported
        }
    }
}
