package org.fastdfs.proto.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fastdfs.proto.FrameFixtures.ascii;
import static org.fastdfs.proto.FrameFixtures.assertGoldenRequest;
import static org.fastdfs.proto.FrameFixtures.assertGoldenResponse;
import static org.fastdfs.proto.FrameFixtures.concat;
import static org.fastdfs.proto.FrameFixtures.decodeAllWays;
import static org.fastdfs.proto.FrameFixtures.hex;
import static org.fastdfs.proto.FrameFixtures.padded;
import static org.fastdfs.proto.cluster.ClusterFixtures.EMPTY_16;
import static org.fastdfs.proto.cluster.ClusterFixtures.GROUP1_16;
import static org.fastdfs.proto.cluster.ClusterFixtures.GROUP1_17;
import static org.fastdfs.proto.cluster.ClusterFixtures.ID_100001;
import static org.fastdfs.proto.cluster.ClusterFixtures.ID_100002;
import static org.fastdfs.proto.cluster.ClusterFixtures.ID_100003;
import static org.fastdfs.proto.cluster.ClusterFixtures.brief;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.FrameFixtures;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.stat.StatBlock;
import org.fastdfs.proto.stat.StatField;
import org.fastdfs.proto.stat.StorageBrief;
import org.junit.jupiter.api.Test;

/**
 * Golden frames of the storage-to-tracker commands (PROTOCOL.md §4.2–§4.9). There are no captures of this
 * traffic: every frame is written by hand from the PROTOCOL.md tables, field by field. Layouts that differ
 * between profiles (JOIN, messages carrying storage briefs, REPORT_IP_CHANGED) have a classic twin; for the
 * others one profile is enough because the layout is the same.
 */
class TrackerStorageFramesTest {

    private static final WireProfile CURRENT = WireProfile.CURRENT;
    private static final WireProfile CLASSIC = WireProfile.CLASSIC;

    // ---------------------------------------------------------------- 60 GET_MY_IP (§4.2)

    static final byte[] GET_MY_IP = concat(
            hex("00 00 00 00 00 00 00 15  3c 00   # pkg_len 21, cmd 60 STORAGE_GET_MY_IP, status 0"),
            GROUP1_17,                                  // group_name (17) "group1"
            hex("00 00 59 d8                      # port (4) 23000"));
    static final byte[] MY_IP_REPLY = hex("""
            00 00 00 00 00 00 00 0c  64 00        # pkg_len 12, cmd 100 RESP, status 0
            31 39 32 2e 31 36 38 2e 31 2e 31 30   # "192.168.1.10"
            """);
    static final byte[] MY_IP_REPLY_DUAL = hex("""
            00 00 00 00 00 00 00 14  64 00        # pkg_len 20
            31 30 2e 30 2e 30 2e 35               # "10.0.0.5"
            2c                                    # ","
            31 39 32 2e 31 36 38 2e 31 2e 35      # "192.168.1.5"
            """);

    // ---------------------------------------------------------------- 81 JOIN (§4.3)

    /** Current JOIN: 145-byte fixed part + 2 × 19-byte tracker lines = 183 = 0xb7. */
    static final byte[] JOIN_CURRENT = concat(
            hex("00 00 00 00 00 00 00 b7  51 00   # pkg_len 183, cmd 81 STORAGE_JOIN"),
            GROUP1_17,                                                    // 0   group_name (17)
            hex("""
                    00 00 00 00 00 00 59 d8   # 17  storage_port 23000
                    00 00 00 00 00 00 00 02   # 25  store_path_count 2
                    00 00 00 00 00 00 01 00   # 33  subdir_count_per_path 256
                    00 00 00 00 00 00 00 0a   # 41  upload_priority 10
                    00 00 00 00 65 53 f1 00   # 49  join_time 1700000000
                    00 00 00 00 66 85 1e 00   # 57  up_time 1720000000
                    36 2e 31 36 2e 31 00 00   # 65  version (8) "6.16.1"
                    00                        # 73  init_flag 0: initial sync done
                    07                        # 74  status 7 ACTIVE
                    """),
            ID_100001,                                                    // 75  storage_id (16) "100001"
            padded("192.168.1.20", 46),                                   // 91  current_tracker_ip (46)
            hex("00 00 00 00 00 00 00 02     # 137 tracker_count 2"),
            ascii("192.168.1.20:22122\n"),                                // 145 tracker line 1 (19 bytes)
            ascii("192.168.1.21:22122\n"));                               // 164 tracker line 2 (19 bytes)
    static final StorageJoinRequest JOIN_CURRENT_RECORD = StorageJoinRequest.current("group1", 23000, 2, 256, 10,
            1700000000L, 1720000000L, "6.16.1", false, 7, "100001", "192.168.1.20",
            List.of("192.168.1.20:22122", "192.168.1.21:22122"));

