package org.fastdfs.fileid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fastdfs.proto.FrameFixtures.hex;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The file id table: every id is given as text and as the 20 bytes behind its block, written by
 * hand field by field (never produced by the encoder under test). The texts come from PROTOCOL.md
 * §6.1/§6.8 and the C 6.16.1 captures; the synthetic ones (appender, trunk, 5 GB, server id) were
 * base64url-encoded from the listed bytes with an independent encoder (Python's base64). Each row
 * must parse into those fields, format back to the same text, and be rebuilt from the fields to
 * the same text.
 */
class FileIdTest {

    /** One row of the table. {@code size} is null where it must be queried (appender, slave). */
    record Case(String label, String fileId, String blockHex, FileType type, FileSource source, long timestamp,
            Long size, int crc32, Integer random, Supplier<FileId> fromFields) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final FileSource IP_192_168_1_10 = FileSource.ip("192.168.1.10");
    static final FileSource IP_127_0_0_2 = FileSource.ip("127.0.0.2");
    static final FileSource IP_127_0_0_3 = FileSource.ip("127.0.0.3");

    static final String EXAMPLE = "group1/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg";
    static final String UPLOAD_TXT = "group1/M00/00/00/fwAAAmsBLZSAMpsvAAAALeis0vI527.txt";
    static final String APPENDER_TXT = "group1/M00/00/00/fwAAA2sBLamEKVUdAAAAAGtq8gY314.txt";
    static final String ID_MODE_1 = "group1/M00/00/01/oYYBAGsBM_eAQfBOAAAALeis0vI979.txt";
    static final String ID_MODE_2 = "group1/M00/00/01/ooYBAGsBM_eAfJl6AAAALeis0vI502.txt";

    static Stream<Case> table() {
        return Stream.of(
                // PROTOCOL.md §6.1 worked example (checked there against the libfastcommon encoder).
                new Case("§6.1 example", EXAMPLE,
                        "c0 a8 01 0a  6553f100  80123456 00003039  1234abcd",
                        FileType.NORMAL, IP_192_168_1_10, 1_700_000_000L, 12345L, 0x1234ABCD, 0x123456,
                        () -> FileId.of("group1", 0, 0, 0,
                                FileIdBlock.normal(IP_192_168_1_10, 1_700_000_000L, 12345, 0x1234ABCD, 0x123456),
                                ExtPart.format("jpg", "123"))),
                // wire-captures/upload.txt: 45 bytes uploaded to 127.0.0.2; timestamp = the SYNC_CREATE
                // timestamp 1795239316; crc 0xe8acd2f2 as fdfs_file_info prints in file_info.txt.
                new Case("upload.txt", UPLOAD_TXT,
                        "7f 00 00 02  6b012d94  80329b2f 0000002d  e8acd2f2",
                        FileType.NORMAL, IP_127_0_0_2, 1_795_239_316L, 45L, 0xE8ACD2F2, 0x329B2F,
                        () -> FileId.of("group1", 0, 0, 0,
                                FileIdBlock.normal(IP_127_0_0_2, 1_795_239_316L, 45, 0xE8ACD2F2, 0x329B2F),
                                ExtPart.format("txt", "527"))),
                // wire-captures/appender.txt: appender on 127.0.0.3, created 1795239337 (file_info.txt).
                new Case("appender.txt", APPENDER_TXT,
                        "7f 00 00 03  6b012da9  8429551d 00000000  6b6af206",
                        FileType.APPENDER, IP_127_0_0_3, 1_795_239_337L, null, 0x6B6AF206, 0x29551D,
                        () -> FileId.of("group1", 0, 0, 0,
                                FileIdBlock.appender(IP_127_0_0_3, 1_795_239_337L, 0x6B6AF206, 0x29551D),
                                ExtPart.format("txt", "314"))),
                // wire-captures/id_mode_upload_download.txt: server id 100001 = 0x0186A1 little-endian.
                new Case("id mode 100001", ID_MODE_1,
                        "a1 86 01 00  6b0133f7  8041f04e 0000002d  e8acd2f2",
                        FileType.NORMAL, FileSource.serverId(100001), 1_795_240_951L, 45L, 0xE8ACD2F2, 0x41F04E,
                        () -> FileId.of("group1", 0, 0, 1,
                                FileIdBlock.normal(FileSource.serverId(100001), 1_795_240_951L, 45, 0xE8ACD2F2,
                                        0x41F04E),
                                ExtPart.format("txt", "979"))),
                new Case("id mode 100002", ID_MODE_2,
                        "a2 86 01 00  6b0133f7  807c997a 0000002d  e8acd2f2",
                        FileType.NORMAL, FileSource.serverId(100002), 1_795_240_951L, 45L, 0xE8ACD2F2, 0x7C997A,
                        () -> FileId.of("group1", 0, 0, 1,
                                FileIdBlock.normal(FileSource.serverId(100002), 1_795_240_951L, 45, 0xE8ACD2F2,
                                        0x7C997A),
                                ExtPart.format("txt", "502"))),
                // The sidecar name the binlog and SYNC_CREATE carry (wire-captures/delete.txt): 46
                // characters and no trunk bit, so FastDFS's rule calls it a slave.
                new Case("metadata sidecar name", UPLOAD_TXT + "-m",
                        "7f 00 00 02  6b012d94  80329b2f 0000002d  e8acd2f2",
                        FileType.SLAVE, IP_127_0_0_2, 1_795_239_316L, null, 0xE8ACD2F2, 0x329B2F,
                        () -> FileId.parseRemote("group1", FileId.parse(UPLOAD_TXT).metaRemoteFilename())),
                // An appender id: bit 58 (0x04000000 in the high word), low word 0.
                new Case("appender", "group1/M00/0A/1F/wKgBCmVT8QCEEjRWAAAAABI0q80123.jpg",
                        "c0 a8 01 0a  6553f100  84123456 00000000  1234abcd",
                        FileType.APPENDER, IP_192_168_1_10, 1_700_000_000L, null, 0x1234ABCD, 0x123456,
                        () -> FileId.of("group1", 0, 0x0A, 0x1F,
                                FileIdBlock.appender(IP_192_168_1_10, 1_700_000_000L, 0x1234ABCD, 0x123456),
                                "123.jpg")),
                // §6.8 example: the slave of the §6.1 example with prefix _150x150 and ext jpg.
                new Case("slave §6.8", "group1/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123_150x150.jpg",
                        "c0 a8 01 0a  6553f100  80123456 00003039  1234abcd",
                        FileType.SLAVE, IP_192_168_1_10, 1_700_000_000L, null, 0x1234ABCD, 0x123456,
                        () -> FileId.parse(EXAMPLE).slave("_150x150", "jpg")),
                // A trunk id (§6.7): bit 59 (0x08000000 in the high word), then T16 = base64url of
                // trunk id 7, offset 1024, size 12369 (00000007 00000400 00003051), then E7.
                new Case("trunk", "group1/M01/00/00/wKgBCmVT8QCIEjRWAAAwORI0q80AAAABwAABAAAADBR123.jpg",
                        "c0 a8 01 0a  6553f100  88123456 00003039  1234abcd",
                        FileType.TRUNK, IP_192_168_1_10, 1_700_000_000L, 12345L, 0x1234ABCD, 0x123456,
                        () -> FileId.trunk("group1", 1, 0, 0,
                                FileIdBlock.trunk(IP_192_168_1_10, 1_700_000_000L, 12345, 0x1234ABCD, 0x123456),
                                new TrunkInfo(7, 1024, 12369), "123.jpg")),
                // Size >= 4 GiB: the plain size 5000000000 = 0x12A05F200, no random bits.
                new Case("5 GB", "group2/M02/FF/FF/wKgBCmVT8QAAAAABKgXyABI0q804567890",
                        "c0 a8 01 0a  6553f100  00000001 2a05f200  1234abcd",
                        FileType.NORMAL, IP_192_168_1_10, 1_700_000_000L, 5_000_000_000L, 0x1234ABCD, null,
                        () -> FileId.of("group2", 2, 0xFF, 0xFF,
                                FileIdBlock.normal(IP_192_168_1_10, 1_700_000_000L, 5_000_000_000L, 0x1234ABCD, 0),
                                ExtPart.format("", "4567890"))),
                // Server-id mode on the §6.1 fields: id 100001 -> A1 86 01 00.
                new Case("server id 100001", "group1/M00/00/00/oYYBAGVT8QCAEjRWAAAwORI0q80123.jpg",
                        "a1 86 01 00  6553f100  80123456 00003039  1234abcd",
                        FileType.NORMAL, FileSource.serverId(100001), 1_700_000_000L, 12345L, 0x1234ABCD, 0x123456,
                        () -> FileId.of("group1", 0, 0, 0,
                                FileIdBlock.normal(FileSource.serverId(100001), 1_700_000_000L, 12345, 0x1234ABCD,
                                        0x123456),
                                "123.jpg")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void parsesAndFormatsBackExactly(Case c) {
        FileId id = FileId.parse(c.fileId());
        assertThat(id.format()).isEqualTo(c.fileId());
        assertThat(id.toString()).isEqualTo(c.fileId());
        assertThat(id.groupName() + "/" + id.remoteFilename()).isEqualTo(c.fileId());
        assertThat(FileId.parseRemote(id.groupName(), id.remoteFilename())).isEqualTo(id);
        assertThat(FileId.parse(id.format())).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decodesTheFieldsOfTheName(Case c) {
        FileId id = FileId.parse(c.fileId());
        FileIdBlock block = id.block();
        assertThat(block.toBytes()).isEqualTo(hex(c.blockHex()));
        assertThat(FileIdBlock.fromBytes(hex(c.blockHex()))).isEqualTo(block);
        assertThat(id.fileType()).isEqualTo(c.type());
        assertThat(id.source()).isEqualTo(c.source());
        assertThat(id.createTimestamp()).isEqualTo(c.timestamp());
        assertThat(id.createTime().getEpochSecond()).isEqualTo(c.timestamp());
        assertThat(block.crc32()).isEqualTo(c.crc32());
        if (c.size() == null) {
            assertThat(id.mustQuerySize()).isTrue();
            assertThat(id.sizeFromName()).isEmpty();
            assertThat(id.crc32FromName()).isEmpty();
        } else {
            assertThat(id.mustQuerySize()).isFalse();
            assertThat(id.sizeFromName()).hasValue(c.size());
            assertThat(id.crc32FromName()).hasValue(c.crc32());
        }
        if (c.random() == null) {
            assertThat(block.randomBits()).isEmpty();
        } else {
            assertThat(block.randomBits()).hasValue(c.random());
        }
        if (c.source() instanceof FileSource.Ipv4 ip) {
            assertThat(id.sourceIp()).hasValue(ip.text());
            assertThat(id.sourceServerId()).isEmpty();
        } else {
            assertThat(id.sourceIp()).isEmpty();
            assertThat(id.sourceServerId()).hasValue(((FileSource.ServerId) c.source()).id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void encodingTheFieldsGivesTheSameText(Case c) {
        assertThat(c.fromFields().get().format()).isEqualTo(c.fileId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void theBlockEncodesToTheTwentySevenCharactersOfTheName(Case c) {
        FileId id = FileId.parse(c.fileId());
        assertThat(FileIdBlock.fromBytes(hex(c.blockHex())).encode()).isEqualTo(id.blockText()).hasSize(27);
        assertThat(FileIdBlock.decode(id.blockText())).isEqualTo(id.block());
    }

    /** Every file id of the C 6.16.1 captures is one of the rows above and round-trips. */
    @Test
    void everyFileIdInTheWireCapturesIsInTheTableAndRoundTrips() throws Exception {
        Path dir = Path.of("/work/shared/wire-captures");
        Assumptions.assumeTrue(Files.isDirectory(dir), "wire captures not present");
        Pattern p = Pattern.compile("(?:filename:\\s+|#\\s+|\\$ \\S+ \\S+ )((?:group1/)?M00/[0-9A-F]{2}/[0-9A-F]{2}/[A-Za-z0-9_.-]+)");
        Set<String> found = new HashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".txt")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    Matcher m = p.matcher(line);
                    while (m.find()) {
                        String s = m.group(1);
                        found.add(s.startsWith("group1/") ? s : "group1/" + s);
                    }
                }
            }
        }
        Set<String> table = new HashSet<>();
        table().forEach(c -> table.add(c.fileId()));
        assertThat(found).hasSize(5).allSatisfy(id -> {
            assertThat(FileId.parse(id).format()).isEqualTo(id);
            assertThat(table).contains(id);
        });
    }

    @Test
    void theCapturedIpModeIdsNameTheStorageThatStoredThem() {
        // upload.txt: QUERY_STORE answered 127.0.0.2, the upload was 45 bytes.
        FileId upload = FileId.parse(UPLOAD_TXT);
        assertThat(upload.sourceIp()).hasValue("127.0.0.2");
        assertThat(upload.sizeFromName()).hasValue(45);
        // appender.txt: stored on 127.0.0.3, QUERY_FILE_INFO answers the source IP 127.0.0.3.
        assertThat(FileId.parse(APPENDER_TXT).sourceIp()).hasValue("127.0.0.3");
    }

    @Test
    void theCapturedIdModeIdsHoldTheServerIds() {
        assertThat(FileId.parse(ID_MODE_1).source().text()).isEqualTo("100001");
        assertThat(FileId.parse(ID_MODE_2).source().text()).isEqualTo("100002");
        assertThat(FileId.parse(ID_MODE_1).subDirLow()).isEqualTo(1);
        assertThat(FileId.parse(ID_MODE_1).sizeFromName()).hasValue(45);
    }

    @Test
    void theSidecarOfTheCapturedUploadIsTheNameTheBinlogCarries() {
        FileId id = FileId.parse(UPLOAD_TXT);
        // wire-captures/delete.txt: SYNC_DELETE_FILE of the sidecar.
        assertThat(id.metaRemoteFilename()).isEqualTo("M00/00/00/fwAAAmsBLZSAMpsvAAAALeis0vI527.txt-m");
        assertThat(id.metaFileName()).isEqualTo("fwAAAmsBLZSAMpsvAAAALeis0vI527.txt-m");
    }

    @Test
    void givesTheOnDiskPathsOfDataAndSidecar() {
        FileId id = FileId.parse("group1/M03/0A/1F/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg");
        assertThat(id.storePathIndex()).isEqualTo(3);
        assertThat(id.subDirHigh()).isEqualTo(0x0A);
        assertThat(id.subDirLow()).isEqualTo(0x1F);
        assertThat(id.relativePath()).isEqualTo("data/0A/1F/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg");
        assertThat(id.metaRelativePath()).isEqualTo("data/0A/1F/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg-m");
        assertThat(id.remoteFilename()).isEqualTo("M03/0A/1F/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg");
        assertThat(id.extPart()).isEqualTo("123.jpg");
        assertThat(id.extension()).isEqualTo("jpg");
    }

    @Test
    void aRemoteFilenameWithoutTheMPrefixIsOnStorePathZeroAndFormatsBackAsGiven() {
        FileId id = FileId.parse("group1/00/0A/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg");
        assertThat(id.legacyPath()).isTrue();
        assertThat(id.storePathIndex()).isZero();
        assertThat(id.subDirLow()).isEqualTo(0x0A);
        assertThat(id.remoteFilename()).isEqualTo("00/0A/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg");
        assertThat(id.format()).isEqualTo("group1/00/0A/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg");
        assertThat(id.relativePath()).isEqualTo("data/00/0A/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg");
        assertThat(id.fileType()).isEqualTo(FileType.NORMAL);
    }

    @Test
    void theHighestStorePathAndDirectoriesFormatAsUpperCaseHex() {
        FileId id = new FileId("g", 255, 254, 171, "wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg");
        assertThat(id.format()).isEqualTo("g/MFF/FE/AB/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg");
    }

    @Test
    void theBlockTextIsKeptSoANonCanonicalLastCharacterStillRoundTrips() {
        // "...q81" differs from "...q80" only in the 2 unused bits: both decode to the same block.
        String id = "group1/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q81123.jpg";
        FileId parsed = FileId.parse(id);
        assertThat(parsed.format()).isEqualTo(id);
        assertThat(parsed.block()).isEqualTo(FileId.parse(EXAMPLE).block());
    }

    @Test
    void aTrunkNameCarriesItsSlot() {
        FileId id = FileId.parse("group1/M01/00/00/wKgBCmVT8QCIEjRWAAAwORI0q80AAAABwAABAAAADBR123.jpg");
        assertThat(id.logicLength()).isEqualTo(60);
        assertThat(id.trunkInfo()).contains(new TrunkInfo(7, 1024, 12369));
        assertThat(id.extPart()).isEqualTo("123.jpg");
        TrunkInfo t = id.trunkInfo().orElseThrow();
        assertThat(t.encode()).isEqualTo("AAAABwAABAAAADBR");
        assertThat(t.trunkRelativePath(id.subDirHigh(), id.subDirLow())).isEqualTo("data/00/00/000007");
        assertThat(t.contentOffset()).isEqualTo(1024 + 24);
        assertThat(FileId.parse(EXAMPLE).trunkInfo()).isEmpty();
    }

    @Test
    void aSixtyCharacterNameWithoutTheTrunkBitIsASlaveNotATrunk() {
        // 44-char master without extension ("…q801234567") + 16-char prefix: 60 characters, bit 59 clear.
        FileId slave = FileId.parse("group1/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q801234567")
                .slave("abcdefghijklmnop", "");
        assertThat(slave.logicLength()).isEqualTo(60);
        assertThat(slave.fileType()).isEqualTo(FileType.SLAVE);
        assertThat(slave.trunkInfo()).isEmpty();
    }

    @Test
    void aSlaveShorterThanANormalNameIsTakenForANormalFileAsFastDfsDoes() {
        // IS_SLAVE_FILE only looks at the length: this 42-character slave reads as NORMAL, with the
        // master's size. We keep the C rule so that tracker and clients agree with C FastDFS.
        FileId slave = FileId.parse("group1/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80.abcdef").slave("_t", "gz");
        assertThat(slave.remoteFilename()).isEqualTo("M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80_t.gz");
        assertThat(slave.fileType()).isEqualTo(FileType.NORMAL);
        assertThat(slave.sizeFromName()).hasValue(12345);
    }

    @Test
    void aSlaveHasNoExtensionPart() {
        FileId slave = FileId.parse(EXAMPLE).slave("_s", "png");
        assertThat(slave.extension()).isEqualTo("png");
        org.assertj.core.api.Assertions.assertThatThrownBy(slave::extPart).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fileIdsAreValuesWithEquality() {
        assertThat(FileId.parse(EXAMPLE)).isEqualTo(FileId.parse(EXAMPLE)).hasSameHashCodeAs(FileId.parse(EXAMPLE));
        assertThat(FileId.parse(EXAMPLE)).isNotEqualTo(FileId.parse(UPLOAD_TXT));
        assertThat(List.of(FileId.parse(EXAMPLE).withGroup("group2").groupName())).containsExactly("group2");
    }
}
