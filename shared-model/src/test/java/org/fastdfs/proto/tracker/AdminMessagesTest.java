package org.fastdfs.proto.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fastdfs.proto.FrameFixtures.assertGoldenRequest;
import static org.fastdfs.proto.FrameFixtures.assertGoldenResponse;
import static org.fastdfs.proto.FrameFixtures.concat;
import static org.fastdfs.proto.FrameFixtures.hex;
import static org.fastdfs.proto.FrameFixtures.int4;
import static org.fastdfs.proto.FrameFixtures.long8;
import static org.fastdfs.proto.FrameFixtures.padded;
import static org.fastdfs.proto.FrameFixtures.requestFrame;
import static org.fastdfs.proto.FrameFixtures.responseFrame;
import static org.fastdfs.proto.tracker.TrackerFixtures.body;
import static org.fastdfs.proto.tracker.TrackerFixtures.rejects;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.WireProfile;
import org.junit.jupiter.api.Test;

/**
 * Administrative commands (93, 94, 108, PROTOCOL.md §2.7) and the 6.15.5+ monitor commands (95-98,
 * §2.8). None of these layouts depends on the profile: one profile is enough for each golden frame.
 */
class AdminMessagesTest {

    /** By hand (§2.7): 93 for storage "127.0.0.3" of group1: 16 + 9 bytes. */
    static final byte[] DELETE_STORAGE_93 = hex("""
            00 00 00 00 00 00 00 19 5d 00                       # pkg_len 25, cmd 93
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # "group1"
            31 32 37 2e 30 2e 30 2e 33                          # storage id "127.0.0.3", no NUL
            """);

    /** By hand (§2.7): 108 for group9. */
    static final byte[] DELETE_GROUP_108 = hex("""
            00 00 00 00 00 00 00 10 6c 00                       # pkg_len 16, cmd 108
            67 72 6f 75 70 39 00 00 00 00 00 00 00 00 00 00     # "group9"
            """);

    /** By hand (§2.7): 94 naming storage 100001. */
    static final byte[] SET_TRUNK_SERVER_94 = hex("""
            00 00 00 00 00 00 00 16 5e 00                       # pkg_len 22, cmd 94
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # "group1"
            31 30 30 30 30 31                                   # storage id "100001"
            """);

    /** By hand (§2.7): 94 with no id (keep the ACTIVE trunk server or pick one). */
    static final byte[] SET_TRUNK_SERVER_94_AUTO = hex("""
            00 00 00 00 00 00 00 10 5e 00                       # pkg_len 16, cmd 94
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00     # "group1"
            """);

    /** By hand (§2.7): the chosen id and a NUL. */
    static final byte[] TRUNK_SERVER_REPLY = hex("""
            00 00 00 00 00 00 00 07 64 00                       # pkg_len 7 = strlen + 1
            31 30 30 30 30 31 00                                # "100001" NUL
            """);

    /** By hand (§2.8): 95 has an empty body. */
    static final byte[] GET_LEADER_95 = hex("00 00 00 00 00 00 00 00 5f 00");

    /** By hand (§2.8): "ip:port" text. */
    static final byte[] LEADER_REPLY = hex("""
            00 00 00 00 00 00 00 0f 64 00                       # pkg_len 15
            31 32 37 2e 30 2e 30 2e 31 3a 32 32 31 32 32        # "127.0.0.1:22122"
            """);

    /** By hand (§2.8): an IPv6 leader in brackets. */
    static final byte[] LEADER_REPLY_IPV6 = hex("""
            00 00 00 00 00 00 00 10 64 00                       # pkg_len 16
            5b 66 64 30 30 3a 3a 31 30 5d 3a 32 32 31 32 32     # "[fd00::10]:22122"
            """);

    /** By hand (§2.8): 96 filtering by is_active (bit 1) and is_leader (bit 2): active, not leader. */
    static final byte[] TRACKER_CLUSTER_STAT_96 = hex("""
            00 00 00 00 00 00 00 03 60 00                       # pkg_len 3, cmd 96
            03                                                  # filter_by = is_active | is_leader
            01                                                  # is_active 1
            00                                                  # is_leader 0
            """);

    /** By hand (§2.8): two trackers, 1 + 2 x 90 bytes. */
    static final byte[] TRACKER_CLUSTER_STAT_REPLY = responseFrame(
            hex("02"),                                          // count 2 (1 byte)
            padded("127.0.0.1:22122", 52),                      // host[52]
            hex("01 01"),                                       // is_leader 1, is_active 1
            int4(256), int4(3), int4(10),                       // connection alloc/current/max
            padded("6.16.1", 8),                                // version[8]
            long8(1_790_000_000L),                              // up_time
            long8(1_790_000_500L),                              // last_heartbeat_time
            padded("127.0.0.11:22122", 52),
            hex("00 00"),                                       // not leader, not active
            int4(256), int4(1), int4(2),
            padded("6.16.0", 8),
            long8(1_790_000_010L),
            long8(1_790_000_400L));

