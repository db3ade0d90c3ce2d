package org.fastdfs.proto;

import static org.fastdfs.proto.Command.Family.CONTROL;
import static org.fastdfs.proto.Command.Family.STORAGE_CLIENT;
import static org.fastdfs.proto.Command.Family.STORAGE_SYNC;
import static org.fastdfs.proto.Command.Family.STORAGE_TRUNK;
import static org.fastdfs.proto.Command.Family.TRACKER_CLIENT;
import static org.fastdfs.proto.Command.Family.TRACKER_STORAGE;
import static org.fastdfs.proto.Command.Family.TRACKER_TRACKER;

/**
 * Every command code of the FastDFS protocol (PROTOCOL.md §1.5, §2.1, §3.1, §4, §5.2), with the
 * family that says who sends it and whether its body is streamed (file content follows a small
 * fixed part and is never held in memory as a whole).
 */
public enum Command {
    // control (§1.5)
    RESP(100, CONTROL),
    QUIT(82, CONTROL),
    ACTIVE_TEST(111, CONTROL),

    // tracker <-> tracker (§4.12)
    TRACKER_JOIN_LEADER(58, TRACKER_TRACKER),
    TRACKER_GET_SYS_FILES_START(61, TRACKER_TRACKER),
    TRACKER_GET_SYS_FILES_END(62, TRACKER_TRACKER),
    TRACKER_GET_ONE_SYS_FILE(63, TRACKER_TRACKER),
    TRACKER_GET_STATUS(64, TRACKER_TRACKER),
    TRACKER_PING_LEADER(65, TRACKER_TRACKER),
    TRACKER_NOTIFY_NEXT_LEADER(66, TRACKER_TRACKER),
    TRACKER_COMMIT_NEXT_LEADER(67, TRACKER_TRACKER),

    // storage -> tracker (§4)
    STORAGE_CHANGE_STATUS(59, TRACKER_STORAGE),
    STORAGE_GET_MY_IP(60, TRACKER_STORAGE),
    TRACKER_NOTIFY_RESELECT_LEADER(68, TRACKER_STORAGE),
    STORAGE_FETCH_TRUNK_FID(72, TRACKER_STORAGE),
    STORAGE_REPORT_TRUNK_FID(73, TRACKER_STORAGE),
    STORAGE_REPORT_TRUNK_FREE(74, TRACKER_STORAGE),
    STORAGE_REPORT_STATUS(76, TRACKER_STORAGE),
    STORAGE_CHANGELOG_REQ(77, TRACKER_STORAGE),
    STORAGE_REPORT_IP_CHANGED(78, TRACKER_STORAGE),
    STORAGE_SYNC_DEST_QUERY(79, TRACKER_STORAGE),
    STORAGE_JOIN(81, TRACKER_STORAGE),
    STORAGE_BEAT(83, TRACKER_STORAGE),
    STORAGE_REPORT_DISK_USAGE(84, TRACKER_STORAGE),
    STORAGE_REPLICA_CHG(85, TRACKER_STORAGE),
    STORAGE_SYNC_SRC_REQ(86, TRACKER_STORAGE),
    STORAGE_SYNC_DEST_REQ(87, TRACKER_STORAGE),
    STORAGE_SYNC_NOTIFY(88, TRACKER_STORAGE),
    STORAGE_SYNC_REPORT(89, TRACKER_STORAGE),
    STORAGE_GET_GROUP_NAME(109, TRACKER_STORAGE),

    // clients and monitors -> tracker (§2)
    STORAGE_FETCH_STORAGE_IDS(69, TRACKER_CLIENT),
    STORAGE_GET_SERVER_ID(70, TRACKER_CLIENT),
    STORAGE_GET_STATUS(71, TRACKER_CLIENT),
    STORAGE_PARAMETER_REQ(75, TRACKER_CLIENT),
    SERVER_LIST_ONE_GROUP(90, TRACKER_CLIENT),
    SERVER_LIST_ALL_GROUPS(91, TRACKER_CLIENT),
    SERVER_LIST_STORAGE(92, TRACKER_CLIENT),
    SERVER_DELETE_STORAGE(93, TRACKER_CLIENT),
    SERVER_SET_TRUNK_SERVER(94, TRACKER_CLIENT),
    SERVER_GET_LEADER(95, TRACKER_CLIENT),
    SERVER_TRACKER_CLUSTER_STAT(96, TRACKER_CLIENT),
    SERVER_STORAGE_CLUSTER_STAT(97, TRACKER_CLIENT),
    SERVER_STORAGE_VOLUME_STAT(98, TRACKER_CLIENT),
    SERVICE_QUERY_STORE_WITHOUT_GROUP_ONE(101, TRACKER_CLIENT),
    SERVICE_QUERY_FETCH_ONE(102, TRACKER_CLIENT),
    SERVICE_QUERY_UPDATE(103, TRACKER_CLIENT),
    SERVICE_QUERY_STORE_WITH_GROUP_ONE(104, TRACKER_CLIENT),
    SERVICE_QUERY_FETCH_ALL(105, TRACKER_CLIENT),
    SERVICE_QUERY_STORE_WITHOUT_GROUP_ALL(106, TRACKER_CLIENT),
    SERVICE_QUERY_STORE_WITH_GROUP_ALL(107, TRACKER_CLIENT),
    SERVER_DELETE_GROUP(108, TRACKER_CLIENT),

