package org.fastdfs.storage.handler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.CRC32;
import org.fastdfs.fileid.FileId;
import org.fastdfs.fileid.FileType;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;

/** Blocking file helpers shared by the handlers (workers only). */
final class LocalFiles {

    private LocalFiles() {
    }

    /** EINVAL unless the name says appender (size word bit 58, PROTOCOL.md §6.2). No disk access. */
    static void requireAppender(FileId id) {
        if (id.fileType() != FileType.APPENDER) {
            throw ProtocolException.invalid("\"" + id.remoteFilename() + "\" is not an appender file");
        }
    }

    /** The attributes of an appender file: ENOENT if missing, EINVAL if not a regular file (as FastDFS). */
    static BasicFileAttributes appenderFile(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile()) {
            throw ProtocolException.invalid("appender file " + file.getFileName() + " is not a regular file");
        }
        return a;
    }

    /** The attributes of a file to read, links followed: ENOENT if missing, EISDIR if not a regular file. */
    static BasicFileAttributes readableFile(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new ProtocolException(Status.EISDIR, file.getFileName() + " is not a regular file");
        }
        return a;
    }

    /** The mtime of {@code file} in unix seconds. */
    static long mtime(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toInstant().getEpochSecond();
    }

    /** Size and CRC32 of the content of {@code file}, read in 64 KiB blocks: {size, crc}. */
    static long[] sizeAndCrc32(Path file) throws IOException {
        CRC32 crc = new CRC32();
        long size = 0;
        ByteBuffer b = ByteBuffer.allocate(64 * 1024);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (in.read(b.clear()) >= 0) {
                b.flip();
                size += b.remaining();
                crc.update(b);
            }
        }
        return new long[] {size, crc.getValue()};
    }

    /** Copies {@code size} bytes of {@code from} into {@code to} at {@code position} (in-kernel where possible). */
    static void copyInto(Path from, Path to, long position, long size) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.WRITE)) {
            long done = 0;
            while (done < size) {
                long n = out.transferFrom(in, position + done, size - done);
                if (n <= 0) {
                    throw new IOException("copied only " + done + " of " + size + " bytes into " + to.getFileName());
                }
                done += n;
            }
        }
    }
}
