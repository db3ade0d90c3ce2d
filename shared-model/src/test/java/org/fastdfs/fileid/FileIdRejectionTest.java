package org.fastdfs.fileid;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed file ids: each is refused with an InvalidFileIdException (EINVAL) that says why. */
class FileIdRejectionTest {

    private static final String B27 = "wKgBCmVT8QCAEjRWAAAwORI0q80";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no slash at all                 | group1                                                  | has no '/'
            empty group                     | /M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg            | group name is empty
            group of 17 bytes               | group123456789012/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg | longer than 16
            group with an underscore        | group_1/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg     | only letters and digits
            remote filename is empty        | group1/                                                  | must be "Mxx/HH/LL/name"
            only the store path             | group1/M00/                                              | too short
            name is only the block          | group1/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80             | too short
            name shorter than the block     | group1/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q8              | too short
            short legacy name               | group1/00/00/wKgBCmVT8QCAEjRWAAAwORI0                    | too short
            bad base64 character            | group1/M00/00/00/wKgBCmVT8QCAEjRWAAAw+RI0q80123.jpg      | bad base64url character '+'
            base64 padding character        | group1/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q8=123.jpg      | bad base64url character '='
            M index not hex                 | group1/M0G/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg      | store path index "0G"
            M index in lower case           | group1/M0a/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg      | store path index "0a"
            M index of three digits         | group1/M000/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg     | must start with "M", two upper-case hex digits
            first directory in lower case   | group1/M00/0a/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg      | first-level directory "0a"
            second directory not hex        | group1/M00/00/0G/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg      | second-level directory "0G"
            directory of one digit          | group1/M00/0/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg       | must be "Mxx/HH/LL/name"
            legacy name with bad directory  | group1/0/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg           | must be "Mxx/HH/LL/name"
            slash inside the name           | group1/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123/jpg      | contains '/'
            a third directory level         | group1/M00/00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg   | contains '/'
            dot dot inside the name         | group1/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q8012..jpg      | contains ".."
            dot dot as a path component     | group1/M00/00/00/../../../../etc/passwd/xxxxxxxxxxxxxxxx | contains '/'
            space inside the name           | group1/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123 jpg      | contains ' '
            backslash inside the name       | group1/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123\\jpg     | contains '\\'
            """)
    void refusesWithAClearReason(String label, String fileId, String reason) {
        assertThatThrownBy(() -> FileId.parse(fileId))
                .isInstanceOf(InvalidFileIdException.class)
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ProtocolException) e).status())
                        .isEqualTo(Status.EINVAL));
    }

    @ParameterizedTest(name = "remote filename of {0} characters")
    @CsvSource({"128", "200"})
    void refusesRemoteFilenamesLongerThan127(int length) {
        String remote = "M00/00/00/" + B27 + "a".repeat(length - 10 - 27);
        assertThatThrownBy(() -> FileId.parseRemote("group1", remote))
                .isInstanceOf(InvalidFileIdException.class)
                .hasMessageContaining("longer than 127");
    }

    @ParameterizedTest(name = "store path {0}, directories {1}/{2}")
    @CsvSource({"256, 0, 0", "0, -1, 0", "0, 0, 256"})
    void refusesComponentsOutsideOneByte(int path, int high, int low) {
        assertThatThrownBy(() -> new FileId("group1", path, high, low, B27 + "123.jpg"))
                .isInstanceOf(InvalidFileIdException.class)
                .hasMessageContaining("outside 0..255");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty                  |                          | must be 27
            26 characters          | wKgBCmVT8QCAEjRWAAAwORI0q8 | must be 27
            standard base64 slash  | wKgBCmVT8QCAEjRWAAAw/RI0q80 | bad base64url character '/'
            """)
    void refusesBadBlockText(String label, String text, String reason) {
        String t = text == null ? "" : text;
        assertThatThrownBy(() -> FileIdBlock.decode(t))
                .isInstanceOf(InvalidFileIdException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            15 characters   | AAAABwAABAAAADB   | must be 16
            bad character   | AAAABwAABAAAAD+R  | bad base64url character '+'
            negative offset | AAAAB_____AAADBR  | gives offset
            """)
    void refusesBadTrunkParts(String label, String text, String reason) {
        assertThatThrownBy(() -> TrunkInfo.decode(text))
                .isInstanceOf(InvalidFileIdException.class)
                .hasMessageContaining(reason);
    }

    @org.junit.jupiter.api.Test
    void aLegacyNameCannotClaimAnotherStorePath() {
        assertThatThrownBy(() -> new FileId("group1", 1, 0, 0, B27 + "123.jpg", true))
                .isInstanceOf(InvalidFileIdException.class)
                .hasMessageContaining("store path 0");
    }
}
