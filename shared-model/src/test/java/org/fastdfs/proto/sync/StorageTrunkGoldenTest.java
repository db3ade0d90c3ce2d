package org.fastdfs.proto.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fastdfs.proto.FrameFixtures.assertGoldenRequest;
import static org.fastdfs.proto.FrameFixtures.assertGoldenResponse;
import static org.fastdfs.proto.sync.SyncFrames.*;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Golden;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden frames of every trunk-server command (PROTOCOL.md §5.8). PROTOCOL.md gives layouts for 27–29
 * only; 30–33 follow storage_service.c / trunk_sync.c as documented on their records. No captures exist:
 * every frame is written by hand. The layouts do not depend on the profile.
 */
class StorageTrunkGoldenTest {

    static final TrunkInfo SLOT = new TrunkInfo(0, 1, 2, 7, 4096, 1024);

    static final List<Golden<?>> GOLDEN = List.of(
            new Golden<>("TRUNK_ALLOC_SPACE", TRUNK_ALLOC_SPACE,
                    new TrunkAllocSpaceRequest("group1", 1024, 0), TrunkAllocSpaceRequest::decode),
            new Golden<>("TRUNK_ALLOC_CONFIRM status 0", TRUNK_ALLOC_CONFIRM,
                    new TrunkAllocConfirmRequest(0, "group1", SLOT), b -> TrunkAllocConfirmRequest.decode(b, 0)),
            new Golden<>("TRUNK_ALLOC_CONFIRM status 17", TRUNK_ALLOC_CONFIRM_FAILED,
                    new TrunkAllocConfirmRequest(17, "group1", SLOT), b -> TrunkAllocConfirmRequest.decode(b, 17)),
            new Golden<>("TRUNK_FREE_SPACE", TRUNK_FREE_SPACE,
                    new TrunkFreeSpaceRequest("group1", SLOT), TrunkFreeSpaceRequest::decode),
            new Golden<>("TRUNK_SYNC_BINLOG", TRUNK_SYNC_BINLOG,
                    new TrunkSyncBinlogRequest(TRUNK_LINES), TrunkSyncBinlogRequest::decode),
            new Golden<>("TRUNK_GET_BINLOG_SIZE", TRUNK_GET_BINLOG_SIZE,
                    new TrunkBinlogRequest(Command.TRUNK_GET_BINLOG_SIZE),
                    b -> TrunkBinlogRequest.decode(Command.TRUNK_GET_BINLOG_SIZE, b)),
            new Golden<>("TRUNK_DELETE_BINLOG_MARKS", TRUNK_DELETE_BINLOG_MARKS,
                    new TrunkBinlogRequest(Command.TRUNK_DELETE_BINLOG_MARKS),
                    b -> TrunkBinlogRequest.decode(Command.TRUNK_DELETE_BINLOG_MARKS, b)),
            new Golden<>("TRUNK_TRUNCATE_BINLOG_FILE", TRUNK_TRUNCATE_BINLOG_FILE,
                    new TrunkBinlogRequest(Command.TRUNK_TRUNCATE_BINLOG_FILE),
                    b -> TrunkBinlogRequest.decode(Command.TRUNK_TRUNCATE_BINLOG_FILE, b)));

    /** One golden request frame per command (the first of each in {@link #GOLDEN}). */
    static final Map<Command, byte[]> GOLDEN_REQUESTS = Golden.firstFramePerCommand(GOLDEN);

    static Stream<Arguments> goldenInBothProfiles() {
        return Golden.inBothProfiles(GOLDEN);
    }

    @Test
    void everyTrunkCommandHasAGoldenRequest() {
        assertThat(GOLDEN_REQUESTS.keySet()).containsExactlyInAnyOrderElementsOf(Golden.family(Command.Family.STORAGE_TRUNK));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("goldenInBothProfiles")
    <T extends Request> void everyGoldenRequestDecodesEveryWayAndEncodesBackToItsBytes(Golden<T> g,
                                                                                      WireProfile profile) {
        assertGoldenRequest(g.frame(), profile, g.expected(), g.decoder());
    }

    @Test
    void decodesTheTrunkInfoReplyOfAllocSpace() {
        for (WireProfile p : List.of(WireProfile.CLASSIC, WireProfile.CURRENT)) {
            assertGoldenResponse(TRUNK_ALLOC_SPACE_REPLY, p, SLOT, TrunkInfo::decode);
        }
    }

    @Test
    void decodesTheBinlogSizeReply() {
        assertGoldenResponse(TRUNK_GET_BINLOG_SIZE_REPLY, WireProfile.CURRENT, new TrunkBinlogSizeResponse(123456),
                TrunkBinlogSizeResponse::decode);
    }

    @Test
    void theHeaderOnlyTrunkCommandsAreTheBareHeaderFrame() {
        for (Command c : List.of(Command.TRUNK_GET_BINLOG_SIZE, Command.TRUNK_DELETE_BINLOG_MARKS,
                Command.TRUNK_TRUNCATE_BINLOG_FILE)) {
            assertThat(Frames.request(new TrunkBinlogRequest(c), WireProfile.CURRENT)).isEqualTo(Frames.request(c));
        }
    }

    @Test
    void allocConfirmCarriesTheUploadResultInTheHeaderStatusByte() {
        assertThat(Frames.request(new TrunkAllocConfirmRequest(17, "group1", SLOT), WireProfile.CURRENT)[9])
                .isEqualTo((byte) 17);
        assertThat(new TrunkFreeSpaceRequest("group1", SLOT).headerStatus()).isZero();
    }

    @Test
    void trunkInfoKeepsSubPathsAboveOneHundredTwentySevenUnsigned() {
        var info = new TrunkInfo(1, 200, 255, -1, 0, 16);
        var bytes = info.toBytes(WireProfile.CURRENT);
        assertThat(bytes).hasSize(15);
        assertThat(TrunkInfo.decode(java.nio.ByteBuffer.wrap(bytes))).isEqualTo(info);
    }
}
