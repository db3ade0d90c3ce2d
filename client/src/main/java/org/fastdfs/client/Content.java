package org.fastdfs.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * File content to upload, append or write: a local file (streamed from disk, never held in memory),
 * an {@link InputStream} of a known length (read, not closed), or a byte array.
 */
public final class Content {

    private final Path file;
    private final InputStream stream;
    private final byte[] bytes;
    private final long length;

    private Content(Path file, InputStream stream, byte[] bytes, long length) {
        if (length < 0) {
            throw new IllegalArgumentException("content length is negative: " + length);
        }
        this.file = file;
        this.stream = stream;
        this.bytes = bytes;
        this.length = length;
    }

    /** The whole of a local file; its size is taken now. */
    public static Content of(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            if (!Files.isRegularFile(file)) {
                throw new UncheckedIOException(new IOException(file + " is not a regular file"));
            }
            return new Content(file, null, null, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Exactly {@code length} bytes of {@code in}; the stream is left open. */
    public static Content of(InputStream in, long length) {
        return new Content(null, Objects.requireNonNull(in, "in"), null, length);
    }

    /** The bytes of an array (not copied: do not change it during the call). */
    public static Content of(byte[] bytes) {
        return new Content(null, null, Objects.requireNonNull(bytes, "bytes"), bytes.length);
    }

    /** Number of bytes that will be sent. */
    public long length() {
        return length;
    }

    /** The local file's name ("photo.jpg"), or "" for streams and byte arrays. */
    public String fileName() {
        return file == null || file.getFileName() == null ? "" : file.getFileName().toString();
    }

    /** Opens the source; the caller closes what it gets (closing a wrapped stream does nothing). */
    InputStream open() throws IOException {
        if (file != null) {
            return Files.newInputStream(file);
        }
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return stream.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return stream.read(b, off, len);
            }
        };
    }

    @Override
    public String toString() {
        String what = file != null ? file.toString() : bytes != null ? "byte array" : "stream";
        return what + " (" + length + " bytes)";
    }
}
