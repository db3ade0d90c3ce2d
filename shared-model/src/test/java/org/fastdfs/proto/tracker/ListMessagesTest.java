package org.fastdfs.proto.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fastdfs.proto.FrameFixtures.assertGoldenRequest;
import static org.fastdfs.proto.FrameFixtures.assertGoldenResponse;
import static org.fastdfs.proto.FrameFixtures.concat;
import static org.fastdfs.proto.FrameFixtures.hex;
import static org.fastdfs.proto.FrameFixtures.long8;
import static org.fastdfs.proto.FrameFixtures.padded;
import static org.fastdfs.proto.FrameFixtures.responseFrame;
import static org.fastdfs.proto.tracker.TrackerFixtures.body;
import static org.fastdfs.proto.tracker.TrackerFixtures.rejects;
import static org.fastdfs.proto.tracker.TrackerFixtures.statBlock;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.stat.StatBlock;
import org.fastdfs.proto.stat.StatField;
import org.junit.jupiter.api.Test;

/** List groups (90, 91) and list storages (92): PROTOCOL.md §2.5, §2.6. */
class ListMessagesTest {

    // ---- requests -------------------------------------------------------------------------

    /** wire-captures/monitor.txt: fdfs_monitor sends 91 with an empty body. */
    static final byte[] LIST_ALL_GROUPS_91 = hex("00 00 00 00 00 00 00 00 5b 00");

    /** By hand (§2.5): 90 with group_name (16). */
    static final byte[] LIST_ONE_GROUP_90 = hex("""
            00 00 00 00 00 00 00 10 5a 00                       # pkg_len 16, cmd 90
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # "group1"
            """);

    /** wire-captures/monitor.txt: 92 for every storage of group1. */
    static final byte[] LIST_STORAGE_92 = hex("""
            00 00 00 00 00 00 00 10 5c 00                       # pkg_len 16, cmd 92
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # "group1"
            """);

    /** By hand (§2.6): 92 for one storage id, 16 + 9 bytes. */
    static final byte[] LIST_STORAGE_92_ONE_ID = hex("""
            00 00 00 00 00 00 00 19 5c 00                       # pkg_len 25, cmd 92
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # "group1"
            31 32 37 2e 30 2e 30 2e 33                          # storage id "127.0.0.3", no NUL
            """);

    static final Set<Command> COMMANDS = EnumSet.of(
            Command.SERVER_LIST_ALL_GROUPS, Command.SERVER_LIST_ONE_GROUP, Command.SERVER_LIST_STORAGE);

    static final Map<Command, byte[]> GOLDEN_REQUESTS = Map.of(
            Command.SERVER_LIST_ALL_GROUPS, LIST_ALL_GROUPS_91,
            Command.SERVER_LIST_ONE_GROUP, LIST_ONE_GROUP_90,
            Command.SERVER_LIST_STORAGE, LIST_STORAGE_92);

    // ---- group stats ----------------------------------------------------------------------

    /** wire-captures/monitor.txt: the 113-byte reply to 91, exactly as dumped. */
    static final String GROUPS_REPLY_DUMP = """
            00 00 00 00 00 00 00 71 64 00
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 03 ef e3 00 00 00 00 00 01 38
            08 00 00 00 00 00 00 c9 93 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 02 00 00 00 00 00 00 59
            d8 00 00 00 00 00 00 00 02 00 00 00 00 00 00 00
            02 00 00 00 00 00 00 00 01 00 00 00 00 00 00 00
            01 00 00 00 00 00 00 01 00 ff ff ff ff ff ff ff
            ff
            """;

    /** The same capture split into the fields of the current table (§2.5). */
    static final byte[] GROUPS_REPLY_CURRENT = hex("""
            00 00 00 00 00 00 00 71 64 00                          # pkg_len 113
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00 00     # group_name[17] "group1"
            00 00 00 00 00 03 ef e3                                # total_mb 258019 ("252 GB")
            00 00 00 00 00 01 38 08                                # free_mb 79880 ("78 GB")
            00 00 00 00 00 00 c9 93                                # reserved_mb 51603 ("50 GB")
            00 00 00 00 00 00 00 00                                # trunk_free_mb 0
            00 00 00 00 00 00 00 02                                # storage_count 2
            00 00 00 00 00 00 59 d8                                # storage_port 23000
            00 00 00 00 00 00 00 02                                # readable_server_count 2
            00 00 00 00 00 00 00 02                                # writable_server_count 2
            00 00 00 00 00 00 00 01                                # current_write_server 1
            00 00 00 00 00 00 00 01                                # store_path_count 1
            00 00 00 00 00 00 01 00                                # subdir_count_per_path 256
            ff ff ff ff ff ff ff ff                                # current_trunk_file_id -1
            """);