    /** Classic JOIN: 233-byte fixed part + 2 × 40-byte slots = 313 = 0x139. */
    static final byte[] JOIN_CLASSIC = concat(
            hex("00 00 00 00 00 00 01 39  51 00   # pkg_len 313, cmd 81"),
            GROUP1_17,                                                    // 0   group_name (17)
            hex("""
                    00 00 00 00 00 00 59 d8   # 17  storage_port 23000
                    00 00 00 00 00 00 22 b8   # 25  storage_http_port 8888
                    00 00 00 00 00 00 00 01   # 33  store_path_count 1
                    00 00 00 00 00 00 01 00   # 41  subdir_count_per_path 256
                    00 00 00 00 00 00 00 0a   # 49  upload_priority 10
                    00 00 00 00 59 68 2f 00   # 57  join_time 1500000000
                    00 00 00 00 5f 5e 10 00   # 65  up_time 1600000000
                    36 2e 30 36 00 00         # 73  version (6) "6.06"
                    """),
            padded("", 128),                                              // 79  domain_name (128), empty
            hex("""
                    01                        # 207 init_flag 1: initial sync not done
                    ff                        # 208 status −1: another tracker's join failed
                    """),
            padded("192.168.1.20", 16),                                   // 209 current_tracker_ip (16)
            hex("00 00 00 00 00 00 00 02     # 225 tracker_count 2"),
            padded("192.168.1.20:22122", 40),                             // 233 slot 1 (40)
            padded("192.168.1.21:22122", 40));                            // 273 slot 2 (40)
    static final StorageJoinRequest JOIN_CLASSIC_RECORD = new StorageJoinRequest("group1", 23000, 8888, 1, 256, 10,
            1500000000L, 1600000000L, "6.06", "", true, -1, "", "192.168.1.20",
            List.of("192.168.1.20:22122", "192.168.1.21:22122"));

    static final byte[] JOIN_REPLY = concat(
            hex("""
                    00 00 00 00 00 00 00 11  64 00   # pkg_len 17, RESP
                    01                               # my_status 1 WAIT_SYNC
                    """),
            ID_100002);                                                   // src_id (16) "100002"

    // ---------------------------------------------------------------- 83 BEAT (§4.5, stat block §2.6)

