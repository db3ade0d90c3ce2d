package org.fastdfs.proto.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fastdfs.proto.FrameFixtures.ascii;
import static org.fastdfs.proto.FrameFixtures.assertGoldenRequest;
import static org.fastdfs.proto.FrameFixtures.assertGoldenResponse;
import static org.fastdfs.proto.FrameFixtures.concat;
import static org.fastdfs.proto.FrameFixtures.decodeAllWays;
import static org.fastdfs.proto.FrameFixtures.hex;
import static org.fastdfs.proto.cluster.ClusterFixtures.EMPTY_16;
import static org.fastdfs.proto.cluster.ClusterFixtures.GROUP1_16;
import static org.fastdfs.proto.cluster.ClusterFixtures.GROUP2_16;
import static org.fastdfs.proto.cluster.ClusterFixtures.ID_100001;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.FrameFixtures;
import org.fastdfs.proto.WireProfile;
import org.junit.jupiter.api.Test;

/**
 * Golden frames of the tracker-to-tracker commands (PROTOCOL.md §4.12), written by hand from the tables
 * (no captures exist). These layouts are the same in every profile (JOIN_LEADER exists only since 6.15.5),
 * so the current profile alone is checked.
 */
class TrackerTrackerFramesTest {

    private static final WireProfile CURRENT = WireProfile.CURRENT;

    static final byte[] GET_STATUS = hex("00 00 00 00 00 00 00 00  40 00   # pkg_len 0, cmd 64 TRACKER_GET_STATUS");
    static final byte[] STATUS_REPLY = hex("""
            00 00 00 00 00 00 00 11  64 00   # pkg_len 17, RESP
            01                               # if_leader 1
            00 00 00 00 00 01 51 80          # running_time 86400 s
            00 00 00 00 00 00 00 78          # restart_interval 120 s
            """);

    static final byte[] JOIN_LEADER = hex("""
            00 00 00 00 00 00 00 18  3a 00   # pkg_len 24, cmd 58 TRACKER_JOIN_LEADER
            00 00 00 00 66 85 1e 00          # up_time 1720000000
            36 2e 31 36 2e 31 00 00          # version (8) "6.16.1"
            00 00 00 00 00 00 56 6a          # server_port 22122
            """);

    static final byte[] PING_LEADER = hex("""
            00 00 00 00 00 00 00 0c  41 00   # pkg_len 12, cmd 65 TRACKER_PING_LEADER
            00 00 00 08                      # connection alloc_count 8
            00 00 00 03                      # connection current_count 3
            00 00 01 00                      # connection max_count 256
            """);
    /** Trunk servers changed: group1 → 100001, group2 → none. 2 × 32 = 64 = 0x40. */
    static final byte[] PING_LEADER_REPLY = concat(
            hex("00 00 00 00 00 00 00 40  64 00   # pkg_len 64, RESP"),
            GROUP1_16, ID_100001,                                         // group1, trunk server 100001
            GROUP2_16, EMPTY_16);                                         // group2, no trunk server
    static final byte[] EMPTY_REPLY = hex("00 00 00 00 00 00 00 00  64 00   # pkg_len 0, RESP: nothing changed");

    static final byte[] NOTIFY_NEXT_LEADER = concat(
            hex("00 00 00 00 00 00 00 12  42 00   # pkg_len 18, cmd 66 TRACKER_NOTIFY_NEXT_LEADER"),
            ascii("192.168.1.20:22122"));                                 // leader ip:port, no terminator
    static final byte[] COMMIT_NEXT_LEADER = concat(
            hex("00 00 00 00 00 00 00 12  43 00   # pkg_len 18, cmd 67 TRACKER_COMMIT_NEXT_LEADER"),
            ascii("192.168.1.20:22122"));
    static final byte[] NOTIFY_NEXT_LEADER_IPV6 = hex("""
            00 00 00 00 00 00 00 0f  42 00   # pkg_len 15, cmd 66
            5b 66 65 38 30 3a 3a 31 5d       # "[fe80::1]"
            3a 32 32 31 32 32                # ":22122"
            """);

    static final byte[] GET_SYS_FILES_START = hex("00 00 00 00 00 00 00 00  3d 00   # pkg_len 0, cmd 61");
    static final byte[] GET_SYS_FILES_END = hex("00 00 00 00 00 00 00 00  3e 00   # pkg_len 0, cmd 62");
    static final byte[] GET_ONE_SYS_FILE = hex("""
            00 00 00 00 00 00 00 09  3f 00   # pkg_len 9, cmd 63 TRACKER_GET_ONE_SYS_FILE
            03                               # index 3: storage_changelog.dat
            00 00 00 00 00 00 00 00          # offset 0
            """);
    static final byte[] GET_ONE_SYS_FILE_AT = hex("""
            00 00 00 00 00 00 00 09  3f 00   # pkg_len 9, cmd 63
            01                               # index 1: storage_servers_new.dat
            00 00 00 00 00 00 20 00          # offset 8192
            """);
    /** The whole 80-byte changelog in one chunk: 8 + 80 = 88 = 0x58. */
    static final byte[] SYS_FILE_REPLY = concat(
            hex("""
                    00 00 00 00 00 00 00 58  64 00   # pkg_len 88, RESP
                    00 00 00 00 00 00 00 50          # file_size 80
                    """),
            ascii("1720000000 group1 192.168.1.11 4 \n"),                 // chunk, 34 bytes
            ascii("1720000100 group1 192.168.1.12 3 192.168.1.13\n"));    // chunk, 46 bytes
    static final byte[] SYS_FILE_REPLY_EMPTY_FILE = hex("""
            00 00 00 00 00 00 00 08  64 00   # pkg_len 8, RESP
            00 00 00 00 00 00 00 00          # file_size 0, no chunk
            """);

