package org.fastdfs.proto.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fastdfs.proto.FrameFixtures.ascii;
import static org.fastdfs.proto.FrameFixtures.concat;
import static org.fastdfs.proto.FrameFixtures.hex;
import static org.fastdfs.proto.FrameFixtures.padded;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.stat.StatBlock;
import org.fastdfs.proto.stat.StorageBrief;
import org.junit.jupiter.api.Test;

/** Malformed cluster bodies are refused with the status FastDFS answers (EINVAL unless noted). */
class ClusterRejectionTest {

    private static final WireProfile CURRENT = WireProfile.CURRENT;
    private static final WireProfile CLASSIC = WireProfile.CLASSIC;

    private static byte[] body(byte[] frame) {
        return Arrays.copyOfRange(frame, 10, frame.length);
    }

    private static ProtocolException rejected(ThrowingCallable call, Status status) {
        var thrown = new ProtocolException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.getMessage()).isNotBlank();
            thrown[0] = e;
        });
        return thrown[0];
    }

    private static <T> ProtocolException rejected(Function<ByteBuffer, T> decoder, byte[] body) {
        return rejected(() -> decoder.apply(ByteBuffer.wrap(body)), Status.EINVAL);
    }

    private static byte[] withLong(byte[] body, int offset, long value) {
        byte[] b = body.clone();
        ByteBuffer.wrap(b).putLong(offset, value);
        return b;
    }

    private static byte[] withByte(byte[] body, int offset, int value) {
        byte[] b = body.clone();
        b[offset] = (byte) value;
        return b;
    }

    // ---------------------------------------------------------------- GET_MY_IP

    @Test
    void getMyIpNeedsExactlyTwentyOneBytes() {
        byte[] ok = body(TrackerStorageFramesTest.GET_MY_IP);
        rejected(GetMyIpRequest::decode, Arrays.copyOf(ok, 20));
        rejected(GetMyIpRequest::decode, Arrays.copyOf(ok, 22));
    }

    @Test
    void myIpReplyMustBeOneOrTwoNonEmptyIpsOfAtMost255Bytes() {
        rejected(MyIpReply::decode, new byte[0]);
        rejected(MyIpReply::decode, ascii("1".repeat(256)));
        rejected(MyIpReply::decode, ascii("10.0.0.5,"));
        rejected(MyIpReply::decode, ascii(",10.0.0.5"));
    }

    // ---------------------------------------------------------------- JOIN

    private static final byte[] JOIN = body(TrackerStorageFramesTest.JOIN_CURRENT);
    private static final byte[] JOIN_CLASSIC = body(TrackerStorageFramesTest.JOIN_CLASSIC);
    private static final Function<ByteBuffer, StorageJoinRequest> JOIN_CURRENT_DECODER =
            b -> StorageJoinRequest.decode(b, CURRENT);
    private static final Function<ByteBuffer, StorageJoinRequest> JOIN_CLASSIC_DECODER =
            b -> StorageJoinRequest.decode(b, CLASSIC);

    @Test
    void joinShorterThanItsFixedPartIsRejected() {
        rejected(JOIN_CURRENT_DECODER, Arrays.copyOf(JOIN, 144));
        rejected(JOIN_CLASSIC_DECODER, Arrays.copyOf(JOIN_CLASSIC, 232));
        // a current JOIN is too short for the classic fixed part
        rejected(JOIN_CLASSIC_DECODER, JOIN);
    }

    @Test
    void joinTrackerCountMustBeOneToSixteen() {
        assertThat(rejected(JOIN_CURRENT_DECODER, withLong(JOIN, 137, 0)).getMessage()).contains("tracker_count");
        rejected(JOIN_CURRENT_DECODER, withLong(JOIN, 137, 17));
        rejected(JOIN_CLASSIC_DECODER, withLong(JOIN_CLASSIC, 225, 0));
    }

    @Test
    void joinGroupNameMustBeOneToSixteenAlphanumerics() {
        rejected(JOIN_CURRENT_DECODER, concat(padded("", 17), Arrays.copyOfRange(JOIN, 17, JOIN.length)));
        var e = rejected(JOIN_CURRENT_DECODER, concat(padded("group-1", 17), Arrays.copyOfRange(JOIN, 17, JOIN.length)));
        assertThat(e.getMessage()).contains("group-1");
        rejected(JOIN_CURRENT_DECODER, concat(padded("grp_1", 17), Arrays.copyOfRange(JOIN, 17, JOIN.length)));
    }

    @Test
    void joinReadsOnlySixteenBytesOfTheSeventeenByteGroupField() {
        byte[] b = concat(ascii("abcdefghijklmnopq"), Arrays.copyOfRange(JOIN, 17, JOIN.length));
        assertThat(StorageJoinRequest.decode(ByteBuffer.wrap(b), CURRENT).groupName()).isEqualTo("abcdefghijklmnop");
    }

    @Test
    void joinPortAndCountsMustBeInRange() {
        rejected(JOIN_CURRENT_DECODER, withLong(JOIN, 17, 0));          // storage_port
        rejected(JOIN_CURRENT_DECODER, withLong(JOIN, 17, -1));
        rejected(JOIN_CURRENT_DECODER, withLong(JOIN, 25, 0));          // store_path_count
        rejected(JOIN_CURRENT_DECODER, withLong(JOIN, 25, 257));
        rejected(JOIN_CURRENT_DECODER, withLong(JOIN, 33, 0));          // subdir_count_per_path
        rejected(JOIN_CURRENT_DECODER, withLong(JOIN, 33, 257));
        rejected(JOIN_CLASSIC_DECODER, withLong(JOIN_CLASSIC, 25, -1)); // classic storage_http_port
        rejected(JOIN_CLASSIC_DECODER, withLong(JOIN_CLASSIC, 33, 300)); // classic store_path_count
    }

    @Test
    void currentJoinTrackerLinesMustEachEndInANewline() {
        byte[] noNewline = Arrays.copyOf(JOIN, JOIN.length - 1);
        assertThat(rejected(JOIN_CURRENT_DECODER, noNewline).getMessage()).contains("newline");
        byte[] oneLineOnly = Arrays.copyOf(JOIN, 145 + 19);
        rejected(JOIN_CURRENT_DECODER, oneLineOnly);
        byte[] emptyLine = concat(Arrays.copyOf(JOIN, 145), ascii("\n192.168.1.21:22122\n"));
        rejected(JOIN_CURRENT_DECODER, emptyLine);
        byte[] trailing = concat(JOIN, ascii("x"));
        assertThat(rejected(JOIN_CURRENT_DECODER, trailing).getMessage()).contains("trailing");
    }

    @Test
    void currentJoinLongerThanTheTrackerLinesAllowIsRejected() {
        byte[] longLine = concat(Arrays.copyOf(JOIN, 145), ascii("a".repeat(100) + "\n192.168.1.21:22122\n"));
        rejected(JOIN_CURRENT_DECODER, longLine);
        byte[] huge = concat(Arrays.copyOf(JOIN, 145), ascii(("b".repeat(99) + "\n").repeat(2)), ascii("c"));
        assertThat(rejected(JOIN_CURRENT_DECODER, huge).getMessage()).contains("exceeds");
    }

    @Test
    void classicJoinMustHoldExactlyTrackerCountSlots() {
        rejected(JOIN_CLASSIC_DECODER, Arrays.copyOf(JOIN_CLASSIC, JOIN_CLASSIC.length - 40));
        rejected(JOIN_CLASSIC_DECODER, concat(JOIN_CLASSIC, new byte[40]));
        byte[] emptySlot = concat(Arrays.copyOf(JOIN_CLASSIC, 233), new byte[40], padded("192.168.1.21:22122", 40));
        rejected(JOIN_CLASSIC_DECODER, emptySlot);
    }

    @Test
    void joinFieldsTheProfileCannotCarryFailToEncode() {
        var longVersion = StorageJoinRequest.current("group1", 23000, 1, 256, 0, 0, 0, "6.16.10", false, 0, "",
                "192.168.1.20", List.of("192.168.1.20:22122"));
        longVersion.toBytes(CURRENT);
        assertThatThrownBy(() -> longVersion.toBytes(CLASSIC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
        var longSlot = StorageJoinRequest.current("group1", 23000, 1, 256, 0, 0, 0, "6.06", false, 0, "",
                "192.168.1.20", List.of("a".repeat(40)));
        assertThatThrownBy(() -> longSlot.toBytes(CLASSIC)).isInstanceOf(IllegalArgumentException.class);
        var v6 = StorageJoinRequest.current("group1", 23000, 1, 256, 0, 0, 0, "6.06", false, 0, "",
                "fe80::1234:5678:9abc:def0", List.of("[fe80::1]:22122"));
        assertThatThrownBy(() -> v6.toBytes(CLASSIC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tracker IP");
    }

    @Test
    void joinRecordRefusesObviouslyWrongValues() {
        assertThatThrownBy(() -> StorageJoinRequest.current("group1", 23000, 0, 256, 0, 0, 0, "6.16.1", false, 0, "",
                "", List.of("a:1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageJoinRequest.current("group1", 23000, 1, 256, 0, 0, 0, "6.16.1", false, 0, "",
                "", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageJoinRequest.current("group1", 23000, 1, 256, 0, 0, 0, "6.16.1", false, 0, "",
                "", List.of("a:1\nb:2"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageJoinRequest.current("a".repeat(17), 23000, 1, 256, 0, 0, 0, "6.16.1", false,
                0, "", "", List.of("a:1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void joinReplyIsExactlySeventeenBytes() {
        byte[] ok = body(TrackerStorageFramesTest.JOIN_REPLY);
        rejected(StorageJoinReply::decode, Arrays.copyOf(ok, 16));
        rejected(StorageJoinReply::decode, Arrays.copyOf(ok, 18));
    }

    // ---------------------------------------------------------------- BEAT and the change response

    @Test
    void beatIsEmptyOrExactlyOneStatBlock() {
        rejected(StorageBeatRequest::decode, new byte[1]);
        rejected(StorageBeatRequest::decode, new byte[StatBlock.SIZE - 1]);
        rejected(StorageBeatRequest::decode, new byte[StatBlock.SIZE + 1]);
    }

    @Test
    void changeResponseLengthMustBeOnePlusWholeBriefs() {
        Function<ByteBuffer, ChangeResponse> current = b -> ChangeResponse.decode(b, CURRENT);
        rejected(current, new byte[2]);
        rejected(current, new byte[1 + 37]);   // a classic brief in the current profile
        rejected(b -> ChangeResponse.decode(b, CLASSIC), new byte[1 + 67]);
        rejected(current, concat(hex("04"), new byte[35 * 67]));
    }

    @Test
    void changeResponseFlagsMustMatchTheBriefs() {
        Function<ByteBuffer, ChangeResponse> current = b -> ChangeResponse.decode(b, CURRENT);
        assertThat(rejected(current, hex("01")).getMessage()).contains("leader");
        assertThat(rejected(current, concat(hex("03"), new byte[67])).getMessage()).contains("trunk");
        assertThat(rejected(current, concat(hex("00"), new byte[67])).getMessage()).contains("unflagged");
        rejected(current, concat(hex("04"), new byte[33 * 67]));
    }

    @Test
    void anEmptyChangeResponseReadsAsNothingChanged() {
        assertThat(ChangeResponse.decode(ByteBuffer.allocate(0), CURRENT)).isEqualTo(ChangeResponse.NONE);
    }

    @Test
    void changeResponseRecordKeepsFlagsAndPartsConsistent() {
        var b = new StorageBrief(7, 23000, "100001", "192.168.1.10");
        assertThatThrownBy(() -> new ChangeResponse(0, b, null, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangeResponse(1, null, null, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangeResponse(2, null, null, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangeResponse(0, null, null, List.of(b))).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- reports

    @Test
    void diskUsageMustBeWholePathsAndMatchTheGroupPathCount() {
        rejected(ReportDiskUsageRequest::decode, new byte[0]);
        rejected(ReportDiskUsageRequest::decode, new byte[15]);
        rejected(ReportDiskUsageRequest::decode, new byte[17]);
        rejected(ReportDiskUsageRequest::decode, new byte[16 * 257]);
        byte[] two = body(TrackerStorageFramesTest.DISK_USAGE);
        assertThat(rejected(b -> ReportDiskUsageRequest.decode(b, 3), two).getMessage()).contains("3 store paths");
        rejected(b -> ReportDiskUsageRequest.decode(b, 1), two);
    }

    @Test
    void syncReportMustBeANonZeroMultipleOfTwenty() {
        rejected(SyncReportRequest::decode, new byte[0]);
        rejected(SyncReportRequest::decode, new byte[19]);
        rejected(SyncReportRequest::decode, new byte[21]);
    }

    @Test
    void syncBodiesAreExactlyTwentyFourBytes() {
        rejected(SyncNotifyRequest::decode, new byte[23]);
        rejected(SyncNotifyRequest::decode, new byte[25]);
        rejected(SyncNotifyRequest::decode, new byte[0]);
        rejected(SyncReqBody::decode, new byte[16]);
        rejected(SyncSourceReply::decode, new byte[23]);
        rejected(SyncSourceReply::decode, new byte[32]);
        rejected(SyncSrcRequest::decode, new byte[31]);
        rejected(SyncSrcRequest::decode, new byte[33]);
    }

    @Test
    void reportStatusIsGroupPlusOneBriefOfTheProfile() {
        rejected(b -> ReportStatusRequest.decode(b, CURRENT), body(TrackerStorageFramesTest.REPORT_STATUS_CLASSIC));
        rejected(b -> ReportStatusRequest.decode(b, CLASSIC), body(TrackerStorageFramesTest.REPORT_STATUS_CURRENT));
        rejected(b -> ReportStatusRequest.decode(b, CURRENT), new byte[16]);
    }

    @Test
    void changeStatusIsOneByte() {
        rejected(ChangeStatusRequest::decode, new byte[0]);
        rejected(ChangeStatusRequest::decode, new byte[2]);
    }

    @Test
    void replicaChangeCarriesOneToThirtyTwoWholeBriefs() {
        Function<ByteBuffer, ReplicaChangeRequest> current = b -> ReplicaChangeRequest.decode(b, CURRENT);
        rejected(current, new byte[0]);
        rejected(current, new byte[66]);
        rejected(current, new byte[68]);
        assertThat(rejected(current, new byte[33 * 67]).getMessage()).contains("at most 32");
        rejected(b -> ReplicaChangeRequest.decode(b, CLASSIC), new byte[67]);
    }

    @Test
    void changelogRequestIsEmptyOrGroupPlusId() {
        rejected(ChangelogRequest::decode, new byte[16]);
        rejected(ChangelogRequest::decode, new byte[33]);
        rejected(() -> ChangelogRequest.decode(ByteBuffer.wrap(new byte[32])), Status.ENOENT);
    }

    @Test
    void reportIpChangedIsSizedByTheProfile() {
        rejected(b -> ReportIpChangedRequest.decode(b, CURRENT), body(TrackerStorageFramesTest.REPORT_IP_CHANGED_CLASSIC));
        rejected(b -> ReportIpChangedRequest.decode(b, CLASSIC), body(TrackerStorageFramesTest.REPORT_IP_CHANGED_CURRENT));
        var v6 = new ReportIpChangedRequest("group1", "fe80::1234:5678:9abc:def0", "fe80::1234:5678:9abc:def1");
        assertThat(v6.toBytes(CURRENT)).hasSize(108);
        assertThatThrownBy(() -> v6.toBytes(CLASSIC)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trunkReportsHaveFixedSizesAndNoNegativeValues() {
        rejected(ReportTrunkFidRequest::decode, new byte[3]);
        rejected(ReportTrunkFidRequest::decode, new byte[5]);
        assertThat(rejected(ReportTrunkFidRequest::decode, hex("ff ff ff ff")).getMessage()).contains("negative");
        rejected(ReportTrunkFreeRequest::decode, new byte[7]);
        rejected(ReportTrunkFreeRequest::decode, hex("80 00 00 00 00 00 00 00"));
        rejected(TrunkFidReply::decode, new byte[5]);
    }

    @Test
    void emptyBodyCommandsRefuseAnyBody() {
        for (Command c : EmptyRequest.COMMANDS) {
            rejected(b -> EmptyRequest.decode(b, c), new byte[1]);
        }
        assertThatThrownBy(() -> new EmptyRequest(Command.STORAGE_JOIN)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- tracker <-> tracker

    @Test
    void trackerToTrackerBodiesHaveFixedSizes() {
        rejected(TrackerStatusReply::decode, new byte[16]);
        rejected(TrackerStatusReply::decode, new byte[18]);
        rejected(JoinLeaderRequest::decode, new byte[23]);
        rejected(JoinLeaderRequest::decode, new byte[25]);
        rejected(PingLeaderRequest::decode, new byte[11]);
        rejected(PingLeaderRequest::decode, new byte[13]);
        rejected(PingLeaderReply::decode, new byte[31]);
        rejected(PingLeaderReply::decode, new byte[33]);
        rejected(GetOneSysFileRequest::decode, new byte[8]);
        rejected(GetOneSysFileRequest::decode, new byte[10]);
    }

    @Test
    void joinLeaderPortMustBeAPort() {
        byte[] ok = body(TrackerTrackerFramesTest.JOIN_LEADER);
        rejected(JoinLeaderRequest::decode, withLong(ok, 16, 65536));
        rejected(JoinLeaderRequest::decode, withLong(ok, 16, -1));
    }

    @Test
    void nextLeaderBodyMustBeIpColonPort() {
        Function<ByteBuffer, NextLeaderRequest> notify = b -> NextLeaderRequest.decode(b, Command.TRACKER_NOTIFY_NEXT_LEADER);
        rejected(notify, new byte[0]);
        rejected(notify, ascii("192.168.1.20"));
        rejected(notify, ascii(":22122"));
        rejected(notify, ascii("192.168.1.20:"));
        rejected(notify, ascii("192.168.1.20:abc"));
        rejected(notify, ascii("192.168.1.20:0"));
        rejected(notify, ascii("192.168.1.20:65536"));
        rejected(notify, ascii("[fe80::1]22122"));
        rejected(notify, ascii("[fe80::1:22122"));
        rejected(notify, ascii("fe80::1:22122"));
        assertThat(rejected(notify, ascii("a".repeat(48) + ":2212")).getMessage()).contains("exceeds 52");
    }

    @Test
    void sysFileIndexMustNameAFileAndOffsetMustNotBeNegative() {
        byte[] ok = body(TrackerTrackerFramesTest.GET_ONE_SYS_FILE);
        assertThat(rejected(GetOneSysFileRequest::decode, withByte(ok, 0, 4)).getMessage()).contains("index 4");
        rejected(GetOneSysFileRequest::decode, withByte(ok, 0, 0xff));
        rejected(GetOneSysFileRequest::decode, withLong(ok, 1, -1));
    }

    @Test
    void sysFileChunkIsCheckedAsTheFetchingTrackerDoes() {
        rejected(SysFileChunk::decode, new byte[7]);
        rejected(SysFileChunk::decode, hex("ff ff ff ff ff ff ff ff"));
        assertThat(rejected(SysFileChunk::decode, hex("00 00 00 00 00 00 00 05")).getMessage()).contains("empty chunk");
        rejected(SysFileChunk::decode, hex("00 00 00 00 00 00 00 01  61 62"));
        assertThatThrownBy(() -> new SysFileChunk(1, new byte[2])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sysFileChunkComparesContentAndCopiesIt() {
        byte[] data = ascii("abc");
        var chunk = new SysFileChunk(10, data);
        data[0] = 'x';
        assertThat(chunk).isEqualTo(new SysFileChunk(10, ascii("abc"))).hasSameHashCodeAs(new SysFileChunk(10, ascii("abc")));
        assertThat(chunk).isNotEqualTo(new SysFileChunk(11, ascii("abc")));
        chunk.content()[0] = 'y';
        assertThat(chunk.content()).isEqualTo(ascii("abc"));
        assertThat(chunk.toString()).contains("length=3");
    }
}
