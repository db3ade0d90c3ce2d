package org.fastdfs.proto.stat;

/**
 * The fields of FDFSStorageStatBuff in wire order (PROTOCOL.md §2.6): three 4-byte connection counts
 * followed by 8-byte counters and timestamps, 348 bytes in all. The key is the name FastDFS uses in
 * {@code storage_stat.dat} and {@code storage_servers_new.dat}.
 */
public enum StatField {
    CONNECTION_ALLOC_COUNT("connection.alloc_count", 4),
    CONNECTION_CURRENT_COUNT("connection.current_count", 4),
    CONNECTION_MAX_COUNT("connection.max_count", 4),
    TOTAL_UPLOAD_COUNT("total_upload_count"),
    SUCCESS_UPLOAD_COUNT("success_upload_count"),
    TOTAL_APPEND_COUNT("total_append_count"),
    SUCCESS_APPEND_COUNT("success_append_count"),
    TOTAL_MODIFY_COUNT("total_modify_count"),
    SUCCESS_MODIFY_COUNT("success_modify_count"),
    TOTAL_TRUNCATE_COUNT("total_truncate_count"),
    SUCCESS_TRUNCATE_COUNT("success_truncate_count"),
    TOTAL_SET_META_COUNT("total_set_meta_count"),
    SUCCESS_SET_META_COUNT("success_set_meta_count"),
    TOTAL_DELETE_COUNT("total_delete_count"),
    SUCCESS_DELETE_COUNT("success_delete_count"),
    TOTAL_DOWNLOAD_COUNT("total_download_count"),
    SUCCESS_DOWNLOAD_COUNT("success_download_count"),
    TOTAL_GET_META_COUNT("total_get_meta_count"),
    SUCCESS_GET_META_COUNT("success_get_meta_count"),
    TOTAL_CREATE_LINK_COUNT("total_create_link_count"),
    SUCCESS_CREATE_LINK_COUNT("success_create_link_count"),
    TOTAL_DELETE_LINK_COUNT("total_delete_link_count"),
    SUCCESS_DELETE_LINK_COUNT("success_delete_link_count"),
    TOTAL_UPLOAD_BYTES("total_upload_bytes"),
    SUCCESS_UPLOAD_BYTES("success_upload_bytes"),
    TOTAL_APPEND_BYTES("total_append_bytes"),
    SUCCESS_APPEND_BYTES("success_append_bytes"),
    TOTAL_MODIFY_BYTES("total_modify_bytes"),
    SUCCESS_MODIFY_BYTES("success_modify_bytes"),
    TOTAL_DOWNLOAD_BYTES("total_download_bytes"),
    SUCCESS_DOWNLOAD_BYTES("success_download_bytes"),
    TOTAL_SYNC_IN_BYTES("total_sync_in_bytes"),
    SUCCESS_SYNC_IN_BYTES("success_sync_in_bytes"),
    TOTAL_SYNC_OUT_BYTES("total_sync_out_bytes"),
    SUCCESS_SYNC_OUT_BYTES("success_sync_out_bytes"),
    TOTAL_FILE_OPEN_COUNT("total_file_open_count"),
    SUCCESS_FILE_OPEN_COUNT("success_file_open_count"),
    TOTAL_FILE_READ_COUNT("total_file_read_count"),
    SUCCESS_FILE_READ_COUNT("success_file_read_count"),
    TOTAL_FILE_WRITE_COUNT("total_file_write_count"),
    SUCCESS_FILE_WRITE_COUNT("success_file_write_count"),
    LAST_SOURCE_UPDATE("last_source_update"),
    LAST_SYNC_UPDATE("last_sync_update"),
    LAST_SYNCED_TIMESTAMP("last_synced_timestamp"),
    LAST_HEART_BEAT_TIME("last_heart_beat_time");

    private final String key;
    private final int width;

    StatField(String key) {
        this(key, 8);
    }

    StatField(String key, int width) {
        this.key = key;
        this.width = width;
    }

    /** The key FastDFS uses for this counter in its INI files. */
    public String key() {
        return key;
    }

    /** Width on the wire: 4 for the connection counts, 8 for everything else. */
    public int width() {
        return width;
    }
}