    static final byte[] BEAT_EMPTY = hex("00 00 00 00 00 00 00 00  53 00   # pkg_len 0, cmd 83 STORAGE_BEAT");
    static final byte[] BEAT_STATS = hex("""
            00 00 00 00 00 00 01 5c  53 00   # pkg_len 348, cmd 83
            00 00 00 0a                # 0   connection.alloc_count 10
            00 00 00 02                # 4   connection.current_count 2
            00 00 00 05                # 8   connection.max_count 5
            00 00 00 00 00 00 00 64    # 12  total_upload_count 100
            00 00 00 00 00 00 00 63    # 20  success_upload_count 99
            00 00 00 00 00 00 00 00    # 28  total_append_count
            00 00 00 00 00 00 00 00    # 36  success_append_count
            00 00 00 00 00 00 00 00    # 44  total_modify_count
            00 00 00 00 00 00 00 00    # 52  success_modify_count
            00 00 00 00 00 00 00 00    # 60  total_truncate_count
            00 00 00 00 00 00 00 00    # 68  success_truncate_count
            00 00 00 00 00 00 00 03    # 76  total_set_meta_count 3
            00 00 00 00 00 00 00 03    # 84  success_set_meta_count 3
            00 00 00 00 00 00 00 01    # 92  total_delete_count 1
            00 00 00 00 00 00 00 01    # 100 success_delete_count 1
            00 00 00 00 00 00 00 32    # 108 total_download_count 50
            00 00 00 00 00 00 00 31    # 116 success_download_count 49
            00 00 00 00 00 00 00 00    # 124 total_get_meta_count
            00 00 00 00 00 00 00 00    # 132 success_get_meta_count
            00 00 00 00 00 00 00 00    # 140 total_create_link_count
            00 00 00 00 00 00 00 00    # 148 success_create_link_count
            00 00 00 00 00 00 00 00    # 156 total_delete_link_count
            00 00 00 00 00 00 00 00    # 164 success_delete_link_count
            00 00 00 00 00 10 00 00    # 172 total_upload_bytes 1048576
            00 00 00 00 00 0f ff 00    # 180 success_upload_bytes 1048320
            00 00 00 00 00 00 00 00    # 188 total_append_bytes
            00 00 00 00 00 00 00 00    # 196 success_append_bytes
            00 00 00 00 00 00 00 00    # 204 total_modify_bytes
            00 00 00 00 00 00 00 00    # 212 success_modify_bytes
            00 00 00 00 00 08 00 00    # 220 total_download_bytes 524288
            00 00 00 00 00 08 00 00    # 228 success_download_bytes 524288
            00 00 00 00 00 00 00 00    # 236 total_sync_in_bytes
            00 00 00 00 00 00 00 00    # 244 success_sync_in_bytes
            00 00 00 00 00 00 00 00    # 252 total_sync_out_bytes
            00 00 00 00 00 00 00 00    # 260 success_sync_out_bytes
            00 00 00 00 00 00 00 64    # 268 total_file_open_count 100
            00 00 00 00 00 00 00 64    # 276 success_file_open_count 100
            00 00 00 00 00 00 00 00    # 284 total_file_read_count
            00 00 00 00 00 00 00 00    # 292 success_file_read_count
            00 00 00 00 00 00 00 00    # 300 total_file_write_count
            00 00 00 00 00 00 00 00    # 308 success_file_write_count
            00 00 00 00 66 85 1e 00    # 316 last_source_update 1720000000
            00 00 00 00 66 85 1a 18    # 324 last_sync_update 1719999000
            00 00 00 00 00 00 00 00    # 332 last_synced_timestamp (tracker's)
            00 00 00 00 00 00 00 00    # 340 last_heart_beat_time (tracker's)
            """);
    static final StatBlock BEAT_STATS_BLOCK = StatBlock.EMPTY
            .with(StatField.CONNECTION_ALLOC_COUNT, 10)
            .with(StatField.CONNECTION_CURRENT_COUNT, 2)
            .with(StatField.CONNECTION_MAX_COUNT, 5)
            .with(StatField.TOTAL_UPLOAD_COUNT, 100)
            .with(StatField.SUCCESS_UPLOAD_COUNT, 99)
            .with(StatField.TOTAL_SET_META_COUNT, 3)
            .with(StatField.SUCCESS_SET_META_COUNT, 3)
            .with(StatField.TOTAL_DELETE_COUNT, 1)
            .with(StatField.SUCCESS_DELETE_COUNT, 1)
            .with(StatField.TOTAL_DOWNLOAD_COUNT, 50)
            .with(StatField.SUCCESS_DOWNLOAD_COUNT, 49)
            .with(StatField.TOTAL_UPLOAD_BYTES, 1048576)
            .with(StatField.SUCCESS_UPLOAD_BYTES, 1048320)
            .with(StatField.TOTAL_DOWNLOAD_BYTES, 524288)
            .with(StatField.SUCCESS_DOWNLOAD_BYTES, 524288)
            .with(StatField.TOTAL_FILE_OPEN_COUNT, 100)
            .with(StatField.SUCCESS_FILE_OPEN_COUNT, 100)
            .with(StatField.LAST_SOURCE_UPDATE, 1720000000L)
            .with(StatField.LAST_SYNC_UPDATE, 1719999000L);

    // ---------------------------------------------------------------- the change response (§4.5)

    /** A non-leader tracker's answer: the single flag byte 0. */
    static final byte[] CHANGE_NONE = hex("""
            00 00 00 00 00 00 00 01  64 00   # pkg_len 1, RESP
            00                               # flags: nothing changed
            """);

    static final StorageBrief LEADER = new StorageBrief(0, 22122, "192.168.1.20", "192.168.1.20");
    static final StorageBrief S1 = new StorageBrief(7, 23000, "100001", "192.168.1.10");
    static final StorageBrief S2 = new StorageBrief(1, 23000, "100002", "192.168.1.11");

    /** A leader's full answer, current: 1 + 4 × 67 = 269 = 0x10d. */
    static final byte[] CHANGE_ALL_CURRENT = concat(
            hex("""
                    00 00 00 00 00 00 01 0d  64 00   # pkg_len 269, RESP
                    07                               # flags: leader 0x01 | trunk 0x02 | group 0x04
                    """),
            brief(0, 22122, "192.168.1.20", "192.168.1.20", 46),          // leader: status 0, port, id = ip
            brief(7, 23000, "100001", "192.168.1.10", 46),                // trunk server 100001 ACTIVE
            brief(7, 23000, "100001", "192.168.1.10", 46),                // group storage 1, ACTIVE
            brief(1, 23000, "100002", "192.168.1.11", 46));               // group storage 2, WAIT_SYNC
    /** The same answer, classic: 1 + 4 × 37 = 149 = 0x95. */
    static final byte[] CHANGE_ALL_CLASSIC = concat(
            hex("""
                    00 00 00 00 00 00 00 95  64 00   # pkg_len 149, RESP
                    07                               # flags 0x07
                    """),
            brief(0, 22122, "192.168.1.20", "192.168.1.20", 16),
            brief(7, 23000, "100001", "192.168.1.10", 16),
            brief(7, 23000, "100001", "192.168.1.10", 16),
            brief(1, 23000, "100002", "192.168.1.11", 16));
    static final ChangeResponse CHANGE_ALL = new ChangeResponse(7, LEADER, S1, List.of(S1, S2));

