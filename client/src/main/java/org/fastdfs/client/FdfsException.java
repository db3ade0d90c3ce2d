package org.fastdfs.client;

import org.fastdfs.proto.Status;

/**
 * A FastDFS operation failed. {@link #status()} is the errno value the server answered with
 * (PROTOCOL.md §1.6), e.g. 2 (ENOENT) for a missing file; the message says what was asked of whom
 * and what the status means ({@link Status#describe}).
 *
 * <p>The subclass {@link FdfsNetworkException} means the server could not be reached or the
 * exchange broke off: no FastDFS answer was received.
 */
public class FdfsException extends RuntimeException {

    private final int status;

    public FdfsException(int status, String message) {
        super(message);
        this.status = status;
    }

    public FdfsException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** A server's error status for {@code what} ("DOWNLOAD_FILE group1/M00/... on 127.0.0.2:23000"). */
    static FdfsException ofStatus(int status, String what) {
        return new FdfsException(status, what + " failed: " + Status.describe(status));
    }

    /** The errno value (0..255). */
    public int status() {
        return status;
    }

    /** The status as an enum constant, or {@code null} for a value FastDFS does not document. */
    public Status statusCode() {
        return Status.of(status);
    }
}
