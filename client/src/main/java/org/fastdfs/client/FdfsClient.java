package org.fastdfs.client;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;
import org.fastdfs.meta.Metadata;
import org.fastdfs.meta.MetadataMode;
import org.fastdfs.proto.storage.QueryFileInfoRequest;
import org.fastdfs.proto.tracker.FetchTarget;

/**
 * A FastDFS client: uploads, downloads and manages files through the trackers and storages of a
 * cluster. Blocking, thread-safe, one connection pool per server address; close it when done.
 *
 * <pre>{@code
 * try (FdfsClient client = FdfsClient.connect("10.0.0.1:22122")) {
 *     FileRef ref = client.upload(Path.of("photo.jpg"));
 *     byte[] back = client.downloadBytes(ref.fileId());
 * }
 * }</pre>
 *
 * <p>Which server does what (PROTOCOL.md §3.1): uploads go where QUERY_STORE says; downloads, file
 * info and metadata reads where QUERY_FETCH_ONE says; deletes, metadata writes and every change of
 * an appender file where QUERY_UPDATE says.
 *
 * <p>Errors: {@link FdfsException} with the server's status (ENOENT, EINVAL, ...),
 * {@link FdfsNetworkException} when no answer came, {@link java.io.UncheckedIOException} when a
 * local file or stream cannot be read or written, {@link IllegalArgumentException} for a malformed
 * file id or argument.
 */
public final class FdfsClient implements AutoCloseable {

    private final ClientConfig config;
    private final ConnectionPool pool;
    private final TrackerClient tracker;
    private final StorageOps storage;

    public FdfsClient(ClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.pool = new ConnectionPool(config);
        this.tracker = new TrackerClient(config, pool);
        this.storage = new StorageOps(config, pool, tracker);
    }

    /** A client with default settings for trackers written {@code host:port}. */
    public static FdfsClient connect(String... trackers) {
        return new FdfsClient(ClientConfig.builder().trackers(trackers).build());
    }

    public ClientConfig config() {
        return config;
    }

    /** Tracker queries, group and storage lists, storage deletion. */
    public TrackerClient tracker() {
        return tracker;
    }

    // ------------------------------------------------------------------ upload

    /** Uploads a local file (streamed); the extension comes from its name. */
    public FileRef upload(Path file) {
        return upload(Content.of(file), UploadOptions.DEFAULT);
    }

    public FileRef upload(Path file, UploadOptions options) {
        return upload(Content.of(file), options);
    }

    /** Uploads bytes with the given extension ("" for none). */
    public FileRef upload(byte[] bytes, String extension) {
        return upload(Content.of(bytes), UploadOptions.DEFAULT.extension(extension));
    }

    /** Uploads exactly {@code length} bytes of {@code in} (left open) with the given extension. */
    public FileRef upload(InputStream in, long length, String extension) {
        return upload(Content.of(in, length), UploadOptions.DEFAULT.extension(extension));
    }

    /**
     * Uploads {@code content}: UPLOAD_FILE (11), or UPLOAD_APPENDER_FILE (23) when
     * {@link UploadOptions#appender()} is set, then SET_METADATA on the same storage when there is
     * metadata (if that fails the new file is deleted again, as the C client does).
     */
    public FileRef upload(Content content, UploadOptions options) {
        return storage.upload(content, options);
    }

    /**
     * Uploads a slave file of {@code masterFileId} (UPLOAD_SLAVE_FILE, 21): the storage names it
     * after the master with {@code prefix} and the options' extension (PROTOCOL.md §6.8). The
     * options' group is ignored: a slave lives in its master's group.
     */
    public FileRef uploadSlave(String masterFileId, String prefix, Content content, UploadOptions options) {
        return storage.uploadSlave(FileRef.parse(masterFileId), prefix, content, options);
    }

    // ---------------------------------------------------------------- download

    /** Downloads the whole file into {@code dest} (created or replaced); returns the bytes written. */
    public long download(String fileId, Path dest) {
        return download(fileId, dest, 0, 0, ProgressListener.NONE);
    }

    /**
     * Downloads {@code length} bytes from {@code offset} (length 0 = to the end) into {@code dest},
     * which is created or replaced once the storage has accepted the request.
     */
    public long download(String fileId, Path dest, long offset, long length, ProgressListener progress) {
        return storage.download(FileRef.parse(fileId), offset, length, Sink.file(dest, false), progress);
    }

    /** Downloads the whole file into {@code out} (flushed, not closed). */
    public long download(String fileId, OutputStream out) {
        return download(fileId, out, 0, 0, ProgressListener.NONE);
    }