    /** Group storages only, current: 1 + 2 × 67 = 135 = 0x87. */
    static final byte[] CHANGE_GROUP_CURRENT = concat(
            hex("""
                    00 00 00 00 00 00 00 87  64 00   # pkg_len 135
                    04                               # flags: group 0x04
                    """),
            brief(7, 23000, "100001", "192.168.1.10", 46),
            brief(1, 23000, "100002", "192.168.1.11", 46));
    /** Trunk server gone (zeroed brief), classic: 1 + 37 = 38 = 0x26. */
    static final byte[] CHANGE_NO_TRUNK_CLASSIC = concat(
            hex("""
                    00 00 00 00 00 00 00 26  64 00   # pkg_len 38
                    02                               # flags: trunk 0x02
                    """),
            new byte[37]);                                                // zeroed brief: no trunk server

    // ---------------------------------------------------------------- 84 REPORT_DISK_USAGE (§4.6)

    static final byte[] DISK_USAGE = hex("""
            00 00 00 00 00 00 00 20  54 00   # pkg_len 32, cmd 84 STORAGE_REPORT_DISK_USAGE
            00 00 00 00 00 01 90 00          # path 0 total_mb 102400
            00 00 00 00 00 00 c8 00          # path 0 free_mb 51200
            00 00 00 00 00 03 20 00          # path 1 total_mb 204800
            00 00 00 00 00 00 28 00          # path 1 free_mb 10240
            """);
    static final ReportDiskUsageRequest DISK_USAGE_RECORD = new ReportDiskUsageRequest(List.of(
            new ReportDiskUsageRequest.PathUsage(102400, 51200),
            new ReportDiskUsageRequest.PathUsage(204800, 10240)));

    // ---------------------------------------------------------------- 89 SYNC_REPORT (§4.7)

    static final byte[] SYNC_REPORT = concat(
            hex("00 00 00 00 00 00 00 28  59 00   # pkg_len 40, cmd 89 STORAGE_SYNC_REPORT"),
            ID_100002, hex("66 85 1a 18   # timestamp 1719999000"),   // peer 1
            ID_100003, hex("00 00 00 00   # timestamp 0: nothing yet"));  // peer 2
    static final SyncReportRequest SYNC_REPORT_RECORD = new SyncReportRequest(List.of(
            new SyncReportRequest.SyncTimestamp("100002", 1719999000),
            new SyncReportRequest.SyncTimestamp("100003", 0)));

    // ---------------------------------------------------------------- sync negotiation (§4.4)

    static final byte[] SYNC_DEST_REQ = hex("00 00 00 00 00 00 00 00  57 00   # pkg_len 0, cmd 87 SYNC_DEST_REQ");
    static final byte[] SYNC_DEST_QUERY = hex("00 00 00 00 00 00 00 00  4f 00   # pkg_len 0, cmd 79 SYNC_DEST_QUERY");
    /** SyncReqBody reply: src 100001, until 1720000000. */
    static final byte[] SYNC_SOURCE_REPLY = concat(
            hex("00 00 00 00 00 00 00 18  64 00   # pkg_len 24, RESP"),
            ID_100001,                                                    // src_id (16)
            hex("00 00 00 00 66 85 1e 00          # until_timestamp 1720000000"));
    static final byte[] EMPTY_REPLY = hex("00 00 00 00 00 00 00 00  64 00   # pkg_len 0, RESP");

    static final byte[] SYNC_NOTIFY = concat(
            hex("00 00 00 00 00 00 00 18  58 00   # pkg_len 24, cmd 88 SYNC_NOTIFY"),
            ID_100001,                                                    // src_id (16)
            hex("00 00 00 00 66 85 1e 00          # until_timestamp 1720000000"));
    static final byte[] SYNC_NOTIFY_NO_SOURCE = concat(
            hex("00 00 00 00 00 00 00 18  58 00   # pkg_len 24, cmd 88"),
            EMPTY_16,                                                     // src_id empty: nothing to copy
            hex("00 00 00 00 00 00 00 00          # until_timestamp 0"));

