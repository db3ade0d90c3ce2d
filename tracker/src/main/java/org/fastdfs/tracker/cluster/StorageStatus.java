package org.fastdfs.tracker.cluster;

/** Storage states as the tracker keeps them (PROTOCOL.md §4.11). */
public enum StorageStatus {
    INIT(0), WAIT_SYNC(1), SYNCING(2), IP_CHANGED(3), DELETED(4), OFFLINE(5), ONLINE(6), ACTIVE(7), RECOVERY(9), NONE(99);

    private final int code;

    StorageStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static StorageStatus of(int code) {
        for (StorageStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown storage status " + code);
    }

    /** OFFLINE, ONLINE or ACTIVE: "available" in FastDFS terms. */
    public boolean available() {
        return this == OFFLINE || this == ONLINE || this == ACTIVE;
    }
}
