package org.fastdfs.fileid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Slave names (PROTOCOL.md §6.8, fdfs_gen_slave_filename). */
class SlaveNameTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            §6.8 example              | M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg | _150x150 | jpg | M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123_150x150.jpg
            no ext: no extension      | M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg | _150x150 |     | M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123_150x150
            other ext                 | M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg | -small   | png | M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123-small.png
            ext given with its dot    | M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg | _s       | .png| M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123_s.png
            master without extension  | M00/0A/1F/wKgBCmVT8QCAEjRWAAAwORI0q801234567 | _s       | jpg | M00/0A/1F/wKgBCmVT8QCAEjRWAAAwORI0q801234567_s.jpg
            master with 6-char ext    | M01/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80.abcdef | _t       | abc | M01/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80_t.abc
            master with dotted ext    | M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80.tar.gz | _t       | gz  | M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80_t.gz
            prefix -m with an ext     | M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg | -m       | jpg | M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123-m.jpg
            16-char prefix            | M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg | abcdefghijklmnop | | M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123abcdefghijklmnop
            """)
    void derivesTheSlaveName(String label, String master, String prefix, String ext, String slave) {
        FileId m = FileId.parseRemote("group1", master);
        FileId s = m.slave(prefix, orEmpty(ext));
        assertThat(s.remoteFilename()).isEqualTo(slave);
        assertThat(s.groupName()).isEqualTo("group1");
        // Longer than 44: a slave by FastDFS's rule (shorter ones are pinned in FileIdTest).
        assertThat(s.fileType()).isEqualTo(s.logicLength() > 44 ? FileType.SLAVE : FileType.NORMAL);
        assertThat(s.block()).isEqualTo(m.block());
        assertThat(FileId.parseRemote("group1", slave)).isEqualTo(s);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty prefix              |                   | jpg     | must not be empty
            17-char prefix            | abcdefghijklmnopq | jpg     | longer than 16
            prefix with a slash       | a/b               | jpg     | contains '/'
            prefix with a space       | a b               | jpg     | contains ' '
            prefix -m without ext     | -m                |         | needs an extension
            ext of 7 characters       | _s                | abcdefg | longer than 6
            ext with a star           | _s                | jp*     | contains '*'
            prefix ending in a dot    | _s.               | jpg     | contains ".."
            """)
    void refusesBadPrefixesAndExtensions(String label, String prefix, String ext, String reason) {
        FileId master = FileId.parse("group1/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg");
        assertThatThrownBy(() -> master.slave(orEmpty(prefix), orEmpty(ext)))
                .isInstanceOf(InvalidFileIdException.class)
                .hasMessageContaining(reason);
    }

    /** A blank CSV column arrives as null. */
    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    @org.junit.jupiter.api.Test
    void refusesASlaveNameLongerThan127() {
        FileId master = FileId.parseRemote("group1", "M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123" + "x".repeat(70) + ".jpg");
        assertThatThrownBy(() -> master.slave("abcdefghijklmnop", "jpg"))
                .isInstanceOf(InvalidFileIdException.class)
                .hasMessageContaining("longer than 127");
    }
}