    /** fdfs_monitor's decoding of the capture (monitor.txt, "Group 1"). */
    static final GroupStat CAPTURED_GROUP = new GroupStat("group1", 258019, 79880, 51603, 0, 2, 23000, 0, 0,
            2, 2, 1, 1, 256, -1);

    /** By hand (§2.5): the 90 reply is one struct; the same bytes as the capture's 91 reply. */
    static final byte[] ONE_GROUP_REPLY_CURRENT = GROUPS_REPLY_CURRENT;

    /**
     * By hand from the classic table (§2.5, tobato's GroupState): two 105-byte groups. Every field
     * has a distinct value so that a shifted offset shows.
     */
    static final byte[] GROUPS_REPLY_CLASSIC = hex("""
            00 00 00 00 00 00 00 d2 64 00                          # pkg_len 210 = 2 x 105
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00 00     # group_name[17] "group1"
            00 00 00 00 00 00 27 11                                # total_mb 10001
            00 00 00 00 00 00 13 89                                # free_mb 5001
            00 00 00 00 00 00 00 65                                # trunk_free_mb 101
            00 00 00 00 00 00 00 03                                # count 3
            00 00 00 00 00 00 59 d8                                # storage_port 23000
            00 00 00 00 00 00 1f 90                                # storage_http_port 8080
            00 00 00 00 00 00 00 02                                # active_count 2
            00 00 00 00 00 00 00 01                                # current_write_server 1
            00 00 00 00 00 00 00 04                                # store_path_count 4
            00 00 00 00 00 00 01 00                                # subdir_count_per_path 256
            00 00 00 00 00 00 00 07                                # current_trunk_file_id 7
            67 72 6f 75 70 32 00 00 00 00 00 00 00 00 00 00 00     # group_name[17] "group2"
            00 00 00 00 00 00 00 64                                # total_mb 100
            00 00 00 00 00 00 00 32                                # free_mb 50
            00 00 00 00 00 00 00 00                                # trunk_free_mb 0
            00 00 00 00 00 00 00 01                                # count 1
            ff ff ff ff ff ff ff ff                                # storage_port -1 (ports differ)
            00 00 00 00 00 00 00 00                                # storage_http_port 0
            00 00 00 00 00 00 00 00                                # active_count 0
            00 00 00 00 00 00 00 00                                # current_write_server 0
            00 00 00 00 00 00 00 01                                # store_path_count 1
            00 00 00 00 00 00 00 20                                # subdir_count_per_path 32
            ff ff ff ff ff ff ff ff                                # current_trunk_file_id -1
            """);

    static final GroupStat CLASSIC_GROUP_1 = new GroupStat("group1", 10001, 5001, 0, 101, 3, 23000, 8080, 2,
            0, 0, 1, 4, 256, 7);
    static final GroupStat CLASSIC_GROUP_2 = new GroupStat("group2", 100, 50, 0, 0, 1, -1, 0, 0, 0, 0, 0, 1, 32, -1);

    @Test
    void theGoldenRequestMapCoversEveryListCommand() {
        assertThat(GOLDEN_REQUESTS.keySet()).containsExactlyInAnyOrderElementsOf(COMMANDS);
    }

    @Test
    void decodesTheListGroupRequests() {
        // request layouts do not depend on the profile
        assertGoldenRequest(LIST_ALL_GROUPS_91, WireProfile.CURRENT, new ListGroupsRequest(), ListGroupsRequest::decode);
        assertGoldenRequest(LIST_ONE_GROUP_90, WireProfile.CLASSIC, new ListOneGroupRequest("group1"),
                ListOneGroupRequest::decode);
        rejects(new byte[1], ListGroupsRequest::decode);
        rejects(new byte[15], ListOneGroupRequest::decode);
        rejects(new byte[17], ListOneGroupRequest::decode);
    }

