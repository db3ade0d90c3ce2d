package org.fastdfs.proto.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fastdfs.proto.FrameFixtures.AGGREGATE_ALL;
import static org.fastdfs.proto.FrameFixtures.assertGoldenRequest;
import static org.fastdfs.proto.FrameFixtures.decodeAllWays;
import static org.fastdfs.proto.FrameFixtures.toHex;
import static org.fastdfs.proto.Golden.streamed;
import static org.fastdfs.proto.sync.SyncFrames.*;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Golden;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden frames of every storage → storage replication command (PROTOCOL.md §5.1, §5.2, §5.7). The
 * layouts do not depend on the profile; every request still runs under both to prove it.
 */
class StorageSyncGoldenTest {

    private static SyncCopyFileRequest copy(Command command, boolean omitted, int ts, String name, long size) {
        return new SyncCopyFileRequest(command, omitted, ts, "group1", name, size);
    }

    static final List<Golden<?>> GOLDEN = List.of(
            new Golden<>("hand-written REPORT_SERVER_ID", REPORT_SERVER_ID,
                    new ReportServerIdRequest("100001"), ReportServerIdRequest::decode),
            new Golden<>("upload.txt SYNC_CREATE_FILE, garbage zeroed", SYNC_CREATE,
                    copy(Command.SYNC_CREATE_FILE, false, 1795239316, FILE, 45),
                    streamed(b -> SyncCopyFileRequest.decode(Command.SYNC_CREATE_FILE, b, b.remaining(), 0))),
            new Golden<>("hand-written SYNC_CREATE_FILE without content", SYNC_CREATE_OMITTED,
                    copy(Command.SYNC_CREATE_FILE, true, 1795239316, FILE, 45),
                    streamed(b -> SyncCopyFileRequest.decode(Command.SYNC_CREATE_FILE, b, b.remaining(), 17))),
            new Golden<>("delete.txt SYNC_DELETE_FILE", SYNC_DELETE,
                    new SyncDeleteFileRequest(1795239343, "group1", FILE), SyncDeleteFileRequest::decode),
            new Golden<>("delete.txt SYNC_DELETE_FILE of the -m file", SYNC_DELETE_META,
                    new SyncDeleteFileRequest(1795239343, "group1", FILE + "-m"), SyncDeleteFileRequest::decode),
            new Golden<>("metadata_set.txt SYNC_UPDATE_FILE, garbage zeroed", SYNC_UPDATE_META,
                    copy(Command.SYNC_UPDATE_FILE, false, 1795239325, FILE + "-m", 46),
                    streamed(b -> SyncCopyFileRequest.decode(Command.SYNC_UPDATE_FILE, b, b.remaining(), 0))),
            new Golden<>("hand-written SYNC_CREATE_LINK", SYNC_CREATE_LINK,
                    new SyncCreateLinkRequest(1795239362, "group1", SLAVE, SLAVE_DATA), SyncCreateLinkRequest::decode),
            new Golden<>("appender.txt SYNC_APPEND_FILE", SYNC_APPEND,
                    SyncRangeRequest.append(1795239337, "group1", APPENDER, 16, 16),
                    streamed(b -> SyncRangeRequest.decode(Command.SYNC_APPEND_FILE, b, b.remaining()))),
            new Golden<>("hand-written FETCH_ONE_PATH_BINLOG", FETCH_ONE_PATH_BINLOG,
                    new FetchOnePathBinlogRequest("group1", 0), FetchOnePathBinlogRequest::decode),
            new Golden<>("hand-written SYNC_MODIFY_FILE", SYNC_MODIFY,
                    SyncRangeRequest.modify(1795239360, "group1", APPENDER, 6, 4),
                    streamed(b -> SyncRangeRequest.decode(Command.SYNC_MODIFY_FILE, b, b.remaining()))),
            new Golden<>("hand-written SYNC_TRUNCATE_FILE", SYNC_TRUNCATE,
                    new SyncTruncateFileRequest(1795239361, "group1", APPENDER, 32, 10),
                    SyncTruncateFileRequest::decode),
            new Golden<>("hand-written SYNC_RENAME_FILE", SYNC_RENAME,
                    new SyncRenameFileRequest(1795239348, "group1", REGENERATED, APPENDER),
                    SyncRenameFileRequest::decode));

