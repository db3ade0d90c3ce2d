package org.fastdfs.proto.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fastdfs.proto.Golden.streamed;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fastdfs.proto.FrameFixtures.AGGREGATE_ALL;
import static org.fastdfs.proto.FrameFixtures.assertGoldenRequest;
import static org.fastdfs.proto.FrameFixtures.assertGoldenResponse;
import static org.fastdfs.proto.FrameFixtures.decodeAllWays;
import static org.fastdfs.proto.FrameFixtures.toHex;
import static org.fastdfs.proto.storage.StorageClientFrames.*;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Golden;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.storage.SetMetadataRequest.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden frames of every client → storage command (PROTOCOL.md §3). The data-path layouts are the same
 * in the classic and current profiles, so every request runs under both; only QUERY_FILE_INFO's reply
 * depends on the profile (its IP width) and is checked in each width.
 */
class StorageClientGoldenTest {

    static final List<Golden<?>> GOLDEN = List.of(
            new Golden<>("upload.txt UPLOAD_FILE", UPLOAD,
                    new UploadFileRequest(Command.UPLOAD_FILE, 0, 45, "txt"),
                    streamed(b -> UploadFileRequest.decode(Command.UPLOAD_FILE, b, b.remaining()))),
            new Golden<>("appender.txt UPLOAD_APPENDER_FILE", UPLOAD_APPENDER,
                    new UploadFileRequest(Command.UPLOAD_APPENDER_FILE, 0, 16, "txt"),
                    streamed(b -> UploadFileRequest.decode(Command.UPLOAD_APPENDER_FILE, b, b.remaining()))),
            new Golden<>("hand-written UPLOAD_SLAVE_FILE", UPLOAD_SLAVE,
                    new UploadSlaveFileRequest(MASTER, 5, "_150x150", "jpg"),
                    streamed(b -> UploadSlaveFileRequest.decode(b, b.remaining()))),
            new Golden<>("download.txt DOWNLOAD_FILE", DOWNLOAD,
                    new DownloadFileRequest(0, 0, "group1", FILE), DownloadFileRequest::decode),
            new Golden<>("download_range.txt DOWNLOAD_FILE", DOWNLOAD_RANGE,
                    new DownloadFileRequest(6, 10, "group1", FILE), DownloadFileRequest::decode),
            new Golden<>("delete.txt DELETE_FILE", DELETE,
                    new DeleteFileRequest("group1", FILE), DeleteFileRequest::decode),
            new Golden<>("metadata_set.txt SET_METADATA overwrite", SET_METADATA_OVERWRITE,
                    new SetMetadataRequest(Op.OVERWRITE, "group1", FILE,
                            "width\u00021024\u0001height\u0002768\u0001author\u0002anchor"),
                    SetMetadataRequest::decode),
            new Golden<>("metadata_set.txt SET_METADATA merge", SET_METADATA_MERGE,
                    new SetMetadataRequest(Op.MERGE, "group1", FILE, "height\u0002600\u0001color\u0002blue"),
                    SetMetadataRequest::decode),
            new Golden<>("metadata_get.txt GET_METADATA", GET_METADATA,
                    new GetMetadataRequest("group1", FILE), GetMetadataRequest::decode),
            new Golden<>("file_info.txt QUERY_FILE_INFO", QUERY_FILE_INFO,
                    new QueryFileInfoRequest("group1", APPENDER), b -> QueryFileInfoRequest.decode(b, 0)),
            new Golden<>("file_info.txt QUERY_FILE_INFO flags 3", QUERY_FILE_INFO_FLAGS,
                    new QueryFileInfoRequest(3, "group1", APPENDER), b -> QueryFileInfoRequest.decode(b, 3)),
            new Golden<>("appender.txt APPEND_FILE", APPEND,
                    new AppendFileRequest(APPENDER, 16), streamed(b -> AppendFileRequest.decode(b, b.remaining()))),
            new Golden<>("hand-written MODIFY_FILE", MODIFY,
                    new ModifyFileRequest(APPENDER, 6, 4), streamed(b -> ModifyFileRequest.decode(b, b.remaining()))),
            new Golden<>("hand-written TRUNCATE_FILE", TRUNCATE,
                    new TruncateFileRequest(APPENDER, 10), TruncateFileRequest::decode),
            new Golden<>("hand-written REGENERATE_APPENDER_FILENAME", REGENERATE,
                    new RegenerateAppenderFilenameRequest(APPENDER), RegenerateAppenderFilenameRequest::decode),
            new Golden<>("hand-written CREATE_LINK", CREATE_LINK,
                    new CreateLinkRequest("", FILE, "e8acd2f2-0000002d", "group1", "", "txt"),
                    CreateLinkRequest::decode));