    /** By hand (§2.8): 97 keeping ACTIVE storages (filter by status, '=', 7). */
    static final byte[] STORAGE_CLUSTER_STAT_97 = hex("""
            00 00 00 00 00 00 00 04 61 00                       # pkg_len 4, cmd 97
            02                                                  # filter_by = status
            3d                                                  # op_type '='
            07                                                  # status 7 = ACTIVE
            00                                                  # is_trunk_server 0
            """);

    /** By hand (§2.8): header + one 106-byte storage. */
    static final byte[] STORAGE_CLUSTER_STAT_REPLY = responseFrame(
            hex("01 01"),                                       // use_storage_id 1, use_trunk_file 1
            int4(1),                                            // count 1 (4 bytes)
            padded("100001", 16),                               // id[16]
            padded("127.0.0.2:23000", 52),                      // host[52]
            hex("01"),                                          // is_trunk_server 1
            hex("07"),                                          // status 7 = ACTIVE
            int4(64), int4(2), int4(4),                         // connection alloc/current/max
            padded("6.16.1", 8),                                // version[8]
            long8(1_795_238_275L),                              // up_time
            long8(1_795_238_521L));                             // last_heartbeat_time

    /** By hand (§2.8): 98 keeping groups with disk space (bits 1 and 4). */
    static final byte[] STORAGE_VOLUME_STAT_98 = hex("""
            00 00 00 00 00 00 00 04 62 00                       # pkg_len 4, cmd 98
            05                                                  # filter_by = disk | space
            01                                                  # is_disk_available 1
            00                                                  # is_trunk_available 0
            01                                                  # is_space_available 1
            """);

    /** By hand (§2.8): header + one 59-byte group. */
    static final byte[] STORAGE_VOLUME_STAT_REPLY = responseFrame(
            hex("00"),                                          // use_trunk_file 0
            int4(1),                                            // count 1
            padded("group1", 17),                               // group_name[17]
            long8(258019),                                      // total_mb
            long8(79880),                                       // free_mb
            long8(51603),                                       // reserved_mb
            long8(28277),                                       // avail_mb = free - reserved
            long8(0),                                           // trunk_free_mb
            hex("01 00"));                                      // is_disk_available 1, is_trunk_available 0

    static final Set<Command> COMMANDS = EnumSet.of(Command.SERVER_DELETE_STORAGE, Command.SERVER_DELETE_GROUP,
            Command.SERVER_SET_TRUNK_SERVER, Command.SERVER_GET_LEADER, Command.SERVER_TRACKER_CLUSTER_STAT,
            Command.SERVER_STORAGE_CLUSTER_STAT, Command.SERVER_STORAGE_VOLUME_STAT);

    static final Map<Command, byte[]> GOLDEN_REQUESTS = Map.of(
            Command.SERVER_DELETE_STORAGE, DELETE_STORAGE_93,
            Command.SERVER_DELETE_GROUP, DELETE_GROUP_108,
            Command.SERVER_SET_TRUNK_SERVER, SET_TRUNK_SERVER_94,
            Command.SERVER_GET_LEADER, GET_LEADER_95,
            Command.SERVER_TRACKER_CLUSTER_STAT, TRACKER_CLUSTER_STAT_96,
            Command.SERVER_STORAGE_CLUSTER_STAT, STORAGE_CLUSTER_STAT_97,
            Command.SERVER_STORAGE_VOLUME_STAT, STORAGE_VOLUME_STAT_98);

    @Test
    void theGoldenRequestMapCoversEveryAdminAndMonitorCommand() {
        assertThat(GOLDEN_REQUESTS.keySet()).containsExactlyInAnyOrderElementsOf(COMMANDS);
    }

    // ---- 93, 108, 94 ----------------------------------------------------------------------

    @Test
    void decodesTheDeleteRequests() {
        // 93 and 108 answer with an empty body: no reply record
        assertGoldenRequest(DELETE_STORAGE_93, WireProfile.CLASSIC, new DeleteStorageRequest("group1", "127.0.0.3"),
                DeleteStorageRequest::decode);
        assertGoldenRequest(DELETE_GROUP_108, WireProfile.CURRENT, new DeleteGroupRequest("group9"),
                DeleteGroupRequest::decode);
    }