    static final Map<Command, byte[]> GOLDEN_REQUESTS = new EnumMap<>(Map.of(
            Command.TRACKER_GET_STATUS, GET_STATUS,
            Command.TRACKER_JOIN_LEADER, JOIN_LEADER,
            Command.TRACKER_PING_LEADER, PING_LEADER,
            Command.TRACKER_NOTIFY_NEXT_LEADER, NOTIFY_NEXT_LEADER,
            Command.TRACKER_COMMIT_NEXT_LEADER, COMMIT_NEXT_LEADER,
            Command.TRACKER_GET_SYS_FILES_START, GET_SYS_FILES_START,
            Command.TRACKER_GET_ONE_SYS_FILE, GET_ONE_SYS_FILE,
            Command.TRACKER_GET_SYS_FILES_END, GET_SYS_FILES_END));

    @Test
    void everyTrackerToTrackerCommandHasAGoldenRequest() {
        assertThat(GOLDEN_REQUESTS.keySet()).containsExactlyInAnyOrderElementsOf(ClusterFixtures.TRACKER_COMMANDS);
        GOLDEN_REQUESTS.forEach((cmd, frame) -> assertThat(
                decodeAllWays(frame, FrameFixtures.AGGREGATE_ALL).header().commandCode()).as(cmd.name()).isEqualTo(cmd));
    }

    @Test
    void decodesGetStatusAndItsReply() {
        assertGoldenRequest(GET_STATUS, CURRENT, new EmptyRequest(Command.TRACKER_GET_STATUS),
                b -> EmptyRequest.decode(b, Command.TRACKER_GET_STATUS));
        assertGoldenResponse(STATUS_REPLY, CURRENT, new TrackerStatusReply(true, 86400, 120), TrackerStatusReply::decode);
    }

    @Test
    void decodesJoinLeader() {
        assertGoldenRequest(JOIN_LEADER, CURRENT, new JoinLeaderRequest(1720000000L, "6.16.1", 22122),
                JoinLeaderRequest::decode);
    }

    @Test
    void decodesPingLeaderAndBothReplyForms() {
        assertGoldenRequest(PING_LEADER, CURRENT, new PingLeaderRequest(8, 3, 256), PingLeaderRequest::decode);
        assertGoldenResponse(PING_LEADER_REPLY, CURRENT, new PingLeaderReply(List.of(
                new PingLeaderReply.TrunkServer("group1", "100001"),
                new PingLeaderReply.TrunkServer("group2", ""))), PingLeaderReply::decode);
        assertGoldenResponse(EMPTY_REPLY, CURRENT, PingLeaderReply.NONE, PingLeaderReply::decode);
    }

    @Test
    void decodesNotifyAndCommitNextLeader() {
        assertGoldenRequest(NOTIFY_NEXT_LEADER, CURRENT,
                new NextLeaderRequest(Command.TRACKER_NOTIFY_NEXT_LEADER, "192.168.1.20", 22122),
                b -> NextLeaderRequest.decode(b, Command.TRACKER_NOTIFY_NEXT_LEADER));
        assertGoldenRequest(COMMIT_NEXT_LEADER, CURRENT,
                new NextLeaderRequest(Command.TRACKER_COMMIT_NEXT_LEADER, "192.168.1.20", 22122),
                b -> NextLeaderRequest.decode(b, Command.TRACKER_COMMIT_NEXT_LEADER));
        var v6 = assertGoldenRequest(NOTIFY_NEXT_LEADER_IPV6, CURRENT,
                new NextLeaderRequest(Command.TRACKER_NOTIFY_NEXT_LEADER, "fe80::1", 22122),
                b -> NextLeaderRequest.decode(b, Command.TRACKER_NOTIFY_NEXT_LEADER));
        assertThat(v6.text()).isEqualTo("[fe80::1]:22122");
    }

    @Test
    void decodesTheSystemFileTransfer() {
        assertGoldenRequest(GET_SYS_FILES_START, CURRENT, new EmptyRequest(Command.TRACKER_GET_SYS_FILES_START),
                b -> EmptyRequest.decode(b, Command.TRACKER_GET_SYS_FILES_START));
        var one = assertGoldenRequest(GET_ONE_SYS_FILE, CURRENT, new GetOneSysFileRequest(3, 0),
                GetOneSysFileRequest::decode);
        assertThat(one.file()).isEqualTo("data/storage_changelog.dat");
        assertGoldenRequest(GET_ONE_SYS_FILE_AT, CURRENT, new GetOneSysFileRequest(1, 8192), GetOneSysFileRequest::decode);
        var chunk = assertGoldenResponse(SYS_FILE_REPLY, CURRENT, new SysFileChunk(80, ascii(
                "1720000000 group1 192.168.1.11 4 \n1720000100 group1 192.168.1.12 3 192.168.1.13\n")),
                SysFileChunk::decode);
        assertThat(chunk.length()).isEqualTo(80);
        assertGoldenResponse(SYS_FILE_REPLY_EMPTY_FILE, CURRENT, new SysFileChunk(0, new byte[0]), SysFileChunk::decode);
        assertGoldenRequest(GET_SYS_FILES_END, CURRENT, new EmptyRequest(Command.TRACKER_GET_SYS_FILES_END),
                b -> EmptyRequest.decode(b, Command.TRACKER_GET_SYS_FILES_END));
    }
}