    static final byte[] SYNC_SRC_REQ = concat(
            hex("00 00 00 00 00 00 00 20  56 00   # pkg_len 32, cmd 86 SYNC_SRC_REQ"),
            GROUP1_16,                                                    // group (16)
            ID_100002);                                                   // dest storage id (16)

    // ---------------------------------------------------------------- other storage commands (§4.8)

    /** Current: 16 + 67 = 83 = 0x53. */
    static final byte[] REPORT_STATUS_CURRENT = concat(
            hex("00 00 00 00 00 00 00 53  4c 00   # pkg_len 83, cmd 76 STORAGE_REPORT_STATUS"),
            GROUP1_16,
            brief(2, 23000, "100002", "192.168.1.11", 46));               // dest 100002 now SYNCING
    /** Classic: 16 + 37 = 53 = 0x35. */
    static final byte[] REPORT_STATUS_CLASSIC = concat(
            hex("00 00 00 00 00 00 00 35  4c 00   # pkg_len 53, cmd 76"),
            GROUP1_16,
            brief(2, 23000, "100002", "192.168.1.11", 16));
    static final ReportStatusRequest REPORT_STATUS_RECORD = new ReportStatusRequest("group1",
            new StorageBrief(2, 23000, "100002", "192.168.1.11"));

    static final byte[] CHANGE_STATUS = hex("""
            00 00 00 00 00 00 00 01  3b 00   # pkg_len 1, cmd 59 STORAGE_CHANGE_STATUS
            05                               # new status 5 OFFLINE
            """);

    /** Current: 2 × 67 = 134 = 0x86. */
    static final byte[] REPLICA_CHG_CURRENT = concat(
            hex("00 00 00 00 00 00 00 86  55 00   # pkg_len 134, cmd 85 STORAGE_REPLICA_CHG"),
            brief(7, 23000, "100001", "192.168.1.10", 46),
            brief(1, 23000, "100002", "192.168.1.11", 46));
    /** Classic: 2 × 37 = 74 = 0x4a. */
    static final byte[] REPLICA_CHG_CLASSIC = concat(
            hex("00 00 00 00 00 00 00 4a  55 00   # pkg_len 74, cmd 85"),
            brief(7, 23000, "100001", "192.168.1.10", 16),
            brief(1, 23000, "100002", "192.168.1.11", 16));

    static final byte[] CHANGELOG_REQ = hex("00 00 00 00 00 00 00 00  4d 00   # pkg_len 0, cmd 77 CHANGELOG_REQ (logged in)");
    static final byte[] CHANGELOG_REQ_ANONYMOUS = concat(
            hex("00 00 00 00 00 00 00 20  4d 00   # pkg_len 32, cmd 77 (not logged in)"),
            GROUP1_16,                                                    // group (16)
            ID_100001);                                                   // storage id (16)
    /** Two changelog lines: 34 + 46 = 80 = 0x50 bytes. */
    static final byte[] CHANGELOG_REPLY = concat(
            hex("00 00 00 00 00 00 00 50  64 00   # pkg_len 80, RESP"),
            ascii("1720000000 group1 192.168.1.11 4 \n"),                 // DELETED: empty new id, trailing space
            ascii("1720000100 group1 192.168.1.12 3 192.168.1.13\n"));    // IP_CHANGED to .13

    /** Current: 16 + 46 + 46 = 108 = 0x6c. */
    static final byte[] REPORT_IP_CHANGED_CURRENT = concat(
            hex("00 00 00 00 00 00 00 6c  4e 00   # pkg_len 108, cmd 78 STORAGE_REPORT_IP_CHANGED"),
            GROUP1_16,
            padded("192.168.1.12", 46),                                   // old_ip (46)
            padded("192.168.1.13", 46));                                  // new_ip (46)
    /** Classic: 16 + 16 + 16 = 48 = 0x30. */
    static final byte[] REPORT_IP_CHANGED_CLASSIC = concat(
            hex("00 00 00 00 00 00 00 30  4e 00   # pkg_len 48, cmd 78"),
            GROUP1_16,
            padded("192.168.1.12", 16),                                   // old_ip (16)
            padded("192.168.1.13", 16));                                  // new_ip (16)

    static final byte[] NOTIFY_RESELECT_LEADER = hex("00 00 00 00 00 00 00 00  44 00   # pkg_len 0, cmd 68");

    // ---------------------------------------------------------------- trunk (§4.9)

