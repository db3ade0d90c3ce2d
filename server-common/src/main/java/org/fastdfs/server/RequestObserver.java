package org.fastdfs.server;

/** Told about every answered request, for metrics. Called on the connection's event loop; keep it cheap. */
@FunctionalInterface
public interface RequestObserver {

    RequestObserver NONE = (command, status, nanos, bytesIn, bytesOut) -> { };

    /**
     * @param command  request command byte
     * @param status   status byte of the answer (0 for a QUIT or a closed connection is never reported)
     * @param nanos    time from the complete request header to the answer being written
     * @param bytesIn  request body bytes
     * @param bytesOut response body bytes
     */
    void answered(int command, int status, long nanos, long bytesIn, long bytesOut);
}
