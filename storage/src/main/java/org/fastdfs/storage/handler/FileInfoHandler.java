package org.fastdfs.storage.handler;

import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.fastdfs.fileid.FileId;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.storage.FileInfoResponse;
import org.fastdfs.proto.storage.QueryFileInfoRequest;
import org.fastdfs.server.FramedConnection;
import org.fastdfs.storage.store.FileStore;

/**
 * QUERY_FILE_INFO (22), PROTOCOL.md §3.8: size (st_size; a link's target), create timestamp (mtime; a
 * link's own), CRC32 and source IP. Normal and trunk files take the CRC32 from their name; appender and
 * slave files have it computed over the content, or 0 with flag 0x01. The source IP comes from the name
 * (empty for a server id, which this storage cannot resolve). ENOENT when missing.
 */
@Singleton
public class FileInfoHandler {

    private final FileStore store;

    FileInfoHandler(FileStore store) {
        this.store = store;
    }

    public void handle(FramedConnection connection, Header header, ByteBuffer body, WireProfile profile) {
        QueryFileInfoRequest request = QueryFileInfoRequest.decode(body, header.status());
        FileId id = store.fileId(request.group(), request.filename());
        Blocking.submit(connection, Command.QUERY_FILE_INFO, store.reader(), () -> {
            Path file = store.dataFile(id);
            BasicFileAttributes own = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            BasicFileAttributes content = own.isSymbolicLink() ? LocalFiles.readableFile(file) : own;
            if (!content.isRegularFile()) {
                throw new ProtocolException(Status.EISDIR, "\"" + id.remoteFilename() + "\" is not a regular file");
            }
            int crc32;
            if (id.fileType().sizeInName()) {
                crc32 = id.crc32FromName().orElse(0);
            } else {
                crc32 = request.noCrc32() ? 0 : (int) LocalFiles.sizeAndCrc32(file)[1];
            }
            FileInfoResponse info = new FileInfoResponse(content.size(),
                    own.lastModifiedTime().toInstant().getEpochSecond(), crc32, id.sourceIp().orElse(""));
            return new Reply.Frame(Frames.response(info, profile));
        }, ok -> { });
    }
}