    static final byte[] FETCH_TRUNK_FID = hex("00 00 00 00 00 00 00 00  48 00   # pkg_len 0, cmd 72 FETCH_TRUNK_FID");
    static final byte[] TRUNK_FID_REPLY = hex("""
            00 00 00 00 00 00 00 04  64 00   # pkg_len 4, RESP
            00 00 01 02                      # current trunk file id 258
            """);
    static final byte[] REPORT_TRUNK_FID = hex("""
            00 00 00 00 00 00 00 04  49 00   # pkg_len 4, cmd 73 REPORT_TRUNK_FID
            00 00 01 03                      # trunk file id 259
            """);
    static final byte[] REPORT_TRUNK_FREE = hex("""
            00 00 00 00 00 00 00 08  4a 00   # pkg_len 8, cmd 74 REPORT_TRUNK_FREE
            00 00 00 00 00 00 50 00          # free trunk space 20480 MB
            """);

    /** One golden request frame per storage command of this package (the current form where layouts differ). */
    static final Map<Command, byte[]> GOLDEN_REQUESTS = new EnumMap<>(Map.ofEntries(
            Map.entry(Command.STORAGE_GET_MY_IP, GET_MY_IP),
            Map.entry(Command.STORAGE_JOIN, JOIN_CURRENT),
            Map.entry(Command.STORAGE_BEAT, BEAT_STATS),
            Map.entry(Command.STORAGE_REPORT_DISK_USAGE, DISK_USAGE),
            Map.entry(Command.STORAGE_SYNC_REPORT, SYNC_REPORT),
            Map.entry(Command.STORAGE_SYNC_DEST_REQ, SYNC_DEST_REQ),
            Map.entry(Command.STORAGE_SYNC_NOTIFY, SYNC_NOTIFY),
            Map.entry(Command.STORAGE_SYNC_DEST_QUERY, SYNC_DEST_QUERY),
            Map.entry(Command.STORAGE_SYNC_SRC_REQ, SYNC_SRC_REQ),
            Map.entry(Command.STORAGE_REPORT_STATUS, REPORT_STATUS_CURRENT),
            Map.entry(Command.STORAGE_CHANGE_STATUS, CHANGE_STATUS),
            Map.entry(Command.STORAGE_REPLICA_CHG, REPLICA_CHG_CURRENT),
            Map.entry(Command.STORAGE_CHANGELOG_REQ, CHANGELOG_REQ),
            Map.entry(Command.STORAGE_REPORT_IP_CHANGED, REPORT_IP_CHANGED_CURRENT),
            Map.entry(Command.TRACKER_NOTIFY_RESELECT_LEADER, NOTIFY_RESELECT_LEADER),
            Map.entry(Command.STORAGE_FETCH_TRUNK_FID, FETCH_TRUNK_FID),
            Map.entry(Command.STORAGE_REPORT_TRUNK_FID, REPORT_TRUNK_FID),
            Map.entry(Command.STORAGE_REPORT_TRUNK_FREE, REPORT_TRUNK_FREE)));

    @Test
    void everyStorageCommandOfThePackageHasAGoldenRequest() {
        assertThat(GOLDEN_REQUESTS.keySet()).containsExactlyInAnyOrderElementsOf(ClusterFixtures.STORAGE_COMMANDS);
        GOLDEN_REQUESTS.forEach((cmd, frame) -> assertThat(
                decodeAllWays(frame, FrameFixtures.AGGREGATE_ALL).header().commandCode()).as(cmd.name()).isEqualTo(cmd));
    }

    @Test
    void decodesGetMyIpAndBothReplyForms() {
        assertGoldenRequest(GET_MY_IP, CURRENT, new GetMyIpRequest("group1", 23000), GetMyIpRequest::decode);
        assertGoldenResponse(MY_IP_REPLY, CURRENT, MyIpReply.of("192.168.1.10"), MyIpReply::decode);
        var dual = assertGoldenResponse(MY_IP_REPLY_DUAL, CURRENT, MyIpReply.of("10.0.0.5", "192.168.1.5"),
                MyIpReply::decode);
        assertThat(dual.text()).isEqualTo("10.0.0.5,192.168.1.5");
    }

    @Test
    void decodesTheCurrentJoinWithNewlineTrackerLines() {
        assertThat(JOIN_CURRENT).hasSize(10 + 183);
        assertGoldenRequest(JOIN_CURRENT, CURRENT, JOIN_CURRENT_RECORD, b -> StorageJoinRequest.decode(b, CURRENT));
    }

    @Test
    void decodesTheClassicJoinWithFortyByteTrackerSlots() {
        assertThat(JOIN_CLASSIC).hasSize(10 + 313);
        var join = assertGoldenRequest(JOIN_CLASSIC, CLASSIC, JOIN_CLASSIC_RECORD,
                b -> StorageJoinRequest.decode(b, CLASSIC));
        assertThat(join.status()).isEqualTo(-1);
        assertThat(join.initFlag()).isTrue();
    }