    /** Downloads a range (length 0 = to the end) into {@code out} (flushed, not closed). */
    public long download(String fileId, OutputStream out, long offset, long length, ProgressListener progress) {
        return storage.download(FileRef.parse(fileId), offset, length, Sink.stream(out), progress);
    }

    /** The whole file in memory. */
    public byte[] downloadBytes(String fileId) {
        return downloadBytes(fileId, 0, 0);
    }

    /** A range of the file in memory (length 0 = to the end). */
    public byte[] downloadBytes(String fileId, long offset, long length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        download(fileId, out, offset, length, ProgressListener.NONE);
        return out.toByteArray();
    }

    /**
     * Completes a broken download: fetches the file from offset = the size of {@code dest} and
     * appends it there. Does nothing when {@code dest} is already complete; downloads everything
     * when it does not exist. The remote size comes from the file id for normal files and from the
     * storage otherwise. Returns the bytes downloaded now.
     *
     * @throws FdfsException EINVAL when {@code dest} is larger than the remote file
     */
    public long resumeDownload(String fileId, Path dest, ProgressListener progress) {
        return storage.resume(FileRef.parse(fileId), dest, progress);
    }

    // ------------------------------------------------------------------ manage

    /** DELETE_FILE (12); ENOENT if the file does not exist. */
    public void delete(String fileId) {
        storage.delete(FileRef.parse(fileId));
    }

    /**
     * SET_METADATA (13). Overwrite replaces every item (an empty list removes them all); merge adds
     * and replaces items by name.
     */
    public void setMetadata(String fileId, Metadata metadata, MetadataMode mode) {
        storage.setMetadata(FileRef.parse(fileId), metadata, mode);
    }

    /** GET_METADATA (15); ENOENT when the file or its metadata does not exist. */
    public Metadata getMetadata(String fileId) {
        return storage.getMetadata(FileRef.parse(fileId));
    }

    /**
     * Size, creation time, CRC32 and source of a file. Normal (and trunk) files are decoded from
     * their id without any traffic, as the C client does; appender and slave files, and ids that do
     * not follow the usual pattern, are asked of the storage ({@link #queryFileInfo}).
     */
    public FileInfo fileInfo(String fileId) {
        FileRef ref = FileRef.parse(fileId);
        FileInfo local = StorageOps.decodeLocally(ref);
        return local != null ? local : storage.queryFileInfo(ref, 0);
    }

    /**
     * Asks the storage (QUERY_FILE_INFO, 22) with {@code flags}
     * ({@link QueryFileInfoRequest#NO_CRC32}, {@link QueryFileInfoRequest#KEEP_SILENT}).
     */
    public FileInfo queryFileInfo(String fileId, int flags) {
        return storage.queryFileInfo(FileRef.parse(fileId), flags);
    }

    /** APPEND_FILE (24): adds {@code content} at the end of an appender file. */
    public void append(String appenderFileId, Content content, ProgressListener progress) {
        storage.append(FileRef.parse(appenderFileId), content, progress);
    }

    public void append(String appenderFileId, byte[] bytes) {
        append(appenderFileId, Content.of(bytes), ProgressListener.NONE);
    }

    /** MODIFY_FILE (34): overwrites an appender file from {@code offset} (at most its current size). */
    public void modify(String appenderFileId, long offset, Content content, ProgressListener progress) {
        storage.modify(FileRef.parse(appenderFileId), offset, content, progress);
    }

    /** TRUNCATE_FILE (36): sets an appender file's size (a larger size grows it). */
    public void truncate(String appenderFileId, long newSize) {
        storage.truncate(FileRef.parse(appenderFileId), newSize);
    }

    /**
     * REGENERATE_APPENDER_FILENAME (38, FastDFS 6.02+): turns an appender file into a normal file
     * with a new name that carries its size and CRC32; returns the new name.
     */
    public FileRef regenerateAppenderFilename(String appenderFileId) {
        return storage.regenerate(FileRef.parse(appenderFileId));
    }

    /** Where a file would be downloaded from (QUERY_FETCH_ONE), e.g. for an HTTP URL. */
    public FetchTarget locate(String fileId) {
        return tracker.queryFetch(fileId);
    }

    /** Closes every pooled connection. Calls after this fail with IllegalStateException. */
    @Override
    public void close() {
        pool.close();
    }

    /** Idle pooled connections to {@code endpoint} (for tests and monitoring). */
    int idleConnections(Endpoint endpoint) {
        return pool.idleCount(endpoint);
    }
}