    @Test
    void theFieldCommentedGroupReplyIsTheCapturedBytes() {
        assertThat(GROUPS_REPLY_CURRENT).isEqualTo(hex(GROUPS_REPLY_DUMP));
    }

    @Test
    void decodesTheListGroupsReplyOfTheMonitorCapture() {
        var list = assertGoldenResponse(GROUPS_REPLY_CURRENT, WireProfile.CURRENT,
                new GroupStatList(List.of(CAPTURED_GROUP)), b -> GroupStatList.decode(b, WireProfile.CURRENT));
        GroupStat g = list.groups().get(0);
        // fdfs_monitor prints MB / 1024 rounded: 252, 78, 50 and 28 GB available
        assertThat(Math.round(g.totalMb() / 1024.0)).isEqualTo(252);
        assertThat(Math.round(g.freeMb() / 1024.0)).isEqualTo(78);
        assertThat(Math.round(g.reservedMb() / 1024.0)).isEqualTo(50);
        assertThat(Math.round((g.freeMb() - g.reservedMb()) / 1024.0)).isEqualTo(28);
    }

    @Test
    void decodesTheListOneGroupReplyAsOneStruct() {
        assertGoldenResponse(ONE_GROUP_REPLY_CURRENT, WireProfile.CURRENT, CAPTURED_GROUP,
                b -> GroupStat.decode(b, WireProfile.CURRENT));
        // the first group of the classic reply, alone
        assertGoldenResponse(responseFrame(Arrays.copyOf(body(GROUPS_REPLY_CLASSIC), 105)), WireProfile.CLASSIC,
                CLASSIC_GROUP_1, b -> GroupStat.decode(b, WireProfile.CLASSIC));
    }

    @Test
    void decodesTheClassicListGroupsReply() {
        assertGoldenResponse(GROUPS_REPLY_CLASSIC, WireProfile.CLASSIC,
                new GroupStatList(List.of(CLASSIC_GROUP_1, CLASSIC_GROUP_2)),
                b -> GroupStatList.decode(b, WireProfile.CLASSIC));
    }

    @Test
    void aClassicGroupStatDecodesTheWayTobatosGroupStateReadsIt() {
        byte[] body = body(GROUPS_REPLY_CLASSIC);
        GroupStat g = GroupStatList.decode(ByteBuffer.wrap(body), WireProfile.CLASSIC).groups().get(0);
        // tobato GroupState: @FdfsColumn index 0..11 at the offsets of the classic table
        ByteBuffer raw = ByteBuffer.wrap(body);
        assertThat(g.groupName()).isEqualTo(text(body, 0, 17));
        assertThat(g.totalMb()).isEqualTo(raw.getLong(17));
        assertThat(g.freeMb()).isEqualTo(raw.getLong(25));
        assertThat(g.trunkFreeMb()).isEqualTo(raw.getLong(33));
        assertThat(g.storageCount()).isEqualTo(raw.getLong(41));
        assertThat(g.storagePort()).isEqualTo(raw.getLong(49));
        assertThat(g.httpPort()).isEqualTo(raw.getLong(57));
        assertThat(g.activeCount()).isEqualTo(raw.getLong(65));
        assertThat(g.currentWriteServer()).isEqualTo(raw.getLong(73));
        assertThat(g.storePathCount()).isEqualTo(raw.getLong(81));
        assertThat(g.subdirCountPerPath()).isEqualTo(raw.getLong(89));
        assertThat(g.currentTrunkFileId()).isEqualTo(raw.getLong(97));
        // the fields the classic layout lacks read as 0
        assertThat(List.of(g.reservedMb(), g.readableCount(), g.writableCount())).containsOnly(0L);
    }