    // clients -> storage (§3)
    UPLOAD_FILE(11, STORAGE_CLIENT, true),
    DELETE_FILE(12, STORAGE_CLIENT),
    SET_METADATA(13, STORAGE_CLIENT),
    DOWNLOAD_FILE(14, STORAGE_CLIENT),
    GET_METADATA(15, STORAGE_CLIENT),
    CREATE_LINK(20, STORAGE_CLIENT),
    UPLOAD_SLAVE_FILE(21, STORAGE_CLIENT, true),
    QUERY_FILE_INFO(22, STORAGE_CLIENT),
    UPLOAD_APPENDER_FILE(23, STORAGE_CLIENT, true),
    APPEND_FILE(24, STORAGE_CLIENT, true),
    MODIFY_FILE(34, STORAGE_CLIENT, true),
    TRUNCATE_FILE(36, STORAGE_CLIENT),
    REGENERATE_APPENDER_FILENAME(38, STORAGE_CLIENT),

    // storage -> storage (§5)
    REPORT_SERVER_ID(9, STORAGE_SYNC),
    SYNC_CREATE_FILE(16, STORAGE_SYNC, true),
    SYNC_DELETE_FILE(17, STORAGE_SYNC),
    SYNC_UPDATE_FILE(18, STORAGE_SYNC, true),
    SYNC_CREATE_LINK(19, STORAGE_SYNC),
    SYNC_APPEND_FILE(25, STORAGE_SYNC, true),
    FETCH_ONE_PATH_BINLOG(26, STORAGE_SYNC),
    SYNC_MODIFY_FILE(35, STORAGE_SYNC, true),
    SYNC_TRUNCATE_FILE(37, STORAGE_SYNC),
    SYNC_RENAME_FILE(40, STORAGE_SYNC),

    // trunk server (§5.8)
    TRUNK_ALLOC_SPACE(27, STORAGE_TRUNK),
    TRUNK_ALLOC_CONFIRM(28, STORAGE_TRUNK),
    TRUNK_FREE_SPACE(29, STORAGE_TRUNK),
    TRUNK_SYNC_BINLOG(30, STORAGE_TRUNK),
    TRUNK_GET_BINLOG_SIZE(31, STORAGE_TRUNK),
    TRUNK_DELETE_BINLOG_MARKS(32, STORAGE_TRUNK),
    TRUNK_TRUNCATE_BINLOG_FILE(33, STORAGE_TRUNK);

    /** Who sends a command to whom. */
    public enum Family {
        CONTROL, TRACKER_CLIENT, TRACKER_STORAGE, TRACKER_TRACKER, STORAGE_CLIENT, STORAGE_SYNC, STORAGE_TRUNK
    }

    private static final Command[] BY_CODE = new Command[256];

    static {
        for (Command c : values()) {
            if (BY_CODE[c.code] != null) {
                throw new ExceptionInInitializerError("duplicate command code " + c.code);
            }
            BY_CODE[c.code] = c;
        }
    }

    private final int code;
    private final Family family;
    private final boolean streamed;

    Command(int code, Family family) {
        this(code, family, false);
    }

    Command(int code, Family family, boolean streamed) {
        this.code = code;
        this.family = family;
        this.streamed = streamed;
    }

    /** The byte on the wire (0..255). */
    public int code() {
        return code;
    }

    public Family family() {
        return family;
    }

    /** True when the request body ends in file content that is streamed rather than aggregated. */
    public boolean streamed() {
        return streamed;
    }

    /** The command for a wire byte, or {@code null} if FastDFS defines none. */
    public static Command of(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }
}
