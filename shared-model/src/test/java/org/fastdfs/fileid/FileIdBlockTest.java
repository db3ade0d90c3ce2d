package org.fastdfs.fileid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fastdfs.proto.FrameFixtures.hex;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 20-byte block: size words, sources and the file-type rule (PROTOCOL.md §6.2, §6.6). */
class FileIdBlockTest {

    private static final FileSource IP = FileSource.ip("192.168.1.10");

    /** size -> the expected size word, written by hand (random 0x123456 where it applies). */
    @ParameterizedTest(name = "normal file of {0} bytes")
    @CsvSource({
        "0,            8012345600000000",
        "45,           801234560000002d",
        "4294967295,   80123456ffffffff",   // 2^32 - 1: still random bits
        "4294967296,   0000000100000000",   // 2^32: the plain size
        "5000000000,   000000012a05f200",
        "1099511627776, 0000010000000000",  // 1 TiB
    })
    void normalSizeWords(long size, String word) {
        FileIdBlock b = FileIdBlock.normal(IP, 1_700_000_000L, size, 0, 0x123456);
        assertThat(b.sizeWord()).isEqualTo(Long.parseUnsignedLong(word, 16));
        assertThat(b.sizeFromWord()).isEqualTo(size);
        assertThat(FileIdBlock.decode(b.encode())).isEqualTo(b);
        assertThat(b.randomBits().isPresent()).isEqualTo(size < (1L << 32));
        FileId id = FileId.of("group1", 0, 0, 0, b, "1234567");
        assertThat(id.fileType()).isEqualTo(FileType.NORMAL);
        assertThat(id.sizeFromName()).hasValue(size);
    }

    @Test
    void appenderAndTrunkWordsCarryTheirFlags() {
        FileIdBlock a = FileIdBlock.appender(IP, 1, 0, 0x7FFFFF);
        assertThat(a.sizeWord()).isEqualTo(0x84_7F_FF_FF_00000000L);
        assertThat(a.isAppender()).isTrue();
        assertThat(a.isTrunk()).isFalse();
        FileIdBlock t = FileIdBlock.trunk(IP, 1, 0xFFFFFFFFL, 0, 0);
        assertThat(t.sizeWord()).isEqualTo(0x88000000_FFFFFFFFL);
        assertThat(t.isTrunk()).isTrue();
        assertThat(t.sizeFromWord()).isEqualTo(0xFFFFFFFFL);
    }

    /** Without bit 63 the trunk bit still selects the low 32 bits (the C order of checks). */
    @Test
    void aTrunkWordWithoutTheRandomBitGivesTheLowWord() {
        FileIdBlock b = new FileIdBlock(IP, 0, FileIdBlock.TRUNK_FLAG | 99, 0);
        assertThat(b.sizeFromWord()).isEqualTo(99);
        assertThat(b.randomBits()).isEmpty();
    }

    @ParameterizedTest(name = "random value {0}")
    @CsvSource({"-1", "8388608", "2147483647"})
    void theRandomValueMustFitTwentyThreeBits(int random) {
        assertThatThrownBy(() -> FileIdBlock.normal(IP, 0, 1, 0, random))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("23-bit");
    }

