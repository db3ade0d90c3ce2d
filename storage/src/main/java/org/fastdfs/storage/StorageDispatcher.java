package org.fastdfs.storage;

import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.server.FramedConnection;
import org.fastdfs.server.RequestDispatcher;
import org.fastdfs.server.StreamSink;
import org.fastdfs.storage.handler.AppenderHandler;
import org.fastdfs.storage.handler.DeleteHandler;
import org.fastdfs.storage.handler.DownloadHandler;
import org.fastdfs.storage.handler.FileInfoHandler;
import org.fastdfs.storage.handler.MetadataHandler;
import org.fastdfs.storage.handler.SyncHandler;
import org.fastdfs.storage.handler.UploadHandler;

/**
 * Routes the requests of one storage connection to their handlers (PROTOCOL.md §3). Every handler
 * decodes on the event loop and does its disk work on the store's workers. Storage commands this server
 * does not implement (CREATE_LINK, trunk) answer EOPNOTSUPP and keep the
 * connection; commands a storage does not know (tracker commands, unknown codes) answer EINVAL and
 * close it, as FastDFS does.
 */
final class StorageDispatcher implements RequestDispatcher {

    private final Factory handlers;
    private final WireProfile profile;

    private StorageDispatcher(Factory handlers, WireProfile profile) {
        this.handlers = handlers;
        this.profile = profile;
    }

    @Override
    public void onRequest(FramedConnection connection, Header header, ByteBuffer body) {
        Command command = Command.of(header.command());
        switch (command) {
            case DOWNLOAD_FILE -> handlers.download.handle(connection, body);
            case DELETE_FILE -> handlers.delete.handle(connection, body);
            case SET_METADATA -> handlers.metadata.set(connection, body);
            case GET_METADATA -> handlers.metadata.get(connection, body);
            case QUERY_FILE_INFO -> handlers.fileInfo.handle(connection, header, body, profile);
            case TRUNCATE_FILE -> handlers.appender.truncate(connection, body);
            case REGENERATE_APPENDER_FILENAME -> handlers.appender.regenerate(connection, body, profile);
            case REPORT_SERVER_ID -> handlers.sync.reportServerId(connection, body);
            case SYNC_DELETE_FILE -> handlers.sync.delete(connection, body);
            case SYNC_TRUNCATE_FILE -> handlers.sync.truncate(connection, body);
            case SYNC_CREATE_LINK -> handlers.sync.link(connection, body);
            case SYNC_RENAME_FILE -> handlers.sync.rename(connection, body);
            default -> unsupported(connection, command);
        }
    }

    @Override
    public StreamSink onStreamStart(FramedConnection connection, Header header) {
        Command command = Command.of(header.command());
        return switch (command) {
            case UPLOAD_FILE, UPLOAD_APPENDER_FILE, UPLOAD_SLAVE_FILE ->
                    handlers.upload.start(connection, header, profile);
            case APPEND_FILE, MODIFY_FILE -> handlers.appender.start(connection, header);
            case SYNC_CREATE_FILE, SYNC_UPDATE_FILE, SYNC_APPEND_FILE, SYNC_MODIFY_FILE ->
                    handlers.sync.start(connection, header);
            default -> new DiscardingSink(connection, command);
        };
    }

    private static void unsupported(FramedConnection connection, Command command) {
        Command.Family family = command.family();
        if (family == Command.Family.STORAGE_CLIENT || family == Command.Family.STORAGE_SYNC
                || family == Command.Family.STORAGE_TRUNK) {
            connection.replyStatus(Status.EOPNOTSUPP);
        } else {
            throw ProtocolException.invalid(command + " is not a storage command");
        }
    }

    /** Reads and drops the body of a streamed command this storage does not serve, then answers EOPNOTSUPP. */
    private static final class DiscardingSink implements StreamSink {
        private final FramedConnection connection;
        private final Command command;

        DiscardingSink(FramedConnection connection, Command command) {
            this.connection = connection;
            this.command = command;
        }

        @Override
        public void onData(ByteBuffer chunk) {
            chunk.position(chunk.limit());
        }

        @Override
        public void onEnd() {
            connection.replyError(command, new ProtocolException(Status.EOPNOTSUPP, command + " is not supported"));
        }
    }

    /** Makes one dispatcher per connection. */
    @Singleton
    static class Factory {
        final UploadHandler upload;
        final DownloadHandler download;
        final DeleteHandler delete;
        final MetadataHandler metadata;
        final AppenderHandler appender;
        final FileInfoHandler fileInfo;
        final SyncHandler sync;

        Factory(UploadHandler upload, DownloadHandler download, DeleteHandler delete, MetadataHandler metadata,
                AppenderHandler appender, FileInfoHandler fileInfo, SyncHandler sync) {
            this.sync = sync;
            this.upload = upload;
            this.download = download;
            this.delete = delete;
            this.metadata = metadata;
            this.appender = appender;
            this.fileInfo = fileInfo;
        }

        RequestDispatcher create(FramedConnection connection, WireProfile profile) {
            return new StorageDispatcher(this, profile);
        }
    }
}
