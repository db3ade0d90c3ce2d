package org.fastdfs.client;

import org.fastdfs.proto.Status;

/**
 * The exchange with a server failed below FastDFS: connection refused, unknown host, timeout,
 * connection closed, or a reply that does not follow the protocol. The connection is dropped.
 * {@link #status()} is {@link Status#ETIMEDOUT} for timeouts and {@link Status#EIO} otherwise.
 */
public class FdfsNetworkException extends FdfsException {

    private final Endpoint endpoint;

    public FdfsNetworkException(Endpoint endpoint, int status, String message, Throwable cause) {
        super(status, message, cause);
        this.endpoint = endpoint;
    }

    public FdfsNetworkException(Endpoint endpoint, String message) {
        this(endpoint, Status.EIO.code(), message, null);
    }

    /** The server that could not be talked to ({@code null} when several were tried). */
    public Endpoint endpoint() {
        return endpoint;
    }
}
