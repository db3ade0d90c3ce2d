package org.fastdfs.client;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where downloaded bytes go. Opened only once the storage has accepted the request, so that a
 * missing file does not leave an empty local file behind.
 */
interface Sink {

    /** Opens the destination. */
    OutputStream open() throws IOException;

    /** What to call it in messages. */
    String describe();

    /** A local file, replaced or appended to (the partial file stays when the transfer breaks). */
    static Sink file(Path path, boolean append) {
        return new Sink() {
            @Override
            public OutputStream open() throws IOException {
                OutputStream out = append
                        ? Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                StandardOpenOption.APPEND)
                        : Files.newOutputStream(path);
                return new BufferedOutputStream(out, Connection.BUFFER_SIZE);
            }

            @Override
            public String describe() {
                return path.toString();
            }
        };
    }

    /** A caller's stream: flushed at the end, never closed. */
    static Sink stream(OutputStream out) {
        return new Sink() {
            @Override
            public OutputStream open() {
                return new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush();
                    }
                };
            }

            @Override
            public String describe() {
                return "the output stream";
            }
        };
    }
}
