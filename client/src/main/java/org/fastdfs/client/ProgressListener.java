package org.fastdfs.client;

/**
 * Told how far an upload or download has come. Called on the calling thread after every chunk
 * (at most 64 KiB) and once at the end with {@code done == total}.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Does nothing. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * @param done  bytes transferred so far (for a resumed download, including the bytes that were
     *              already on disk)
     * @param total bytes the transfer will have moved at the end
     */
    void onProgress(long done, long total);
}