    @Test
    void decodesTheJoinReply() {
        var reply = assertGoldenResponse(JOIN_REPLY, CURRENT, new StorageJoinReply(1, "100002"),
                StorageJoinReply::decode);
        assertThat(StorageStatus.of(reply.myStatus())).isEqualTo(StorageStatus.WAIT_SYNC);
        // same 17 bytes in the classic profile
        assertGoldenResponse(JOIN_REPLY, CLASSIC, new StorageJoinReply(1, "100002"), StorageJoinReply::decode);
    }

    @Test
    void decodesBothBeatForms() {
        assertGoldenRequest(BEAT_EMPTY, CURRENT, StorageBeatRequest.EMPTY, StorageBeatRequest::decode);
        var beat = assertGoldenRequest(BEAT_STATS, CURRENT, new StorageBeatRequest(BEAT_STATS_BLOCK),
                StorageBeatRequest::decode);
        assertThat(beat.stats().get(StatField.SUCCESS_DOWNLOAD_COUNT)).isEqualTo(49);
        // the stat block has one layout in every profile
        assertGoldenRequest(BEAT_STATS, CLASSIC, new StorageBeatRequest(BEAT_STATS_BLOCK), StorageBeatRequest::decode);
    }

    @Test
    void decodesTheChangeResponseInBothProfiles() {
        assertGoldenResponse(CHANGE_NONE, CURRENT, ChangeResponse.NONE, b -> ChangeResponse.decode(b, CURRENT));
        var all = assertGoldenResponse(CHANGE_ALL_CURRENT, CURRENT, CHANGE_ALL, b -> ChangeResponse.decode(b, CURRENT));
        assertThat(all.leaderChanged() && all.trunkServerChanged() && all.groupChanged()).isTrue();
        assertGoldenResponse(CHANGE_ALL_CLASSIC, CLASSIC, CHANGE_ALL, b -> ChangeResponse.decode(b, CLASSIC));
        assertGoldenResponse(CHANGE_GROUP_CURRENT, CURRENT, ChangeResponse.of(null, null, List.of(S1, S2)),
                b -> ChangeResponse.decode(b, CURRENT));
        var noTrunk = assertGoldenResponse(CHANGE_NO_TRUNK_CLASSIC, CLASSIC,
                new ChangeResponse(2, null, new StorageBrief(0, 0, "", ""), null),
                b -> ChangeResponse.decode(b, CLASSIC));
        assertThat(noTrunk.groupStorages()).isEmpty();
        assertThat(ChangeResponse.of(LEADER, S1, List.of(S1, S2))).isEqualTo(CHANGE_ALL);
    }

    @Test
    void decodesDiskUsageAndSyncReports() {
        assertGoldenRequest(DISK_USAGE, CURRENT, DISK_USAGE_RECORD, ReportDiskUsageRequest::decode);
        assertGoldenRequest(DISK_USAGE, CURRENT, DISK_USAGE_RECORD, b -> ReportDiskUsageRequest.decode(b, 2));
        assertGoldenRequest(SYNC_REPORT, CURRENT, SYNC_REPORT_RECORD, SyncReportRequest::decode);
        // both replies are the change response above
    }

    @Test
    void decodesTheSyncNegotiation() {
        assertGoldenRequest(SYNC_DEST_REQ, CURRENT, new EmptyRequest(Command.STORAGE_SYNC_DEST_REQ),
                b -> EmptyRequest.decode(b, Command.STORAGE_SYNC_DEST_REQ));
        assertGoldenRequest(SYNC_DEST_QUERY, CURRENT, new EmptyRequest(Command.STORAGE_SYNC_DEST_QUERY),
                b -> EmptyRequest.decode(b, Command.STORAGE_SYNC_DEST_QUERY));
        assertGoldenRequest(SYNC_SRC_REQ, CURRENT, new SyncSrcRequest("group1", "100002"), SyncSrcRequest::decode);
        var reply = assertGoldenResponse(SYNC_SOURCE_REPLY, CURRENT, SyncSourceReply.of("100001", 1720000000L),
                SyncSourceReply::decode);
        assertThat(reply.source()).isEqualTo(new SyncReqBody("100001", 1720000000L));
        assertGoldenResponse(EMPTY_REPLY, CURRENT, SyncSourceReply.NONE, SyncSourceReply::decode);
        assertGoldenRequest(SYNC_NOTIFY, CURRENT, new SyncNotifyRequest("100001", 1720000000L),
                SyncNotifyRequest::decode);
        assertGoldenRequest(SYNC_NOTIFY_NO_SOURCE, CURRENT, new SyncNotifyRequest("", 0), SyncNotifyRequest::decode);
    }