    /** One golden request frame per command (the first of each in {@link #GOLDEN}). */
    static final Map<Command, byte[]> GOLDEN_REQUESTS = Golden.firstFramePerCommand(GOLDEN);

    static Stream<Arguments> goldenInBothProfiles() {
        return Golden.inBothProfiles(GOLDEN);
    }

    @Test
    void everyStorageClientCommandHasAGoldenRequest() {
        assertThat(GOLDEN_REQUESTS.keySet()).containsExactlyInAnyOrderElementsOf(Golden.family(Command.Family.STORAGE_CLIENT));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("goldenInBothProfiles")
    <T extends Request> void everyGoldenRequestDecodesEveryWayAndEncodesBackToItsBytes(Golden<T> g,
                                                                                      WireProfile profile) {
        assertGoldenRequest(g.frame(), profile, g.expected(), g.decoder());
    }

    @Test
    void decodesTheUploadRepliesOfTheCaptures() {
        for (WireProfile p : List.of(WireProfile.CLASSIC, WireProfile.CURRENT)) {
            var reply = assertGoldenResponse(UPLOAD_REPLY, p, new UploadResponse("group1", FILE),
                    UploadResponse::decode);
            assertThat(reply.fileId()).isEqualTo("group1/M00/00/00/fwAAAmsBLZSAMpsvAAAALeis0vI527.txt");
            assertGoldenResponse(UPLOAD_APPENDER_REPLY, p, new UploadResponse("group1", APPENDER),
                    UploadResponse::decode);
            assertGoldenResponse(ID_MODE_UPLOAD_REPLY, p,
                    new UploadResponse("group1", "M00/00/01/ooYBAGsBM_eAfJl6AAAALeis0vI502.txt"),
                    UploadResponse::decode);
        }
    }

    @Test
    void decodesTheRepliesThatNameASlaveARegeneratedFileAndALink() {
        // same record and layout in both profiles
        assertGoldenResponse(UPLOAD_SLAVE_REPLY, WireProfile.CURRENT, new UploadResponse("group1", SLAVE),
                UploadResponse::decode);
        assertGoldenResponse(REGENERATE_REPLY, WireProfile.CURRENT, new UploadResponse("group1", REGENERATED),
                UploadResponse::decode);
        assertGoldenResponse(CREATE_LINK_REPLY, WireProfile.CURRENT, new UploadResponse("group1", LINKED),
                UploadResponse::decode);
    }

    @Test
    void decodesTheMetadataReplyOfTheCaptureAsItsRawBytes() {
        var reply = assertGoldenResponse(GET_METADATA_REPLY, WireProfile.CURRENT,
                new MetadataResponse("author\u0002anchor\u0001color\u0002blue\u0001height\u0002600\u0001width\u00021024"),
                MetadataResponse::decode);
        assertThat(reply.bytes()).isEqualTo(Arrays.copyOfRange(GET_METADATA_REPLY, 10, GET_METADATA_REPLY.length));
    }

    @Test
    void keepsThePackedMetadataOfSetMetadataByteForByte() {
        var req = SetMetadataRequest.decode(decodeAllWays(SET_METADATA_MERGE, AGGREGATE_ALL).bodyBuffer());
        assertThat(req.metadataBytes()).containsExactly(Arrays.copyOfRange(SET_METADATA_MERGE, 10 + 77, 10 + 98));
    }

    @Test
    void decodesTheFileInfoRepliesOfTheCapturesInTheSixteenByteWidth() {
        for (WireProfile p : List.of(WireProfile.CLASSIC, WireProfile.CURRENT)) {
            assertGoldenResponse(QUERY_FILE_INFO_REPLY, p,
                    new FileInfoResponse(32, 1795239337L, 0x445b63e8, "127.0.0.3"), b -> FileInfoResponse.decode(b, p));
            assertGoldenResponse(QUERY_FILE_INFO_FLAGS_REPLY, p,
                    new FileInfoResponse(32, 1795239337L, 0, "127.0.0.3"), b -> FileInfoResponse.decode(b, p));
        }
    }

    @Test
    void signExtendsTheCrcOfTheFileInfoReplyInBothWidths() {
        var expected = new FileInfoResponse(45, 1795239316L, 0xe8acd2f2, "127.0.0.2");
        assertThat(expected.crc32()).isEqualTo(-391326990);
        assertGoldenResponse(QUERY_FILE_INFO_NEGATIVE_CRC_REPLY, WireProfile.CLASSIC, expected,
                b -> FileInfoResponse.decode(b, WireProfile.CLASSIC));
        assertGoldenResponse(QUERY_FILE_INFO_IPV6_REPLY, WireProfile.CURRENT_IPV6,
                new FileInfoResponse(45, 1795239316L, 0xe8acd2f2, "fd00::2"),
                b -> FileInfoResponse.decode(b, WireProfile.CURRENT_IPV6));
        assertThat(FileInfoResponse.size(WireProfile.CURRENT)).isEqualTo(40);
        assertThat(FileInfoResponse.size(WireProfile.CURRENT_IPV6)).isEqualTo(70);
    }

    @Test
    void aFileInfoReplyOfOneWidthDoesNotDecodeInTheOther() {
        var narrow = decodeAllWays(QUERY_FILE_INFO_REPLY, AGGREGATE_ALL).bodyBuffer();
        assertThatThrownBy(() -> FileInfoResponse.decode(narrow, WireProfile.CURRENT_IPV6))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void theDownloadReplyIsTheRawContentWithItsLengthInTheHeader() {
        for (byte[] reply : List.of(DOWNLOAD_REPLY, DOWNLOAD_RANGE_REPLY)) {
            var f = decodeAllWays(reply, AGGREGATE_ALL);
            assertThat(toHex(Frames.response(f.body()))).isEqualTo(toHex(reply));
        }
        assertThat(new String(decodeAllWays(DOWNLOAD_RANGE_REPLY, AGGREGATE_ALL).body())).isEqualTo("FastDFS wi");
    }

    @Test
    void errorRepliesAreHeaderOnly() {
        assertThat(toHex(Frames.status(Status.ENOENT))).isEqualTo(toHex(DOWNLOAD_NOT_FOUND_REPLY));
        assertThat(toHex(Frames.status(Status.OK))).isEqualTo(toHex(DELETE_REPLY));
    }

    @Test
    void theQueryFlagsTravelInTheHeaderStatusByte() {
        var req = new QueryFileInfoRequest(QueryFileInfoRequest.NO_CRC32 | QueryFileInfoRequest.KEEP_SILENT,
                "group1", APPENDER);
        assertThat(req.noCrc32()).isTrue();
        assertThat(req.keepSilent()).isTrue();
        assertThat(Frames.request(req, WireProfile.CURRENT)[9]).isEqualTo((byte) 3);
        assertThat(new QueryFileInfoRequest("group1", APPENDER).headerStatus()).isZero();
    }
}
