package org.fastdfs.proto.cluster;

/**
 * Storage status values (PROTOCOL.md §4.11, {@code FDFS_STORAGE_STATUS_*}). They travel as one byte in
 * JOIN, the storage brief, CHANGE_STATUS, list-storages and the changelog.
 */
public enum StorageStatus {
    INIT(0),
    WAIT_SYNC(1),
    SYNCING(2),
    IP_CHANGED(3),
    DELETED(4),
    OFFLINE(5),
    ONLINE(6),
    ACTIVE(7),
    RECOVERY(9),
    /** Storage-local marker "peer unknown / removed"; never stored by a tracker. */
    NONE(99);

    private static final StorageStatus[] BY_CODE = new StorageStatus[100];

    static {
        for (StorageStatus s : values()) {
            BY_CODE[s.code] = s;
        }
    }

    private final int code;

    StorageStatus(int code) {
        this.code = code;
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }

    /** OFFLINE, ONLINE or ACTIVE ({@code FDFS_IS_AVAILABLE_STATUS}). */
    public boolean isAvailable() {
        return this == OFFLINE || this == ONLINE || this == ACTIVE;
    }

    /** The status for a wire value, or {@code null} if FastDFS defines none (e.g. 8, or −1 in JOIN). */
    public static StorageStatus of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** True when {@code code} is OFFLINE, ONLINE or ACTIVE. */
    public static boolean isAvailable(int code) {
        StorageStatus s = of(code);
        return s != null && s.isAvailable();
    }
}