    @Test
    void refusesSizesAFileIdCannotHold() {
        assertThatThrownBy(() -> FileIdBlock.normal(IP, 0, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileIdBlock.normal(IP, 0, 1L << 58, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileIdBlock.trunk(IP, 0, 1L << 32, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileIdBlock(IP, 1L << 32, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void drawsTheRandomBitsOnlyFromTheGeneratorItIsGiven() {
        int r1 = FileIdBlock.random23(new SplittableRandom(42));
        int r2 = FileIdBlock.random23(new SplittableRandom(42));
        assertThat(r1).isEqualTo(r2).isBetween(0, 0x7FFFFF);
    }

    @Test
    void aServerIdIsStoredLittleEndian() {
        assertThat(FileSource.serverId(100001).word()).isEqualTo(0xA1860100);
        FileIdBlock b = FileIdBlock.normal(FileSource.serverId(100001), 1_700_000_000L, 12345, 0x1234ABCD, 0x123456);
        assertThat(b.toBytes()).startsWith(hex("a1 86 01 00"));
        assertThat(b.encode()).isEqualTo("oYYBAGVT8QCAEjRWAAAwORI0q80");
        assertThat(FileSource.serverId(FileSource.MAX_SERVER_ID).word()).isEqualTo(0xFFFFFF00);
    }

    /** source bytes -> what FastDFS decodes them to (§6.6), including the ".0" quirk. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            C0 A8 01 0A | ip | 192.168.1.10
            7F 00 00 02 | ip | 127.0.0.2
            A1 86 01 00 | id | 100001
            FF FF FF 00 | id | 16777215
            01 00 00 00 | id | 1
            0A 00 00 00 | id | 10
            C0 A8 01 00 | id | 108736
            00 00 00 00 | ip | 0.0.0.0
            00 00 00 01 | ip | 0.0.0.1
            """)
    void decodesTheSourceWithTheCRule(String bytes, String kind, String text) {
        int word = java.nio.ByteBuffer.wrap(hex(bytes)).getInt();
        FileSource s = FileSource.fromWord(word);
        assertThat(s).isInstanceOf(kind.equals("ip") ? FileSource.Ipv4.class : FileSource.ServerId.class);
        assertThat(s.text()).isEqualTo(text);
        assertThat(s.word()).isEqualTo(word);
    }

    @Test
    void anIpEndingInDotZeroComesBackAsAServerId() {
        // The C quirk of §10.7, reproduced on purpose: 10.0.0.0 is written C0-style as 0A 00 00 00,
        // and 0x0000000A = 10 is a valid server id.
        FileIdBlock b = FileIdBlock.normal(FileSource.ip("10.0.0.0"), 1_700_000_000L, 12345, 0x1234ABCD, 0x123456);
        assertThat(b.encode()).isEqualTo("CgAAAGVT8QCAEjRWAAAwORI0q80");
        assertThat(FileIdBlock.decode(b.encode()).source()).isEqualTo(FileSource.serverId(10));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1.2.3", "1.2.3.4.5", "256.1.1.1", "a.b.c.d", "1..2.3", "-1.2.3.4"})
    void refusesMalformedIpText(String text) {
        assertThatThrownBy(() -> FileSource.ip(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "server id {0}")
    @CsvSource({"0", "-5", "16777216"})
    void refusesServerIdsOutsideTheRange(int id) {
        assertThatThrownBy(() -> FileSource.serverId(id)).isInstanceOf(IllegalArgumentException.class);
    }

    /** remote filename length (with "Mxx/"), size word flags -> type (tracker_types.h). */
    @ParameterizedTest(name = "length {0}, {1} -> {2}")
    @CsvSource({
        "44, plain,    NORMAL",
        "44, random,   NORMAL",
        "45, random,   SLAVE",
        "60, random,   SLAVE",
        "61, random,   SLAVE",
        "60, trunk,    TRUNK",
        "57, trunk,    TRUNK",   // C calls a 45..60-char name with the trunk bit "normal"
        "44, trunk,    TRUNK",
        "61, trunk,    SLAVE",
        "44, appender, APPENDER",
        "80, appender, APPENDER",
    })
    void theFileTypeFollowsTheCRule(int length, String word, FileType expected) {
        long w = switch (word) {
            case "plain" -> 5_000_000_000L;
            case "random" -> 0x80123456_00003039L;
            case "trunk" -> 0x88123456_00003039L;
            default -> 0x84123456_00000000L;
        };
        assertThat(FileType.of(length, w)).isEqualTo(expected);
        assertThat(expected.sizeInName()).isEqualTo(expected == FileType.NORMAL || expected == FileType.TRUNK);
    }
}
