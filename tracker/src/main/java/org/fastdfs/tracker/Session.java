package org.fastdfs.tracker;

/**
 * Per-connection tracker state. Only touched inside {@link ClusterService#call} actions, so it lives
 * on the cluster owner's context like the model it mirrors.
 */
final class Session {
    /** Set by a successful STORAGE_JOIN: the storage this connection speaks for. */
    String group;
    String storageId;
    /** Group change counter last sent in a change response; -1 before the first. */
    long seenGroupChange = -1;
    boolean leaderSent;

    boolean joined() {
        return storageId != null;
    }
}
