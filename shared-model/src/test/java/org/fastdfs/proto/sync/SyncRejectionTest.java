package org.fastdfs.proto.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fastdfs.proto.FrameFixtures.ascii;
import static org.fastdfs.proto.FrameFixtures.concat;
import static org.fastdfs.proto.FrameFixtures.hex;
import static org.fastdfs.proto.FrameFixtures.int4;
import static org.fastdfs.proto.FrameFixtures.long8;
import static org.fastdfs.proto.FrameFixtures.padded;
import static org.fastdfs.proto.sync.SyncFrames.APPENDER;
import static org.fastdfs.proto.sync.SyncFrames.FILE;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.junit.jupiter.api.Test;

/** Sync and trunk bodies a storage must refuse (EINVAL), and record values a caller must not build. */
class SyncRejectionTest {

    private static final byte[] GROUP = padded("group1", 16);
    private static final byte[] STAMP = int4(1795239316);
    private static final String LONG_NAME = "M00/00/00/" + "x".repeat(118); // 128 bytes

    private static ByteBuffer body(byte[]... parts) {
        return ByteBuffer.wrap(concat(parts));
    }

    private static void assertEinval(ThrowingCallable decode, String messagePart) {
        assertThatThrownBy(decode).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.status()).isEqualTo(Status.EINVAL)).hasMessageContaining(messagePart);
    }

    @Test
    void reportServerIdNeedsExactlySixteenBytesAndANonEmptyId() {
        assertEinval(() -> ReportServerIdRequest.decode(body(padded("100001", 15))), "expected 16");
        assertEinval(() -> ReportServerIdRequest.decode(body(padded("100001", 17))), "expected 16");
        assertEinval(() -> ReportServerIdRequest.decode(body(new byte[16])), "empty");
    }

    @Test
    void reportServerIdKeepsFifteenCharactersAsTheCStorageDoes() {
        var id = ReportServerIdRequest.decode(body(ascii("0123456789abcdef")));
        assertThat(id.serverId()).isEqualTo("0123456789abcde");
    }

    private static SyncCopyFileRequest copy(int status, long nameLength, long size, String name, String content) {
        ByteBuffer b = body(long8(nameLength), long8(size), STAMP, GROUP, ascii(name), ascii(content));
        return SyncCopyFileRequest.decode(Command.SYNC_CREATE_FILE, b, b.remaining(), status);
    }

    @Test
    void aSyncCopyChecksItsNameLengthAndSize() {
        assertEinval(() -> copy(0, 0, 1, "", "x"), "outside 1..127");
        assertEinval(() -> copy(0, 128, 0, LONG_NAME, ""), "outside 1..127");
        assertEinval(() -> copy(0, 44, -1, FILE, ""), "file size is negative");
        assertEinval(() -> copy(0, 44, 3, FILE, "ab"), "file size 3 does not match the 2 bytes");
        ByteBuffer fixedOnly = body(long8(44), long8(0), STAMP, GROUP);
        assertEinval(() -> SyncCopyFileRequest.decode(Command.SYNC_UPDATE_FILE, fixedOnly, 36, 0), "longer than 36");
    }

    @Test
    void aSyncCopyWithoutContentMustEndAfterTheName() {
        assertEinval(() -> copy(17, 44, 2, FILE, "ab"), "content is omitted (header status 17) but 2 bytes");
        assertThat(copy(17, 44, 2, FILE, "").contentOmitted()).isTrue();
    }

    @Test
    void anyNonZeroStatusMeansContentOmittedLikeTheCReceiverAndIsResentAsSeventeen() {
        var req = copy(5, 44, 45, FILE, "");
        assertThat(req.contentOmitted()).isTrue();
        assertThat(Frames.request(req, WireProfile.CURRENT)[9]).isEqualTo((byte) 17);
    }

    @Test
    void aSyncDeleteNeedsANameOfOneTo127Bytes() {
        assertEinval(() -> SyncDeleteFileRequest.decode(body(STAMP, GROUP)), "longer than 20");
        assertEinval(() -> SyncDeleteFileRequest.decode(body(STAMP, GROUP, ascii(LONG_NAME))), "expected 1..127");
    }

    @Test
    void aSyncDeleteReadsTheGroupUpToItsFirstNul() {
        var req = SyncDeleteFileRequest.decode(body(STAMP, hex("67 72 6f 75 70 31 00 7e 00 00 5c 7f 62 a9 5b 55"),
                ascii(FILE)));
        assertThat(req.group()).isEqualTo("group1");
    }

    private static ByteBuffer range(long nameLength, long offset, long length, String name, String content) {
        return body(long8(nameLength), long8(offset), long8(length), STAMP, GROUP, ascii(name), ascii(content));
    }

    @Test
    void syncAppendAndModifyRefuseNegativeNumbersAndSizeMismatches() {
        for (boolean append : new boolean[] {true, false}) {
            Command command = append ? Command.SYNC_APPEND_FILE : Command.SYNC_MODIFY_FILE;
            java.util.function.Function<ByteBuffer, Object> decode =
                    b -> SyncRangeRequest.decode(command, b, b.remaining());
            assertEinval(() -> decode.apply(range(44, -1, 1, APPENDER, "x")), "start offset is negative");
            assertEinval(() -> decode.apply(range(44, 0, -1, APPENDER, "")), "byte count is negative");
            assertEinval(() -> decode.apply(range(44, 0, 2, APPENDER, "x")), "declared size 2");
            assertEinval(() -> decode.apply(range(0, 0, 1, "", "x")), "outside 1..127");
            assertEinval(() -> decode.apply(body(long8(44), long8(0), long8(0), STAMP, GROUP)), "longer than 44");
        }
    }

    @Test
    void syncTruncateMustEndAfterTheNameAndHaveNonNegativeSizes() {
        assertEinval(() -> SyncTruncateFileRequest.decode(range(44, 32, 10, APPENDER, "x")), "the lengths say 88");
        assertEinval(() -> SyncTruncateFileRequest.decode(range(44, -1, 10, APPENDER, "")), "old size is negative");
        assertEinval(() -> SyncTruncateFileRequest.decode(range(44, 32, -1, APPENDER, "")), "new size is negative");
    }

    private static ByteBuffer twoNames(long dest, long src, String names) {
        return body(long8(dest), long8(src), STAMP, GROUP, ascii(names));
    }

    @Test
    void syncLinkAndRenameNeedTwoNamesThatFillTheBody() {
        for (var decode : List.<java.util.function.Function<ByteBuffer, ?>>of(
                SyncCreateLinkRequest::decode, SyncRenameFileRequest::decode)) {
            assertEinval(() -> decode.apply(twoNames(44, 44, FILE + APPENDER + "!")), "the lengths say 124");
            assertEinval(() -> decode.apply(twoNames(0, 44, APPENDER)), "destination file name length 0");
            assertEinval(() -> decode.apply(twoNames(44, 128, FILE + LONG_NAME)), "source file name length 128");
            assertEinval(() -> decode.apply(body(long8(0), long8(0), STAMP, GROUP)), "longer than 36");
        }
    }

    @Test
    void fetchOnePathBinlogNeedsSeventeenBytesAndANonNegativePath() {
        assertEinval(() -> FetchOnePathBinlogRequest.decode(body(GROUP)), "expected 17");
        assertEinval(() -> FetchOnePathBinlogRequest.decode(body(GROUP, hex("00 00"))), "expected 17");
        assertEinval(() -> FetchOnePathBinlogRequest.decode(body(GROUP, hex("80"))), "store path index -128");
    }

    private static final byte[] SLOT = hex("00 01 02 00000007 00001000 00000400");

    @Test
    void trunkAllocSpaceNeedsTwentyOneBytesAndNonNegativeValues() {
        assertEinval(() -> TrunkAllocSpaceRequest.decode(body(GROUP, int4(1024))), "expected 21");
        assertEinval(() -> TrunkAllocSpaceRequest.decode(body(GROUP, int4(-1), hex("00"))), "file size -1");
        assertEinval(() -> TrunkAllocSpaceRequest.decode(body(GROUP, int4(1), hex("ff"))), "store path index -1");
    }

    @Test
    void trunkSlotBodiesAreExactlyThirtyOneBytes() {
        assertEinval(() -> TrunkAllocConfirmRequest.decode(body(GROUP, SLOT, hex("00")), 0), "expected 31");
        assertEinval(() -> TrunkFreeSpaceRequest.decode(body(GROUP, Arrays.copyOf(SLOT, 14))), "expected 31");
        assertEinval(() -> TrunkFreeSpaceRequest.decode(body(GROUP, hex("80"), Arrays.copyOfRange(SLOT, 1, 15))),
                "store path index -128");
        assertEinval(() -> TrunkInfo.decode(body(Arrays.copyOf(SLOT, 16))), "expected 15");
    }

    @Test
    void trunkBinlogCommandsRefuseTheWrongBodies() {
        assertEinval(() -> TrunkSyncBinlogRequest.decode(body()), "empty");
        assertEinval(() -> TrunkBinlogRequest.decode(Command.TRUNK_GET_BINLOG_SIZE, body(hex("00"))), "expected 0");
        assertEinval(() -> TrunkBinlogSizeResponse.decode(body(hex("00 00 00 00 00 00 01"))), "expected 8");
        assertEinval(() -> TrunkBinlogSizeResponse.decode(body(long8(-1))), "negative");
        assertThatThrownBy(() -> TrunkBinlogRequest.decode(Command.TRUNK_SYNC_BINLOG, body()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyTruncationOfAGoldenBodyFailsWithAProtocolExceptionNeverAnUnderflow() {
        Stream.concat(StorageSyncGoldenTest.GOLDEN.stream(), StorageTrunkGoldenTest.GOLDEN.stream()).forEach(g -> {
            byte[] frame = g.frame();
            for (int end = 10; end < frame.length; end++) {
                ByteBuffer cut = ByteBuffer.wrap(Arrays.copyOfRange(frame, 10, end));
                try {
                    g.decoder().apply(cut);
                } catch (ProtocolException expected) {
                    assertThat(expected.status()).isEqualTo(Status.EINVAL);
                }
            }
        });
    }

    @Test
    void recordsRefuseValuesThatCannotBeSent() {
        assertThatThrownBy(() -> new ReportServerIdRequest("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportServerIdRequest("0123456789abcdef"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyncCopyFileRequest(Command.UPLOAD_FILE, false, 0, "group1", FILE, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyncCopyFileRequest(Command.SYNC_CREATE_FILE, false, 0, "group1", FILE, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyncDeleteFileRequest(0, "group1", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyncRangeRequest.append(0, "group1", APPENDER, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FetchOnePathBinlogRequest("group1", 128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrunkInfo(0, 256, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrunkAllocConfirmRequest(-1, "group1", StorageTrunkGoldenTest.SLOT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrunkSyncBinlogRequest("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrunkBinlogRequest(Command.TRUNK_ALLOC_SPACE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BinlogStream.trailer(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
