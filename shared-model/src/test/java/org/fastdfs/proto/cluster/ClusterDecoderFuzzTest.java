package org.fastdfs.proto.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;
import org.junit.jupiter.api.Test;

/**
 * Every decoder of the package, fed truncated, mutated and random bodies, either decodes or throws
 * {@link ProtocolException}; nothing else (no BufferUnderflow, no IllegalArgumentException) escapes, and
 * whatever decodes can be encoded again.
 */
class ClusterDecoderFuzzTest {

    private record Case(Function<ByteBuffer, ? extends WireMessage> decoder, WireProfile profile, byte[] seed) {
    }

    private static byte[] body(byte[] frame) {
        return Arrays.copyOfRange(frame, 10, frame.length);
    }

    private static Map<String, Case> cases() {
        var c = WireProfile.CURRENT;
        var k = WireProfile.CLASSIC;
        Map<String, Case> m = new LinkedHashMap<>();
        m.put("GET_MY_IP", new Case(GetMyIpRequest::decode, c, body(TrackerStorageFramesTest.GET_MY_IP)));
        m.put("MY_IP_REPLY", new Case(MyIpReply::decode, c, body(TrackerStorageFramesTest.MY_IP_REPLY_DUAL)));
        m.put("JOIN current", new Case(b -> StorageJoinRequest.decode(b, c), c, body(TrackerStorageFramesTest.JOIN_CURRENT)));
        m.put("JOIN classic", new Case(b -> StorageJoinRequest.decode(b, k), k, body(TrackerStorageFramesTest.JOIN_CLASSIC)));
        m.put("JOIN reply", new Case(StorageJoinReply::decode, c, body(TrackerStorageFramesTest.JOIN_REPLY)));
        m.put("BEAT", new Case(StorageBeatRequest::decode, c, body(TrackerStorageFramesTest.BEAT_STATS)));
        m.put("CHANGE current", new Case(b -> ChangeResponse.decode(b, c), c, body(TrackerStorageFramesTest.CHANGE_ALL_CURRENT)));
        m.put("CHANGE classic", new Case(b -> ChangeResponse.decode(b, k), k, body(TrackerStorageFramesTest.CHANGE_ALL_CLASSIC)));
        m.put("DISK_USAGE", new Case(ReportDiskUsageRequest::decode, c, body(TrackerStorageFramesTest.DISK_USAGE)));
        m.put("SYNC_REPORT", new Case(SyncReportRequest::decode, c, body(TrackerStorageFramesTest.SYNC_REPORT)));
        m.put("SYNC_NOTIFY", new Case(SyncNotifyRequest::decode, c, body(TrackerStorageFramesTest.SYNC_NOTIFY)));
        m.put("SYNC_SOURCE_REPLY", new Case(SyncSourceReply::decode, c, body(TrackerStorageFramesTest.SYNC_SOURCE_REPLY)));
        m.put("SYNC_SRC_REQ", new Case(SyncSrcRequest::decode, c, body(TrackerStorageFramesTest.SYNC_SRC_REQ)));
        m.put("REPORT_STATUS", new Case(b -> ReportStatusRequest.decode(b, k), k, body(TrackerStorageFramesTest.REPORT_STATUS_CLASSIC)));
        m.put("CHANGE_STATUS", new Case(ChangeStatusRequest::decode, c, body(TrackerStorageFramesTest.CHANGE_STATUS)));
        m.put("REPLICA_CHG", new Case(b -> ReplicaChangeRequest.decode(b, c), c, body(TrackerStorageFramesTest.REPLICA_CHG_CURRENT)));
        m.put("CHANGELOG_REQ", new Case(ChangelogRequest::decode, c, body(TrackerStorageFramesTest.CHANGELOG_REQ_ANONYMOUS)));
        m.put("CHANGELOG_REPLY", new Case(ChangelogReply::decode, c, body(TrackerStorageFramesTest.CHANGELOG_REPLY)));
        m.put("REPORT_IP_CHANGED", new Case(b -> ReportIpChangedRequest.decode(b, c), c,
                body(TrackerStorageFramesTest.REPORT_IP_CHANGED_CURRENT)));
        m.put("TRUNK_FID_REPLY", new Case(TrunkFidReply::decode, c, body(TrackerStorageFramesTest.TRUNK_FID_REPLY)));
        m.put("REPORT_TRUNK_FID", new Case(ReportTrunkFidRequest::decode, c, body(TrackerStorageFramesTest.REPORT_TRUNK_FID)));
        m.put("REPORT_TRUNK_FREE", new Case(ReportTrunkFreeRequest::decode, c, body(TrackerStorageFramesTest.REPORT_TRUNK_FREE)));
        m.put("EMPTY", new Case(b -> EmptyRequest.decode(b, Command.TRACKER_GET_STATUS), c, new byte[0]));
        m.put("STATUS_REPLY", new Case(TrackerStatusReply::decode, c, body(TrackerTrackerFramesTest.STATUS_REPLY)));
        m.put("JOIN_LEADER", new Case(JoinLeaderRequest::decode, c, body(TrackerTrackerFramesTest.JOIN_LEADER)));
        m.put("PING_LEADER", new Case(PingLeaderRequest::decode, c, body(TrackerTrackerFramesTest.PING_LEADER)));
        m.put("PING_LEADER_REPLY", new Case(PingLeaderReply::decode, c, body(TrackerTrackerFramesTest.PING_LEADER_REPLY)));
        m.put("NEXT_LEADER", new Case(b -> NextLeaderRequest.decode(b, Command.TRACKER_COMMIT_NEXT_LEADER), c,
                body(TrackerTrackerFramesTest.NOTIFY_NEXT_LEADER_IPV6)));
        m.put("GET_ONE_SYS_FILE", new Case(GetOneSysFileRequest::decode, c, body(TrackerTrackerFramesTest.GET_ONE_SYS_FILE)));
        m.put("SYS_FILE_CHUNK", new Case(SysFileChunk::decode, c, body(TrackerTrackerFramesTest.SYS_FILE_REPLY)));
        return m;
    }

    private static void tryDecode(String name, Case c, byte[] input) {
        try {
            WireMessage m = c.decoder().apply(ByteBuffer.wrap(input));
            assertThat(m.toBytes(c.profile())).as(name + " re-encodes").isNotNull();
        } catch (ProtocolException expected) {
            assertThat(expected.getMessage()).as(name).isNotBlank();
        } catch (RuntimeException e) {
            fail(name + " threw " + e + " for " + java.util.HexFormat.of().formatHex(input), e);
        }
    }

    @Test
    void decodersOnlyEverThrowProtocolExceptions() {
        Random random = new Random(20240611L);
        cases().forEach((name, c) -> {
            byte[] seed = c.seed();
            for (int len = 0; len <= seed.length + 2; len++) {
                tryDecode(name, c, Arrays.copyOf(seed, len));              // truncated or zero-extended
            }
            for (int i = 0; i < seed.length; i++) {
                for (int v : new int[] {0x00, 0xff, 0x0a, 0x2c, 0x3a, 0x5b, 0x5d, 0x80, 0x7f}) {
                    byte[] b = seed.clone();
                    b[i] = (byte) v;                                        // one mutated byte
                    tryDecode(name, c, b);
                }
            }
            for (int n = 0; n < 200; n++) {
                byte[] b = new byte[random.nextInt(seed.length + 40)];
                random.nextBytes(b);
                tryDecode(name, c, b);
            }
        });
    }
}