    @Test
    void decodesTheSyncReqBodyOnItsOwn() {
        byte[] body = java.util.Arrays.copyOfRange(SYNC_SOURCE_REPLY, 10, SYNC_SOURCE_REPLY.length);
        assertThat(SyncReqBody.decode(java.nio.ByteBuffer.wrap(body))).isEqualTo(new SyncReqBody("100001", 1720000000L));
        assertThat(new SyncReqBody("100001", 1720000000L).toBytes(CURRENT)).isEqualTo(body);
    }

    @Test
    void decodesReportStatusInBothProfiles() {
        assertGoldenRequest(REPORT_STATUS_CURRENT, CURRENT, REPORT_STATUS_RECORD,
                b -> ReportStatusRequest.decode(b, CURRENT));
        assertGoldenRequest(REPORT_STATUS_CLASSIC, CLASSIC, REPORT_STATUS_RECORD,
                b -> ReportStatusRequest.decode(b, CLASSIC));
    }

    @Test
    void decodesChangeStatus() {
        var r = assertGoldenRequest(CHANGE_STATUS, CURRENT, new ChangeStatusRequest(StorageStatus.OFFLINE),
                ChangeStatusRequest::decode);
        assertThat(r.status()).isEqualTo(5);
    }

    @Test
    void decodesReplicaChangeInBothProfiles() {
        var expected = new ReplicaChangeRequest(List.of(S1, S2));
        assertGoldenRequest(REPLICA_CHG_CURRENT, CURRENT, expected, b -> ReplicaChangeRequest.decode(b, CURRENT));
        assertGoldenRequest(REPLICA_CHG_CLASSIC, CLASSIC, expected, b -> ReplicaChangeRequest.decode(b, CLASSIC));
    }

    @Test
    void decodesBothChangelogRequestFormsAndTheReply() {
        var loggedIn = assertGoldenRequest(CHANGELOG_REQ, CURRENT, ChangelogRequest.LOGGED_IN, ChangelogRequest::decode);
        assertThat(loggedIn.loggedIn()).isTrue();
        assertGoldenRequest(CHANGELOG_REQ_ANONYMOUS, CURRENT, new ChangelogRequest("group1", "100001"),
                ChangelogRequest::decode);
        var lines = List.of(
                new ChangelogLine(1720000000L, "group1", "192.168.1.11", StorageStatus.DELETED, ""),
                new ChangelogLine(1720000100L, "group1", "192.168.1.12", StorageStatus.IP_CHANGED, "192.168.1.13"));
        var reply = assertGoldenResponse(CHANGELOG_REPLY, CURRENT, ChangelogReply.of(lines), ChangelogReply::decode);
        assertThat(reply.lines()).isEqualTo(lines);
        assertGoldenResponse(EMPTY_REPLY, CURRENT, ChangelogReply.EMPTY, ChangelogReply::decode);
    }

    @Test
    void decodesReportIpChangedInBothProfiles() {
        var expected = new ReportIpChangedRequest("group1", "192.168.1.12", "192.168.1.13");
        assertGoldenRequest(REPORT_IP_CHANGED_CURRENT, CURRENT, expected, b -> ReportIpChangedRequest.decode(b, CURRENT));
        assertGoldenRequest(REPORT_IP_CHANGED_CLASSIC, CLASSIC, expected, b -> ReportIpChangedRequest.decode(b, CLASSIC));
    }

    @Test
    void decodesNotifyReselectLeader() {
        assertGoldenRequest(NOTIFY_RESELECT_LEADER, CURRENT, new EmptyRequest(Command.TRACKER_NOTIFY_RESELECT_LEADER),
                b -> EmptyRequest.decode(b, Command.TRACKER_NOTIFY_RESELECT_LEADER));
    }

    @Test
    void decodesTheTrunkCommands() {
        assertGoldenRequest(FETCH_TRUNK_FID, CURRENT, new EmptyRequest(Command.STORAGE_FETCH_TRUNK_FID),
                b -> EmptyRequest.decode(b, Command.STORAGE_FETCH_TRUNK_FID));
        assertGoldenResponse(TRUNK_FID_REPLY, CURRENT, new TrunkFidReply(258), TrunkFidReply::decode);
        assertGoldenRequest(REPORT_TRUNK_FID, CURRENT, new ReportTrunkFidRequest(259), ReportTrunkFidRequest::decode);
        assertGoldenRequest(REPORT_TRUNK_FREE, CURRENT, new ReportTrunkFreeRequest(20480),
                ReportTrunkFreeRequest::decode);
    }
}
