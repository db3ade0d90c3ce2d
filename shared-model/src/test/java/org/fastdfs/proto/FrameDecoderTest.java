package org.fastdfs.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fastdfs.proto.FrameFixtures.concat;
import static org.fastdfs.proto.FrameFixtures.decodeAllWays;
import static org.fastdfs.proto.FrameFixtures.feedSplit;
import static org.fastdfs.proto.FrameFixtures.hex;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    /** ACTIVE_TEST as every FastDFS client sends it. */
    private static final byte[] ACTIVE_TEST = hex("00 00 00 00 00 00 00 00 6f 00");
    /** The DELETE_FILE reply of wire-captures/delete.txt: empty OK. */
    private static final byte[] EMPTY_OK = hex("00 00 00 00 00 00 00 00 64 00");
    /** wire-captures/error_not_found.txt: DOWNLOAD_FILE of a deleted file. */
    private static final byte[] ENOENT = hex("00 00 00 00 00 00 00 00 64 02");
    /** wire-captures/upload.txt: UPLOAD_FILE (11) of 45 bytes to store path 0 with extension "txt". */
    private static final byte[] UPLOAD = concat(
            hex("00 00 00 00 00 00 00 3c 0b 00"),
            hex("00 00 00 00 00 00 00 00 2d 74 78 74 00 00 00"),
            "hello FastDFS, this is a 45-byte upload test\n".getBytes());

    private static final FrameLimits SERVER = FrameLimits.server(256 * 1024, 1L << 40);

    @Test
    void decodesAHeaderOnlyRequestEveryWay() {
        var f = decodeAllWays(ACTIVE_TEST, SERVER);
        assertThat(f.header()).isEqualTo(new Header(0, 111, 0));
        assertThat(f.header().commandCode()).isEqualTo(Command.ACTIVE_TEST);
        assertThat(f.body()).isEmpty();
    }

    @Test
    void decodesHeaderOnlyResponses() {
        assertThat(decodeAllWays(EMPTY_OK, SERVER).header()).isEqualTo(Header.response(Status.OK, 0));
        var err = decodeAllWays(ENOENT, SERVER).header();
        assertThat(err.status()).isEqualTo(Status.ENOENT.code());
        assertThat(err.isOk()).isFalse();
    }

    @Test
    void streamsUploadBodiesInChunksWhateverTheSplit() {
        assertThat(UPLOAD.length).isEqualTo(10 + 60);
        var f = decodeAllWays(UPLOAD, SERVER);
        assertThat(f.header().commandCode()).isEqualTo(Command.UPLOAD_FILE);
        assertThat(f.body()).hasSize(60);
        assertThat(Arrays.copyOfRange(f.body(), 15, 60)).isEqualTo(
                "hello FastDFS, this is a 45-byte upload test\n".getBytes());
    }

    @Test
    void aStreamedFrameDeliversOneChunkPerInputPieceAndNeverAnEmptyOne() {
        var c = feedSplit(UPLOAD, SERVER, 3, 10, 20, 21, 69);
        assertThat(c.errors).isEmpty();
        assertThat(c.frames).hasSize(1);
        assertThat(c.streamChunks).isEqualTo(4);
    }

    @Test
    void aggregatesTheSameBytesWhenTheLimitsSaySo() {
        var f = decodeAllWays(UPLOAD, FrameLimits.builder(1024).build());
        assertThat(f.body()).hasSize(60);
    }

    @Test
    void aStreamedFrameWithAnEmptyBodyStartsAndEnds() {
        byte[] emptyUpload = hex("00 00 00 00 00 00 00 00 0b 00");
        var f = decodeAllWays(emptyUpload, SERVER);
        assertThat(f.body()).isEmpty();
    }

    @Test
    void anOversizedLengthFailsOnceAndStopsForGood() {
        byte[] huge = concat(hex("00 00 00 00 00 10 00 00 0e 00"), ACTIVE_TEST);
        var c = feedSplit(huge, SERVER);
        assertThat(c.errors).hasSize(1);
        assertThat(c.errors.get(0).status()).isEqualTo(Status.EINVAL);
        assertThat(c.errors.get(0)).hasMessageContaining("exceeds the limit");
        assertThat(c.frames).as("nothing after a failure is decoded").isEmpty();
    }

    @Test
    void aNegativeLengthFails() {
        var c = feedSplit(concat(hex("ff ff ff ff ff ff ff ff 0c 00"), ACTIVE_TEST), SERVER, 4);
        assertThat(c.errors).singleElement().extracting(ProtocolException::getMessage).asString()
                .contains("negative body length");
        assertThat(c.frames).isEmpty();
    }

    @Test
    void aStreamedLengthAboveItsLimitFails() {
        var limits = FrameLimits.server(1024, 50);
        var c = feedSplit(UPLOAD, limits);
        assertThat(c.errors).hasSize(1);
        assertThat(c.frames).isEmpty();
    }

    @Test
    void perFamilyLimitsApplyToEveryCommandOfTheFamily() {
        var limits = FrameLimits.builder(1024).family(Command.Family.TRACKER_CLIENT, 8).build();
        assertThat(limits.maxBody(Command.SERVICE_QUERY_FETCH_ONE.code())).isEqualTo(8);
        assertThat(limits.maxBody(Command.DOWNLOAD_FILE.code())).isEqualTo(1024);
        byte[] fetch = FrameFixtures.requestFrame(Command.SERVICE_QUERY_FETCH_ONE, new byte[9]);
        assertThat(feedSplit(fetch, limits).errors).hasSize(1);
    }

    @Test
    void unknownCommandsStillFrameSoTheServerCanAnswerEinval() {
        byte[] unknown = FrameFixtures.frame(200, 0, new byte[] {1, 2, 3});
        var f = decodeAllWays(unknown, SERVER);
        assertThat(f.header().commandCode()).isNull();
        assertThat(f.body()).containsExactly(1, 2, 3);
    }

    @Test
    void aTruncatedFrameIsReportedAtEndOfInput() {
        for (int cut : new int[] {3, 10, 40}) {
            var c = new FrameFixtures.Collector();
            var d = new FrameDecoder(FrameLimits.builder(1024).build(), c);
            d.feed(UPLOAD, 0, cut);
            assertThat(d.idle()).isFalse();
            d.endOfInput();
            assertThat(c.errors).as("cut at " + cut).hasSize(1);
            assertThat(c.errors.get(0)).hasMessageContaining("connection closed");
            assertThat(c.frames).isEmpty();
            assertThat(d.failed()).isTrue();
        }
    }

    @Test
    void endOfInputBetweenFramesIsClean() {
        var c = new FrameFixtures.Collector();
        var d = new FrameDecoder(SERVER, c);
        d.feed(ACTIVE_TEST);
        d.endOfInput();
        assertThat(c.errors).isEmpty();
        assertThat(c.frames).hasSize(1);
    }

    @Test
    void aggregatedBodiesAboveTheIntRangeAreRejected() {
        var limits = FrameLimits.builder(Long.MAX_VALUE).build();
        var c = feedSplit(hex("00 00 00 01 00 00 00 00 0f 00"), limits);
        assertThat(c.errors).hasSize(1);
    }

    @Test
    void pausingAfterAFrameLeavesTheNextFrameUnreadUntilResumed() {
        var frames = new java.util.ArrayList<Header>();
        var decoder = new FrameDecoder[1];
        decoder[0] = new FrameDecoder(SERVER, new FrameDecoder.Handler() {
            @Override
            public void onFrame(Header header, java.nio.ByteBuffer body) {
                frames.add(header);
                decoder[0].pause();
            }

            @Override
            public void onError(ProtocolException error) {
                throw error;
            }
        });
        var input = java.nio.ByteBuffer.wrap(concat(ACTIVE_TEST, EMPTY_OK));
        decoder[0].feed(input);
        assertThat(frames).hasSize(1);
        assertThat(input.remaining()).isEqualTo(10);
        decoder[0].feed(input);
        assertThat(frames).as("still paused").hasSize(1);
        decoder[0].resume();
        decoder[0].feed(input);
        assertThat(frames).hasSize(2);
        assertThat(input.hasRemaining()).isFalse();
    }

    @Test
    void everyCommandCodeIsUniqueAndLooksUp() {
        for (Command c : Command.values()) {
            assertThat(Command.of(c.code())).isSameAs(c);
        }
        assertThat(Command.of(0)).isNull();
        assertThat(Command.of(-1)).isNull();
        assertThat(Command.of(256)).isNull();
        assertThat(Command.values()).hasSize(81);
    }

    @Test
    void statusCodesLookUpAndDescribeThemselves() {
        for (Status s : Status.values()) {
            assertThat(Status.of(s.code())).isSameAs(s);
            assertThat(s.code()).isLessThanOrEqualTo(127);
        }
        assertThat(Status.describe(2)).isEqualTo("ENOENT (2): no such file, group or storage");
        assertThat(Status.describe(99)).isEqualTo("status 99");
        assertThat(Status.OK.isError()).isFalse();
    }
}