    @Test
    void deleteRequestsOutsideTheTrackerLimitsAreRejected() {
        rejects(new byte[16], DeleteStorageRequest::decode); // the id is mandatory
        rejects(new byte[32], DeleteStorageRequest::decode);
        rejects(concat(padded("group1", 16), hex("00")), DeleteStorageRequest::decode);
        rejects(new byte[15], DeleteGroupRequest::decode);
        rejects(new byte[17], DeleteGroupRequest::decode);
        assertThatThrownBy(() -> new DeleteStorageRequest("group1", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeleteStorageRequest("group1", "0123456789abcdef"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodesTheSetTrunkServerRequestAndItsReply() {
        assertGoldenRequest(SET_TRUNK_SERVER_94, WireProfile.CURRENT, new SetTrunkServerRequest("group1", "100001"),
                SetTrunkServerRequest::decode);
        assertGoldenRequest(SET_TRUNK_SERVER_94_AUTO, WireProfile.CLASSIC, new SetTrunkServerRequest("group1", ""),
                SetTrunkServerRequest::decode);
        assertGoldenResponse(TRUNK_SERVER_REPLY, WireProfile.CURRENT, new TrunkServerResponse("100001"),
                TrunkServerResponse::decode);
    }

    @Test
    void aTrunkServerReplyWithoutItsNulOrIdIsRejected() {
        assertThat(rejects(hex("31 30 30 30 30 31"), TrunkServerResponse::decode)).contains("NUL");
        rejects(hex("00"), TrunkServerResponse::decode);
        rejects(new byte[0], TrunkServerResponse::decode);
        rejects(concat("0123456789abcdef".getBytes(), hex("00")), TrunkServerResponse::decode);
        rejects(hex("31 00 32 00"), TrunkServerResponse::decode);
        rejects(new byte[15], SetTrunkServerRequest::decode);
        rejects(new byte[32], SetTrunkServerRequest::decode);
    }

    // ---- 95 -------------------------------------------------------------------------------

    @Test
    void decodesTheGetLeaderRequestAndItsReplies() {
        assertGoldenRequest(GET_LEADER_95, WireProfile.CURRENT, new GetLeaderRequest(), GetLeaderRequest::decode);
        var leader = assertGoldenResponse(LEADER_REPLY, WireProfile.CURRENT, new LeaderResponse("127.0.0.1", 22122),
                LeaderResponse::decode);
        assertThat(leader.address()).isEqualTo(new ServerAddress("127.0.0.1", 22122));
        assertGoldenResponse(LEADER_REPLY_IPV6, WireProfile.CURRENT_IPV6, new LeaderResponse("fd00::10", 22122),
                LeaderResponse::decode);
    }

    @Test
    void aLeaderReplyWithoutAUsablePortIsRejected() {
        rejects(hex("01"), GetLeaderRequest::decode);
        rejects("127.0.0.1".getBytes(), LeaderResponse::decode);
        rejects("127.0.0.1:".getBytes(), LeaderResponse::decode);
        rejects("127.0.0.1:0".getBytes(), LeaderResponse::decode);
        rejects("127.0.0.1:65536".getBytes(), LeaderResponse::decode);
        rejects("127.0.0.1:22x22".getBytes(), LeaderResponse::decode);
        rejects("[fd00::10:22122".getBytes(), LeaderResponse::decode);
        rejects(new byte[0], LeaderResponse::decode);
    }

    // ---- 96, 97, 98 -----------------------------------------------------------------------

    @Test
    void decodesTheTrackerClusterStatRequestAndReply() {
        assertGoldenRequest(TRACKER_CLUSTER_STAT_96, WireProfile.CURRENT,
                new TrackerClusterStatRequest(TrackerClusterStatRequest.FILTER_BY_IS_ACTIVE
                        | TrackerClusterStatRequest.FILTER_BY_IS_LEADER, true, false),
                TrackerClusterStatRequest::decode);
        assertThat(body(TRACKER_CLUSTER_STAT_REPLY)).hasSize(1 + 2 * 90);
        assertGoldenResponse(TRACKER_CLUSTER_STAT_REPLY, WireProfile.CURRENT, new TrackerClusterStat(List.of(
                        new TrackerClusterStat.Tracker("127.0.0.1:22122", true, true, 256, 3, 10, "6.16.1",
                                1_790_000_000L, 1_790_000_500L),
                        new TrackerClusterStat.Tracker("127.0.0.11:22122", false, false, 256, 1, 2, "6.16.0",
                                1_790_000_010L, 1_790_000_400L))),
                TrackerClusterStat::decode);
    }

    @Test
    void decodesTheStorageClusterStatRequestAndReply() {
        assertGoldenRequest(STORAGE_CLUSTER_STAT_97, WireProfile.CURRENT,
                new StorageClusterStatRequest(StorageClusterStatRequest.FILTER_BY_STATUS,
                        StorageClusterStatRequest.OP_EQUAL, 7, false),
                StorageClusterStatRequest::decode);
        assertThat(body(STORAGE_CLUSTER_STAT_REPLY)).hasSize(6 + 106);
        assertGoldenResponse(STORAGE_CLUSTER_STAT_REPLY, WireProfile.CURRENT, new StorageClusterStat(true, true, List.of(
                        new StorageClusterStat.Storage("100001", "127.0.0.2:23000", true, 7, 64, 2, 4, "6.16.1",
                                1_795_238_275L, 1_795_238_521L))),
                StorageClusterStat::decode);
    }

    @Test
    void decodesTheStorageVolumeStatRequestAndReply() {
        assertGoldenRequest(STORAGE_VOLUME_STAT_98, WireProfile.CURRENT,
                new StorageVolumeStatRequest(StorageVolumeStatRequest.FILTER_BY_IS_DISK_AVAILABLE
                        | StorageVolumeStatRequest.FILTER_BY_IS_SPACE_AVAILABLE, true, false, true),
                StorageVolumeStatRequest::decode);
        assertThat(body(STORAGE_VOLUME_STAT_REPLY)).hasSize(5 + 59);
        assertGoldenResponse(STORAGE_VOLUME_STAT_REPLY, WireProfile.CURRENT, new StorageVolumeStat(false, List.of(
                        new StorageVolumeStat.Volume("group1", 258019, 79880, 51603, 28277, 0, true, false))),
                StorageVolumeStat::decode);
    }

    @Test
    void emptyClusterStatRepliesDecode() {
        assertThat(TrackerClusterStat.decode(java.nio.ByteBuffer.wrap(hex("00"))).trackers()).isEmpty();
        assertThat(StorageClusterStat.decode(java.nio.ByteBuffer.wrap(hex("00 00 00 00 00 00"))).storages()).isEmpty();
        assertThat(StorageVolumeStat.decode(java.nio.ByteBuffer.wrap(hex("01 00 00 00 00"))).groups()).isEmpty();
    }

    @Test
    void clusterStatMessagesWithBadLengthsOrFlagsAreRejected() {
        rejects(new byte[2], TrackerClusterStatRequest::decode);
        rejects(new byte[4], TrackerClusterStatRequest::decode);
        rejects(hex("01 02 00"), TrackerClusterStatRequest::decode); // is_active must be 0 or 1
        rejects(new byte[3], StorageClusterStatRequest::decode);
        rejects(hex("00 00 00 05"), StorageClusterStatRequest::decode);
        rejects(new byte[5], StorageVolumeStatRequest::decode);
        rejects(hex("00 00 07 00"), StorageVolumeStatRequest::decode);
        byte[] trackers = body(TRACKER_CLUSTER_STAT_REPLY);
        rejects(Arrays.copyOf(trackers, trackers.length - 1), TrackerClusterStat::decode);
        rejects(new byte[0], TrackerClusterStat::decode);
        byte[] storages = body(STORAGE_CLUSTER_STAT_REPLY);
        rejects(Arrays.copyOf(storages, storages.length + 1), StorageClusterStat::decode);
        rejects(hex("00 00 ff ff ff ff"), StorageClusterStat::decode); // negative count
        rejects(hex("00 00 00"), StorageClusterStat::decode);
        byte[] volumes = body(STORAGE_VOLUME_STAT_REPLY);
        rejects(Arrays.copyOf(volumes, volumes.length - 1), StorageVolumeStat::decode);
        volumes[volumes.length - 2] = 2; // is_disk_available 2
        rejects(volumes, StorageVolumeStat::decode);
    }

    @Test
    void requestFramesOfTheAdminCommandsMatchTheFixtureBuilder() {
        // the hand-written hex above agrees with the fixture builder fed the table's fields
        assertThat(DELETE_STORAGE_93).isEqualTo(requestFrame(Command.SERVER_DELETE_STORAGE,
                padded("group1", 16), "127.0.0.3".getBytes()));
        assertThat(SET_TRUNK_SERVER_94).isEqualTo(requestFrame(Command.SERVER_SET_TRUNK_SERVER,
                padded("group1", 16), "100001".getBytes()));
    }
}
