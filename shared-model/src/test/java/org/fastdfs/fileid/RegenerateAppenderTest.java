package org.fastdfs.fileid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** REGENERATE_APPENDER_FILENAME (PROTOCOL.md §3.9): appender name -> normal name. */
class RegenerateAppenderTest {

    private static final FileSource IP = FileSource.ip("192.168.1.10");
    /** Appender of 192.168.1.10 created at 1700000000 (bytes c0a8010a 6553f100 84123456 00000000 1234abcd). */
    private static final String APPENDER = "group1/M02/0A/1F/wKgBCmVT8QCEEjRWAAAAABI0q80123.jpg";

    @Test
    void buildsANormalNameWithTheNewFieldsTheSameDirectoriesAndTheSameExtensionPart() {
        FileId appender = FileId.parse(APPENDER);
        assertThat(appender.fileType()).isEqualTo(FileType.APPENDER);
        // New block, by hand: c0a8010a 6553f164 (1700000100) 80654321 00000020 (32 bytes) 445b63e8.
        FileId normal = appender.regenerated(IP, 1_700_000_100L, 32, 0x445B63E8, 0x654321);
        assertThat(normal.format()).isEqualTo("group1/M02/0A/1F/wKgBCmVT8WSAZUMhAAAAIERbY-g123.jpg");
        assertThat(normal.fileType()).isEqualTo(FileType.NORMAL);
        assertThat(normal.sizeFromName()).hasValue(32);
        assertThat(normal.crc32FromName()).hasValue(0x445B63E8);
        assertThat(normal.createTimestamp()).isEqualTo(1_700_000_100L);
    }

    @Test
    void theCapturedAppenderRegeneratesOnItsSourceAndKeepsItsExtensionPart() {
        // wire-captures/appender.txt + file_info.txt: 32 bytes, crc 0x445b63e8, on 127.0.0.3.
        FileId appender = FileId.parse("group1/M00/00/00/fwAAA2sBLamEKVUdAAAAAGtq8gY314.txt");
        FileId normal = appender.regenerated(appender.source(), 1_795_239_400L, 32, 0x445B63E8, 0);
        assertThat(normal.remoteFilename()).startsWith("M00/00/00/").endsWith("314.txt").hasSize(44);
        assertThat(normal.sourceIp()).hasValue("127.0.0.3");
        assertThat(normal.sizeFromName()).hasValue(32);
    }

    @Test
    void aLargeRegeneratedFileHasThePlainSize() {
        FileId normal = FileId.parse(APPENDER).regenerated(IP, 1, 5_000_000_000L, 0, 0x1);
        assertThat(normal.block().sizeWord()).isEqualTo(5_000_000_000L);
        assertThat(normal.sizeFromName()).hasValue(5_000_000_000L);
    }

    @Test
    void refusesNamesThatAreNotAppenders() {
        FileId normal = FileId.parse("group1/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg");
        assertThatThrownBy(() -> normal.regenerated(IP, 1, 1, 0, 0))
                .isInstanceOf(InvalidFileIdException.class)
                .hasMessageContaining("not an appender file");
    }
}