    /** One golden request frame per command (the first of each in {@link #GOLDEN}). */
    static final Map<Command, byte[]> GOLDEN_REQUESTS = Golden.firstFramePerCommand(GOLDEN);

    static Stream<Arguments> goldenInBothProfiles() {
        return Golden.inBothProfiles(GOLDEN);
    }

    @Test
    void everyStorageSyncCommandHasAGoldenRequest() {
        assertThat(GOLDEN_REQUESTS.keySet()).containsExactlyInAnyOrderElementsOf(Golden.family(Command.Family.STORAGE_SYNC));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("goldenInBothProfiles")
    <T extends Request> void everyGoldenRequestDecodesEveryWayAndEncodesBackToItsBytes(
            Golden<T> g, WireProfile profile) {
        assertGoldenRequest(g.frame(), profile, g.expected(), g.decoder());
    }

    /** A captured sync copy frame, the record it holds, and the header status it was sent with. */
    record Captured(String name, byte[] frame, SyncCopyFileRequest expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Captured> capturedCopiesWithGarbage() {
        return Stream.of(
                new Captured("upload.txt SYNC_CREATE_FILE", SYNC_CREATE_CAPTURED,
                        copy(Command.SYNC_CREATE_FILE, false, 1795239316, FILE, 45)),
                new Captured("metadata_set.txt SYNC_CREATE_FILE of -m", SYNC_CREATE_META_CAPTURED,
                        copy(Command.SYNC_CREATE_FILE, false, 1795239325, FILE + "-m", 46)),
                new Captured("metadata_set.txt SYNC_UPDATE_FILE of -m", SYNC_UPDATE_META_CAPTURED,
                        copy(Command.SYNC_UPDATE_FILE, false, 1795239325, FILE + "-m", 46)),
                new Captured("appender.txt SYNC_CREATE_FILE", SYNC_CREATE_APPENDER_CAPTURED,
                        copy(Command.SYNC_CREATE_FILE, false, 1795239337, APPENDER, 32)),
                new Captured("appender.txt SYNC_UPDATE_FILE", SYNC_UPDATE_APPENDER_CAPTURED,
                        copy(Command.SYNC_UPDATE_FILE, false, 1795239337, APPENDER, 32)),
                new Captured("id_mode_upload_download.txt SYNC_CREATE_FILE", SYNC_CREATE_ID_MODE_CAPTURED,
                        copy(Command.SYNC_CREATE_FILE, false, 1795240951,
                                "M00/00/01/oYYBAGsBM_eAQfBOAAAALeis0vI979.txt", 45)));
    }

    /** Body offset of the group field in a sync copy body: filename_len (8) + file_size (8) + timestamp (4). */
    private static final int GROUP_AT = 10 + 20;

    @ParameterizedTest(name = "{0}")
    @MethodSource("capturedCopiesWithGarbage")
    void readsTheGroupOfARealSyncCopyUpToItsFirstNulAndIgnoresTheGarbageAfterIt(Captured c) {
        byte[] garbage = Arrays.copyOfRange(c.frame(), GROUP_AT + 7, GROUP_AT + 16);
        assertThat(garbage).as("the capture really has garbage after the group's NUL").isNotEqualTo(new byte[9]);

        var frame = decodeAllWays(c.frame(), AGGREGATE_ALL);
        Command command = Command.of(frame.header().command());
        ByteBuffer body = frame.bodyBuffer();
        var decoded = SyncCopyFileRequest.decode(command, body, frame.body().length, frame.header().status());
        assertThat(decoded).isEqualTo(c.expected());
        assertThat(decoded.group()).isEqualTo("group1");
        assertThat(body.remaining()).isEqualTo((int) decoded.fileSize());

        byte[] zeroed = c.frame().clone();
        Arrays.fill(zeroed, GROUP_AT + 7, GROUP_AT + 16, (byte) 0);
        byte[] encoded = Frames.request(decoded, WireProfile.CURRENT);
        assertThat(toHex(encoded)).isEqualTo(toHex(Arrays.copyOf(zeroed, encoded.length)));
    }

    @Test
    void theCleanedGoldenFramesDifferFromTheCapturesOnlyAfterTheGroupsNul() {
        for (byte[][] pair : new byte[][][] {{SYNC_CREATE_CAPTURED, SYNC_CREATE}, {SYNC_UPDATE_META_CAPTURED, SYNC_UPDATE_META}}) {
            byte[] zeroed = pair[0].clone();
            Arrays.fill(zeroed, GROUP_AT + 7, GROUP_AT + 16, (byte) 0);
            assertThat(zeroed).isEqualTo(pair[1]);
        }
    }

    @Test
    void aCopyWithoutContentCarriesStatusSeventeenAndTheSourceSize() {
        var req = copy(Command.SYNC_UPDATE_FILE, true, 1, FILE, 1000);
        assertThat(req.headerStatus()).isEqualTo(Status.EEXIST.code());
        assertThat(req.trailingLength()).isZero();
        assertThat(req.bodyLength(WireProfile.CURRENT)).isEqualTo(36 + 44);
        assertThat(copy(Command.SYNC_UPDATE_FILE, false, 1, FILE, 1000).bodyLength(WireProfile.CURRENT))
                .isEqualTo(36 + 44 + 1000);
    }

    @Test
    void syncRepliesAreHeaderOnlyAndEnoentIsAStatus() {
        assertThat(toHex(Frames.status(Status.ENOENT))).isEqualTo(toHex(SYNC_DELETE_REPLY_ENOENT));
    }

    @Test
    void theBinlogStreamStartsWithAnUnknownLengthHeader() {
        Header header = BinlogStream.header();
        assertThat(toHex(header.toBytes())).isEqualTo(toHex(Arrays.copyOf(FETCH_ONE_PATH_BINLOG_REPLY, 10)));
        assertThat(BinlogStream.isStreamHeader(Header.decode(ByteBuffer.wrap(FETCH_ONE_PATH_BINLOG_REPLY)))).isTrue();
        assertThat(BinlogStream.isStreamHeader(Header.response(Status.OK, 8))).isFalse();
        assertThat(BinlogStream.UNKNOWN_LENGTH).isEqualTo(288230376151711744L);
    }

    @Test
    void theBinlogStreamEndsWithATrailerCountingTheLineBytes() {
        ByteBuffer body = ByteBuffer.wrap(FETCH_ONE_PATH_BINLOG_REPLY, 10, FETCH_ONE_PATH_BINLOG_REPLY.length - 10)
                .slice();
        long lines = BinlogStream.checkTrailer(body);
        assertThat(lines).isEqualTo(169);
        assertThat(body.remaining()).as("left unchanged").isEqualTo(169 + 8);
        String text = new String(FETCH_ONE_PATH_BINLOG_REPLY, 10, 169, StandardCharsets.ISO_8859_1);
        assertThat(text.split("\n")).containsExactly("1795239316 C " + FILE,
                "1795239362 L " + SLAVE + " " + SLAVE_DATA);
        byte[] trailer = Arrays.copyOfRange(FETCH_ONE_PATH_BINLOG_REPLY, 10 + 169, FETCH_ONE_PATH_BINLOG_REPLY.length);
        assertThat(BinlogStream.trailer(169)).isEqualTo(trailer);
        assertThat(BinlogStream.readTrailer(ByteBuffer.wrap(trailer))).isEqualTo(169);
    }

    @Test
    void anEmptyBinlogStreamIsJustAZeroTrailer() {
        assertThat(BinlogStream.checkTrailer(ByteBuffer.wrap(BinlogStream.trailer(0)))).isZero();
    }

    @Test
    void aBinlogStreamWithAWrongOrMissingTrailerIsRefused() {
        byte[] body = Arrays.copyOfRange(FETCH_ONE_PATH_BINLOG_REPLY, 10, FETCH_ONE_PATH_BINLOG_REPLY.length - 1);
        assertThatThrownBy(() -> BinlogStream.checkTrailer(ByteBuffer.wrap(body)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("line bytes but");
        assertThatThrownBy(() -> BinlogStream.checkTrailer(ByteBuffer.wrap(new byte[7])))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("no 8-byte trailer");
        assertThatThrownBy(() -> BinlogStream.readTrailer(ByteBuffer.wrap(BinlogStream.trailer(0)).putLong(0, -1)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("negative");
    }
}