    @Test
    void theSameGroupEncodesToEachLayoutsOwnFields() {
        var g = new GroupStat("g", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        ByteBuffer classic = ByteBuffer.wrap(new GroupStatList(List.of(g)).toBytes(WireProfile.CLASSIC));
        ByteBuffer current = ByteBuffer.wrap(new GroupStatList(List.of(g)).toBytes(WireProfile.CURRENT));
        assertThat(classic.capacity()).isEqualTo(105);
        assertThat(current.capacity()).isEqualTo(113);
        // classic: trunk_free, count, port, http_port, active
        assertThat(List.of(classic.getLong(33), classic.getLong(41), classic.getLong(49), classic.getLong(57),
                classic.getLong(65))).containsExactly(4L, 5L, 6L, 7L, 8L);
        // current: reserved, trunk_free, count, port, readable, writable
        assertThat(List.of(current.getLong(33), current.getLong(41), current.getLong(49), current.getLong(57),
                current.getLong(65), current.getLong(73))).containsExactly(3L, 4L, 5L, 6L, 9L, 10L);
    }

    @Test
    void groupRepliesThatAreNotWholeStructsAreRejected() {
        rejects(Arrays.copyOf(body(GROUPS_REPLY_CURRENT), 112), b -> GroupStatList.decode(b, WireProfile.CURRENT));
        // a current struct read with the classic layout is 8 bytes too long
        assertThat(rejects(body(GROUPS_REPLY_CURRENT), b -> GroupStatList.decode(b, WireProfile.CLASSIC)))
                .contains("105");
        rejects(body(GROUPS_REPLY_CLASSIC), b -> GroupStat.decode(b, WireProfile.CLASSIC));
        assertThat(GroupStatList.decode(ByteBuffer.allocate(0), WireProfile.CURRENT).groups()).isEmpty();
    }

    // ---- storage stats --------------------------------------------------------------------

    static long utc(String time) {
        return Instant.parse(time).getEpochSecond();
    }

    /**
     * wire-captures/monitor.txt, 92 reply: the first 256 of its 974 bytes as dumped. The capture
     * shows only these and the last 16 bytes; the rest is rebuilt below from fdfs_monitor's own
     * decoding of the same reply.
     */
    static final String STORAGES_REPLY_FIRST_256 = """
            07 06 31 32 37 2e 30 2e 30 2e 32 00 00 00 00 00
            00 00 31 32 37 2e 30 2e 30 2e 32 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 36 2e 31 36 2e 31 00 00 00 00 00 00 6b 01
            2c a3 00 00 00 00 6b 01 2c a3 00 00 00 00 00 03
            ef e3 00 00 00 00 00 01 38 08 00 00 00 00 00 00
            c9 93 00 00 00 00 00 00 00 0a 00 00 00 00 00 00
            00 01 00 00 00 00 00 00 01 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 59 d8 00 00 00 40 00 00
            00 02 00 00 00 04 00 00 00 00 00 00 00 05 00 00
            00 00 00 00 00 05 00 00 00 00 00 00 00 01 00 00
            00 00 00 00 00 01 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 06 00 00
            00 00 00 00 00 06 00 00 00 00 00 00 00 03 00 00
            00 00 00 00 00 03 00 00 00 00 00 00 00 08 00 00
            """;

    /** wire-captures/monitor.txt, 92 reply: "last 16 bytes". */
    static final String STORAGES_REPLY_LAST_16 = "00 00 00 6b 01 2d 94 00 00 00 00 6b 01 2d 9e 00";

    static final long JOIN_1 = utc("2026-11-21T05:31:15Z");
    static final long JOIN_2 = utc("2026-11-21T05:31:20Z");

    /** Storage 1 of the capture, current IPv4 layout (§2.6), 487 bytes. */
    static final byte[] CAPTURED_STORAGE_1 = concat(
            hex("07"),                                  // status 7 = ACTIVE
            hex("06"),                                  // rw_mode 6 = both
            padded("127.0.0.2", 16),                    // id
            padded("127.0.0.2", 16),                    // ip_addr
            padded("", 16),                             // src_id "" (first storage of the group)
            padded("6.16.1", 8),                        // version
            long8(JOIN_1),                              // join_time 2026-11-21 05:31:15
            long8(JOIN_1),                              // up_time 2026-11-21 05:31:15
            long8(258019),                              // total_mb ("252 GB")
            long8(79880),                               // free_mb ("78 GB")
            long8(51603),                               // reserved_mb ("50 GB")
            long8(10),                                  // upload_priority
            long8(1),                                   // store_path_count
            long8(256),                                 // subdir_count_per_path
            long8(0),                                   // current_write_path
            long8(23000),                               // storage_port
            statBlock(64, 2, 4,                         // connection alloc/current/max
                    5, 5, 1, 1, 0, 0, 0, 0,             // upload, append, modify, truncate (total, success)
                    6, 6, 3, 3, 8, 8, 3, 3,             // set_meta, delete, download, get_meta
                    0, 0, 0, 0,                         // create_link, delete_link
                    196, 196, 16, 16, 0, 0, 242, 242,   // upload, append, modify, download bytes
                    1049120, 1048892, 0, 0,             // sync_in, sync_out bytes
                    27, 27, 12, 12, 19, 19,             // file open, read, write
                    utc("2026-11-21T05:35:15Z"),        // last_source_update
                    utc("2026-11-21T05:34:52Z"),        // last_sync_update
                    utc("2026-11-21T05:34:53Z"),        // last_synced_timestamp
                    utc("2026-11-21T05:35:21Z")),       // last_heart_beat_time
            hex("00"));                                 // if_trunk_server 0

    /**
     * Storage 2 of the capture. fdfs_monitor prints its space in GB only (252 / 78 / 50, as for
     * storage 1, on the same disk); we take storage 1's MB values.
     */
    static final byte[] CAPTURED_STORAGE_2 = concat(
            hex("07"),                                  // status 7 = ACTIVE
            hex("06"),                                  // rw_mode 6 = both
            padded("127.0.0.3", 16),                    // id
            padded("127.0.0.3", 16),                    // ip_addr
            padded("127.0.0.2", 16),                    // src_id: copied its data from storage 1
            padded("6.16.1", 8),                        // version
            long8(JOIN_2),                              // join_time 2026-11-21 05:31:20
            long8(JOIN_2),                              // up_time
            long8(258019),                              // total_mb (assumed, "252 GB")
            long8(79880),                               // free_mb (assumed, "78 GB")
            long8(51603),                               // reserved_mb (assumed, "50 GB")
            long8(10),                                  // upload_priority
            long8(1),                                   // store_path_count
            long8(256),                                 // subdir_count_per_path
            long8(0),                                   // current_write_path
            long8(23000),                               // storage_port
            statBlock(64, 2, 4,
                    5, 5, 2, 2, 0, 0, 0, 0,             // upload, append, modify, truncate
                    2, 2, 0, 0, 1, 1, 0, 0,             // set_meta, delete, download, get_meta
                    0, 0, 0, 0,                         // create_link, delete_link
                    1048698, 1048698, 32, 32, 0, 0, 1048576, 1048576,
                    569, 569, 0, 0,                     // sync_in, sync_out bytes
                    25, 25, 8, 8, 25, 25,               // file open, read, write
                    utc("2026-11-21T05:34:52Z"),        // last_source_update
                    utc("2026-11-21T05:35:26Z"),        // last_sync_update
                    utc("2026-11-21T05:35:16Z"),        // last_synced_timestamp
                    utc("2026-11-21T05:35:26Z")),       // last_heart_beat_time
            hex("00"));                                 // if_trunk_server 0

    static final byte[] STORAGES_REPLY_CURRENT = responseFrame(CAPTURED_STORAGE_1, CAPTURED_STORAGE_2);

    static StatBlock stat(long... values) {
        Map<StatField, Long> m = new EnumMap<>(StatField.class);
        for (int i = 0; i < values.length; i++) {
            m.put(StatField.values()[i], values[i]);
        }
        return StatBlock.of(m);
    }

    /** fdfs_monitor's decoding of storage 1 (monitor.txt, "Storage 1"). */
    static final StorageStat MONITOR_STORAGE_1 = new StorageStat(7, StorageStat.RW_BOTH, "127.0.0.2", "127.0.0.2", "",
            "", "6.16.1", JOIN_1, JOIN_1, 258019, 79880, 51603, 10, 1, 256, 0, 23000, 0,
            stat(64, 2, 4, 5, 5, 1, 1, 0, 0, 0, 0, 6, 6, 3, 3, 8, 8, 3, 3, 0, 0, 0, 0,
                    196, 196, 16, 16, 0, 0, 242, 242, 1049120, 1048892, 0, 0, 27, 27, 12, 12, 19, 19,
                    utc("2026-11-21T05:35:15Z"), utc("2026-11-21T05:34:52Z"), utc("2026-11-21T05:34:53Z"),
                    utc("2026-11-21T05:35:21Z")),
            false);

    /** fdfs_monitor's decoding of storage 2 (monitor.txt, "Storage 2"). */
    static final StorageStat MONITOR_STORAGE_2 = new StorageStat(7, StorageStat.RW_BOTH, "127.0.0.3", "127.0.0.3", "",
            "127.0.0.2", "6.16.1", JOIN_2, JOIN_2, 258019, 79880, 51603, 10, 1, 256, 0, 23000, 0,
            stat(64, 2, 4, 5, 5, 2, 2, 0, 0, 0, 0, 2, 2, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0,
                    1048698, 1048698, 32, 32, 0, 0, 1048576, 1048576, 569, 569, 0, 0, 25, 25, 8, 8, 25, 25,
                    utc("2026-11-21T05:34:52Z"), utc("2026-11-21T05:35:26Z"), utc("2026-11-21T05:35:16Z"),
                    utc("2026-11-21T05:35:26Z")),
            false);

    @Test
    void decodesTheListStorageRequests() {
        assertGoldenRequest(LIST_STORAGE_92, WireProfile.CURRENT, new ListStoragesRequest("group1"),
                ListStoragesRequest::decode);
        assertGoldenRequest(LIST_STORAGE_92_ONE_ID, WireProfile.CLASSIC, new ListStoragesRequest("group1", "127.0.0.3"),
                ListStoragesRequest::decode);
    }

    @Test
    void listStorageRequestsOutsideTheTrackerLimitsAreRejected() {
        rejects(new byte[15], ListStoragesRequest::decode);
        rejects(new byte[32], ListStoragesRequest::decode); // id of 16 bytes: the body must stay below 32
        byte[] nulInId = concat(padded("group1", 16), hex("41 00 42"));
        assertThat(rejects(nulInId, ListStoragesRequest::decode)).contains("NUL");
    }

    @Test
    void theRebuiltStorageReplyMatchesEveryByteTheCaptureShows() {
        byte[] body = body(STORAGES_REPLY_CURRENT);
        assertThat(Arrays.copyOfRange(STORAGES_REPLY_CURRENT, 0, 10)).isEqualTo(hex("00 00 00 00 00 00 03 ce 64 00"));
        assertThat(body).hasSize(974);
        assertThat(Arrays.copyOf(body, 256)).isEqualTo(hex(STORAGES_REPLY_FIRST_256));
        assertThat(Arrays.copyOfRange(body, 974 - 16, 974)).isEqualTo(hex(STORAGES_REPLY_LAST_16));
    }

    @Test
    void decodesTheListStoragesReplyOfTheMonitorCapture() {
        var list = assertGoldenResponse(STORAGES_REPLY_CURRENT, WireProfile.CURRENT,
                new StorageStatList(List.of(MONITOR_STORAGE_1, MONITOR_STORAGE_2)),
                b -> StorageStatList.decode(b, WireProfile.CURRENT));
        StorageStat s1 = list.storages().get(0);
        assertThat(s1.stat().get(StatField.TOTAL_SYNC_IN_BYTES)).isEqualTo(1049120);
        assertThat(s1.stat().get(StatField.LAST_HEART_BEAT_TIME)).isEqualTo(utc("2026-11-21T05:35:21Z"));
        assertThat(list.storages().get(1).srcId()).isEqualTo("127.0.0.2");
        // the capture's last synced timestamp of storage 2 is "05:35:16 (0 second delay)"
        assertThat(Instant.ofEpochSecond(list.storages().get(1).stat().get(StatField.LAST_SYNCED_TIMESTAMP)))
                .isEqualTo(Instant.parse("2026-11-21T05:35:16Z"));
    }

    @Test
    void decodingFindsTheStructSizeFromTheProfileAndChecksTheLengthIsAMultiple() {
        assertThat(StorageStat.size(WireProfile.CLASSIC)).isEqualTo(612);
        assertThat(StorageStat.size(WireProfile.CURRENT)).isEqualTo(487);
        assertThat(StorageStat.size(WireProfile.CURRENT_IPV6)).isEqualTo(517);
        byte[] body = body(STORAGES_REPLY_CURRENT);
        assertThat(rejects(Arrays.copyOf(body, 973), b -> StorageStatList.decode(b, WireProfile.CURRENT)))
                .contains("487");
        rejects(body, b -> StorageStatList.decode(b, WireProfile.CURRENT_IPV6));
        rejects(body, b -> StorageStatList.decode(b, WireProfile.CLASSIC));
        rejects(body, b -> StorageStat.decode(b, WireProfile.CURRENT)); // two structs where one is expected
        assertThat(StorageStatList.decode(ByteBuffer.allocate(0), WireProfile.CLASSIC).storages()).isEmpty();
    }

    /** By hand from the current table with 46-byte IPs (§2.6): one 517-byte storage. */
    static final byte[] STORAGES_REPLY_IPV6 = responseFrame(
            hex("01"),                                  // status 1 = WAIT_SYNC
            hex("04"),                                  // rw_mode 4 = read-only
            padded("100001", 16),                       // id
            padded("fd00::1:2", 46),                    // ip_addr[46]
            padded("100002", 16),                       // src_id
            padded("6.16.1", 8),                        // version
            long8(1_700_000_000L),                      // join_time
            long8(1_700_000_100L),                      // up_time
            long8(1000), long8(900), long8(100),        // total_mb, free_mb, reserved_mb
            long8(5), long8(2), long8(64), long8(1),    // upload_priority, store_path_count, subdirs, write path
            long8(23001),                               // storage_port
            statBlock(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
                    24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45),
            hex("01"));                                 // if_trunk_server 1

    @Test
    void decodesAStorageStatWithIpv6Width() {
        var expected = new StorageStat(1, StorageStat.RW_READ_ONLY, "100001", "fd00::1:2", "", "100002", "6.16.1",
                1_700_000_000L, 1_700_000_100L, 1000, 900, 100, 5, 2, 64, 1, 23001, 0,
                stat(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
                        24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45),
                true);
        assertThat(body(STORAGES_REPLY_IPV6)).hasSize(517);
        assertGoldenResponse(STORAGES_REPLY_IPV6, WireProfile.CURRENT_IPV6, new StorageStatList(List.of(expected)),
                b -> StorageStatList.decode(b, WireProfile.CURRENT_IPV6));
    }

    /**
     * By hand from the classic table (§2.6, tobato's StorageState): one 612-byte storage with a
     * domain name, a 6-byte version and an HTTP port. Distinct values in every field.
     */
    static final byte[] STORAGES_REPLY_CLASSIC = responseFrame(
            hex("07"),                                  // 0   status 7 = ACTIVE
            padded("192.168.1.21", 16),                 // 1   id
            padded("192.168.1.21", 16),                 // 17  ip_addr
            padded("img.example.com", 128),             // 33  domain_name
            padded("192.168.1.20", 16),                 // 161 src_id
            padded("6.06", 6),                          // 177 version[6]
            long8(1_600_000_001L),                      // 183 join_time
            long8(1_600_000_002L),                      // 191 up_time
            long8(500_003),                             // 199 total_mb
            long8(400_004),                             // 207 free_mb
            long8(9),                                   // 215 upload_priority
            long8(2),                                   // 223 store_path_count
            long8(255),                                 // 231 subdir_count_per_path
            long8(1),                                   // 239 current_write_path
            long8(23000),                               // 247 storage_port
            long8(8888),                                // 255 storage_http_port
            statBlock(100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116,
                    117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134,
                    135, 136, 137, 138, 139, 140, 141, 142, 143, 144), // 263 stat block
            hex("01"));                                 // 611 if_trunk_server 1

    static final StorageStat CLASSIC_STORAGE = new StorageStat(7, 0, "192.168.1.21", "192.168.1.21",
            "img.example.com", "192.168.1.20", "6.06", 1_600_000_001L, 1_600_000_002L, 500_003, 400_004, 0, 9, 2,
            255, 1, 23000, 8888,
            stat(100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118,
                    119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136,
                    137, 138, 139, 140, 141, 142, 143, 144),
            true);

    @Test
    void decodesTheClassicListStoragesReply() {
        assertThat(body(STORAGES_REPLY_CLASSIC)).hasSize(612);
        assertGoldenResponse(STORAGES_REPLY_CLASSIC, WireProfile.CLASSIC, new StorageStatList(List.of(CLASSIC_STORAGE)),
                b -> StorageStatList.decode(b, WireProfile.CLASSIC));
    }

    @Test
    void aClassicStorageStatDecodesTheWayTobatosStorageStateReadsIt() {
        byte[] body = body(STORAGES_REPLY_CLASSIC);
        StorageStat s = StorageStat.decode(ByteBuffer.wrap(body), WireProfile.CLASSIC);
        ByteBuffer raw = ByteBuffer.wrap(body);
        // tobato StorageState: @FdfsColumn index 0..62 at the offsets of the classic table
        assertThat(s.status()).isEqualTo(body[0]);
        assertThat(s.id()).isEqualTo(text(body, 1, 16));
        assertThat(s.ip()).isEqualTo(text(body, 17, 16));
        assertThat(s.domainName()).isEqualTo(text(body, 33, 128));
        assertThat(s.srcId()).isEqualTo(text(body, 161, 16));
        assertThat(s.version()).isEqualTo(text(body, 177, 6));
        assertThat(s.joinTime()).isEqualTo(raw.getLong(183));
        assertThat(s.upTime()).isEqualTo(raw.getLong(191));
        assertThat(s.totalMb()).isEqualTo(raw.getLong(199));
        assertThat(s.freeMb()).isEqualTo(raw.getLong(207));
        assertThat(s.uploadPriority()).isEqualTo(raw.getLong(215));
        assertThat(s.storePathCount()).isEqualTo(raw.getLong(223));
        assertThat(s.subdirCountPerPath()).isEqualTo(raw.getLong(231));
        assertThat(s.currentWritePath()).isEqualTo(raw.getLong(239));
        assertThat(s.storagePort()).isEqualTo(raw.getLong(247));
        assertThat(s.httpPort()).isEqualTo(raw.getLong(255));
        assertThat(s.stat().get(StatField.CONNECTION_ALLOC_COUNT)).isEqualTo(raw.getInt(263));
        assertThat(s.stat().get(StatField.CONNECTION_MAX_COUNT)).isEqualTo(raw.getInt(271));
        assertThat(s.stat().get(StatField.TOTAL_UPLOAD_COUNT)).isEqualTo(raw.getLong(275));
        assertThat(s.stat().get(StatField.LAST_HEART_BEAT_TIME)).isEqualTo(raw.getLong(603));
        assertThat(s.trunkServer()).isEqualTo(body[611] != 0);
        // the fields the classic layout lacks read as 0
        assertThat(s.rwMode()).isZero();
        assertThat(s.reservedMb()).isZero();
    }

    @Test
    void theClassicLayoutCutsTheVersionToSixBytes() {
        var s = new StorageStat(7, 6, "a", "1.2.3.4", "", "", "6.16.10", 0, 0, 0, 0, 0, 0, 0, 0, 0, 23000, 0,
                StatBlock.EMPTY, false);
        byte[] classic = s.toBytes(WireProfile.CLASSIC);
        assertThat(text(classic, 177, 6)).isEqualTo("6.16.1");
        assertThat(StorageStat.decode(ByteBuffer.wrap(s.toBytes(WireProfile.CURRENT)), WireProfile.CURRENT).version())
                .isEqualTo("6.16.10");
    }

    private static String text(byte[] body, int offset, int width) {
        return Wire.getFixed(ByteBuffer.wrap(body, offset, width), width);
    }

    @Test
    void aStorageIdPaddedWithNulsAsTobatoSendsItIsReadUpToThePadding() {
        byte[] body = concat(padded("group1", 16), padded("127.0.0.2", 15));
        assertThat(ListStoragesRequest.decode(java.nio.ByteBuffer.wrap(body)))
                .isEqualTo(new ListStoragesRequest("group1", "127.0.0.2"));
    }
}
