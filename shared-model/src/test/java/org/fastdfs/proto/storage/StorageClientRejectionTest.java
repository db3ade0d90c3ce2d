package org.fastdfs.proto.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fastdfs.proto.FrameFixtures.ascii;
import static org.fastdfs.proto.FrameFixtures.concat;
import static org.fastdfs.proto.FrameFixtures.hex;
import static org.fastdfs.proto.FrameFixtures.long8;
import static org.fastdfs.proto.FrameFixtures.padded;
import static org.fastdfs.proto.storage.StorageClientFrames.APPENDER;
import static org.fastdfs.proto.storage.StorageClientFrames.FILE;
import static org.fastdfs.proto.storage.StorageClientFrames.MASTER;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.junit.jupiter.api.Test;

/** Bodies a storage must refuse (EINVAL), and record values a caller must not build. */
class StorageClientRejectionTest {

    private static final byte[] GROUP = padded("group1", 16);
    private static final String LONG_NAME = "M00/00/00/" + "x".repeat(118); // 128 bytes

    private static ByteBuffer body(byte[]... parts) {
        return ByteBuffer.wrap(concat(parts));
    }

    private static void assertEinval(ThrowingCallable decode, String messagePart) {
        assertThatThrownBy(decode).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.status()).isEqualTo(Status.EINVAL)).hasMessageContaining(messagePart);
    }

    private static UploadFileRequest upload(ByteBuffer b) {
        return UploadFileRequest.decode(Command.UPLOAD_FILE, b, b.remaining());
    }

    @Test
    void anUploadShorterThanItsFixedPartIsRefused() {
        assertEinval(() -> upload(body(hex("00 00 00 00 00 00 00 00 00 74 78 74 00 00"))), "shorter than 15");
    }

    @Test
    void anUploadToANegativeStorePathOtherThanMinusOneIsRefused() {
        assertEinval(() -> upload(body(hex("fe"), long8(0), padded("txt", 6))), "store path index -2");
        assertThat(upload(body(hex("ff"), long8(0), padded("txt", 6))).storePathIndex())
                .isEqualTo(UploadFileRequest.ANY_STORE_PATH);
    }

    @Test
    void anUploadWhoseDeclaredSizeIsNotTheRestOfTheBodyIsRefused() {
        assertEinval(() -> upload(body(hex("00"), long8(4), padded("txt", 6), ascii("abc"))), "declared size 4");
        assertEinval(() -> upload(body(hex("00"), long8(2), padded("txt", 6), ascii("abc"))), "declared size 2");
        assertEinval(() -> upload(body(hex("00"), long8(-1), padded("txt", 6))), "declared size -1");
    }

    @Test
    void anUploadExtensionWithForbiddenCharactersIsRefused() {
        assertEinval(() -> upload(body(hex("00"), long8(0), padded("a/b", 6))), "outside [A-Za-z0-9._-]");
        assertEinval(() -> upload(body(hex("00"), long8(0), padded("t xt", 6))), "outside [A-Za-z0-9._-]");
        assertThat(upload(body(hex("00"), long8(0), padded("tar.gz", 6))).extension()).isEqualTo("tar.gz");
    }

    @Test
    void anUploadExtensionEndsAtItsFirstNulLikeTheCStorageReadsIt() {
        assertThat(upload(body(hex("00"), long8(0), hex("6a 70 67 00 2f 2f"))).extension()).isEqualTo("jpg");
    }

    @Test
    void anAppenderUploadIsDecodedWithTheSameRules() {
        assertEinval(() -> UploadFileRequest.decode(Command.UPLOAD_APPENDER_FILE,
                body(hex("00"), long8(0), padded("*", 6)), 15), "outside");
        assertThatThrownBy(() -> UploadFileRequest.decode(Command.DELETE_FILE, body(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static UploadSlaveFileRequest slave(byte[] prefix, byte[] ext, String master, String content) {
        ByteBuffer b = body(long8(master.length()), long8(content.length()), prefix, ext, ascii(master), ascii(content));
        return UploadSlaveFileRequest.decode(b, b.remaining());
    }

    @Test
    void aSlaveUploadNeedsAMasterNameOfElevenTo127Bytes() {
        assertEinval(() -> slave(padded("_s", 16), padded("", 6), "M00/00/00/", "x"), "outside 11..127");
        assertEinval(() -> slave(padded("_s", 16), padded("", 6), LONG_NAME, "x"), "outside 11..127");
    }

    @Test
    void aSlaveUploadNeedsANonEmptyPrefixOfAllowedCharacters() {
        assertEinval(() -> slave(padded("", 16), padded("jpg", 6), MASTER, "x"), "prefix is empty");
        assertEinval(() -> slave(padded("../x", 16), padded("jpg", 6), MASTER, "x"), "outside");
        assertEinval(() -> slave(padded("_s", 16), padded("j g", 6), MASTER, "x"), "outside");
        assertThat(slave(padded("_s", 16), padded("", 6), MASTER, "x").extension()).isEmpty();
    }

    @Test
    void aSlaveUploadWhoseSizeDoesNotMatchIsRefused() {
        ByteBuffer b = body(long8(44), long8(3), padded("_s", 16), padded("", 6), ascii(MASTER), ascii("x"));
        assertEinval(() -> UploadSlaveFileRequest.decode(b, b.remaining()), "declared size 3");
        ByteBuffer shortOne = body(long8(44), long8(0), padded("_s", 16), padded("", 6));
        assertEinval(() -> UploadSlaveFileRequest.decode(shortOne, shortOne.remaining()), "longer than 38");
    }

    @Test
    void aDownloadWithANegativeOffsetOrLengthIsRefused() {
        assertEinval(() -> DownloadFileRequest.decode(body(long8(-1), long8(0), GROUP, ascii(FILE))),
                "download offset is negative");
        assertEinval(() -> DownloadFileRequest.decode(body(long8(0), long8(-5), GROUP, ascii(FILE))),
                "download length is negative");
    }

    @Test
    void aDownloadWithoutAFileNameOrWithAnOverlongOneIsRefused() {
        assertEinval(() -> DownloadFileRequest.decode(body(long8(0), long8(0), GROUP)), "longer than 32");
        assertEinval(() -> DownloadFileRequest.decode(body(long8(0), long8(0), GROUP, ascii(LONG_NAME))),
                "128 bytes");
    }

    @Test
    void groupAndNameRequestsNeedAFileNameOfOneTo127Bytes() {
        for (Function<ByteBuffer, ?> decoder : java.util.List.<Function<ByteBuffer, ?>>of(
                DeleteFileRequest::decode, GetMetadataRequest::decode, b -> QueryFileInfoRequest.decode(b, 0))) {
            assertEinval(() -> decoder.apply(body(GROUP)), "no file name");
            assertEinval(() -> decoder.apply(body(hex("67 72"))), "no file name");
            assertEinval(() -> decoder.apply(body(GROUP, ascii(LONG_NAME))), "expected 1..127");
        }
    }

    private static ByteBuffer setMeta(long nameLength, long metaSize, char op, String name, String meta) {
        return body(long8(nameLength), long8(metaSize), new byte[] {(byte) op}, GROUP, ascii(name), ascii(meta));
    }

    @Test
    void setMetadataChecksTheNameLengthTheOpFlagAndTheMetadataSize() {
        assertEinval(() -> SetMetadataRequest.decode(setMeta(0, 3, 'O', "", "a\u0002b")), "outside 1..127");
        assertEinval(() -> SetMetadataRequest.decode(setMeta(128, 0, 'O', LONG_NAME, "")), "outside 1..127");
        assertEinval(() -> SetMetadataRequest.decode(setMeta(44, 3, 'X', FILE, "a\u0002b")),
                "op flag 0x58 is neither 'O' nor 'M'");
        assertEinval(() -> SetMetadataRequest.decode(setMeta(44, 4, 'M', FILE, "a\u0002b")), "metadata size 4");
        assertEinval(() -> SetMetadataRequest.decode(setMeta(44, 2, 'M', FILE, "a\u0002b")), "metadata size 2");
        assertEinval(() -> SetMetadataRequest.decode(setMeta(44, -1, 'M', FILE, "")), "metadata size -1");
        assertEinval(() -> SetMetadataRequest.decode(body(long8(1), long8(0), hex("4f"), GROUP)),
                "longer than 33");
    }

    @Test
    void setMetadataWithNoItemsIsValid() {
        var req = SetMetadataRequest.decode(setMeta(44, 0, 'O', FILE, ""));
        assertThat(req.metadata()).isEmpty();
        assertThat(req.op()).isEqualTo(SetMetadataRequest.Op.OVERWRITE);
    }

    @Test
    void appenderCommandsNeedANameOf44To127Bytes() {
        String short43 = APPENDER.substring(1);
        ByteBuffer append = body(long8(43), long8(0), ascii(short43));
        assertEinval(() -> AppendFileRequest.decode(append, append.remaining()), "outside 44..127");
        ByteBuffer modify = body(long8(128), long8(0), long8(0), ascii(LONG_NAME));
        assertEinval(() -> ModifyFileRequest.decode(modify, modify.remaining()), "outside 44..127");
        assertEinval(() -> TruncateFileRequest.decode(body(long8(43), long8(0), ascii(short43))), "outside 44..127");
        assertEinval(() -> RegenerateAppenderFilenameRequest.decode(body(ascii(short43))), "43 bytes");
        assertEinval(() -> RegenerateAppenderFilenameRequest.decode(body(ascii(LONG_NAME))), "128 bytes");
    }

    @Test
    void appendAndModifySizesMustMatchTheContent() {
        ByteBuffer append = body(long8(44), long8(5), ascii(APPENDER), ascii("abcd"));
        assertEinval(() -> AppendFileRequest.decode(append, append.remaining()), "declared size 5");
        ByteBuffer modify = body(long8(44), long8(0), long8(1), ascii(APPENDER));
        assertEinval(() -> ModifyFileRequest.decode(modify, modify.remaining()), "declared size 1");
        ByteBuffer negative = body(long8(44), long8(-1), long8(0), ascii(APPENDER));
        assertEinval(() -> ModifyFileRequest.decode(negative, negative.remaining()), "file offset is negative");
        ByteBuffer headOnly = body(long8(44), long8(0));
        assertEinval(() -> AppendFileRequest.decode(headOnly, headOnly.remaining()), "longer than 16");
    }

    @Test
    void truncateRefusesANegativeSizeAndBytesAfterTheName() {
        assertEinval(() -> TruncateFileRequest.decode(body(long8(44), long8(-1), ascii(APPENDER))),
                "new size is negative");
        assertEinval(() -> TruncateFileRequest.decode(body(long8(44), long8(0), ascii(APPENDER), ascii("!"))),
                "1 unexpected trailing bytes");
    }

    private static ByteBuffer link(long master, long src, long sig, byte[] prefix, byte[] ext, String names) {
        return body(long8(master), long8(src), long8(sig), GROUP, prefix, ext, ascii(names));
    }

    @Test
    void createLinkChecksItsThreeLengths() {
        assertEinval(() -> CreateLinkRequest.decode(link(0, 44, 0, padded("", 16), padded("", 6), FILE + "s")),
                "signature length 0");
        assertEinval(() -> CreateLinkRequest.decode(link(0, 44, 64, padded("", 16), padded("", 6),
                FILE + "s".repeat(64))), "signature length 64");
        assertEinval(() -> CreateLinkRequest.decode(link(0, 0, 1, padded("", 16), padded("", 6), "s")),
                "source file name length 0");
        assertEinval(() -> CreateLinkRequest.decode(link(0, 44, 2, padded("", 16), padded("", 6), FILE + "s")),
                "add up to 46 bytes but 45");
        String big = "M".repeat(127) + "S".repeat(127) + "g".repeat(10);
        assertEinval(() -> CreateLinkRequest.decode(link(127, 127, 10, padded("", 16), padded("", 6), big)),
                "more than 256");
    }

    @Test
    void createLinkRefusesAPrefixOrExtensionThatCouldLeaveTheDirectory() {
        assertEinval(() -> CreateLinkRequest.decode(link(44, 44, 1, padded("/../x", 16), padded("", 6),
                MASTER + FILE + "s")), "outside");
    }

    @Test
    void repliesThatAreTooShortOrTheWrongSizeAreRefused() {
        assertEinval(() -> UploadResponse.decode(body(GROUP)), "no file name");
        assertEinval(() -> FileInfoResponse.decode(body(new byte[39]), WireProfile.CURRENT), "expected 40");
        assertEinval(() -> FileInfoResponse.decode(body(new byte[41]), WireProfile.CLASSIC), "expected 40");
        assertEinval(() -> FileInfoResponse.decode(body(new byte[40]), WireProfile.CURRENT_IPV6), "expected 70");
    }

    @Test
    void everyTruncationOfAGoldenBodyFailsWithAProtocolExceptionNeverAnUnderflow() {
        for (var g : StorageClientGoldenTest.GOLDEN) {
            byte[] frame = g.frame();
            for (int end = 10; end < frame.length; end++) {
                ByteBuffer cut = ByteBuffer.wrap(Arrays.copyOfRange(frame, 10, end));
                try {
                    g.decoder().apply(cut);
                } catch (ProtocolException expected) {
                    assertThat(expected.status()).isEqualTo(Status.EINVAL);
                }
            }
        }
    }

    @Test
    void recordsRefuseValuesThatCannotBeSent() {
        assertThatThrownBy(() -> new UploadFileRequest(Command.UPLOAD_FILE, -2, 0, "txt"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UploadFileRequest(Command.UPLOAD_FILE, 0, -1, "txt"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UploadFileRequest(Command.UPLOAD_FILE, 0, 1, "toolong"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DownloadFileRequest(-1, 0, "group1", FILE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeleteFileRequest(null, FILE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeleteFileRequest("group-name-too-long", FILE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppendFileRequest("M00/short", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UploadSlaveFileRequest(MASTER, 1, "", "jpg"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SetMetadataRequest(SetMetadataRequest.Op.MERGE, "group1", FILE,
                "caf\u00e9\u0002\u20ac")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QueryFileInfoRequest(256, "group1", FILE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
