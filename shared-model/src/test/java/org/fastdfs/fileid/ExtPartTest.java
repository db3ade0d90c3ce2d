package org.fastdfs.fileid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 7-character extension part (PROTOCOL.md §6.4) and the extension rules. */
class ExtPartTest {

    @ParameterizedTest(name = "ext \"{0}\" + digits \"{1}\" -> \"{2}\"")
    @CsvSource(value = {
        "jpg,    123,     123.jpg",
        "'',     1234567, 1234567",
        "abcdef, '',      .abcdef",
        "a,      12345,   12345.a",
        "tar.gz, '',      .tar.gz",
        "A-_9,   42,      42.A-_9",
    }, emptyValue = "")
    void formatsTheExtensionPart(String ext, String digits, String part) {
        assertThat(ExtPart.randomDigitCount(ext)).isEqualTo(digits.length());
        assertThat(ExtPart.format(ext, digits)).isEqualTo(part).hasSize(7);
        assertThat(ExtPart.validateExtPart(part)).isEqualTo(part);
    }

    @Test
    void drawsItsDigitsFromTheGivenGenerator() {
        String part = ExtPart.format("txt", new SplittableRandom(1));
        assertThat(part).matches("[0-9]{3}\\.txt");
        assertThat(ExtPart.format("txt", new SplittableRandom(1))).isEqualTo(part);
        RandomGenerator zeros = () -> 0L;
        assertThat(ExtPart.format("", zeros)).isEqualTo("0000000");
        assertThat(ExtPart.format("abc", zeros)).isEqualTo("000.abc");
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', textBlock = """
            jpeg123 | longer than 6
            j/g     | contains '/'
            j g     | contains ' '
            jp*     | contains '*'
            é       | contains 'é'
            .jpg    | would put ".."
            a..b    | would put ".."
            """)
    void refusesBadExtensions(String ext, String reason) {
        assertThatThrownBy(() -> ExtPart.validateExt(ext))
                .isInstanceOf(InvalidFileIdException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void acceptsEveryAllowedCharacter() {
        for (String ext : new String[] {"", "jpg", "JPG", "a.b", "x-y_z", "123456", "jpg."}) {
            assertThat(ExtPart.validateExt(ext)).isEqualTo(ext);
        }
    }

    @ParameterizedTest(name = "ext \"{0}\" with digits \"{1}\"")
    @CsvSource(value = {"jpg, 12", "jpg, 1234", "'', 123456", "jpg, 12a"}, emptyValue = "")
    void refusesTheWrongNumberOfDigits(String ext, String digits) {
        assertThatThrownBy(() -> ExtPart.format(ext, digits)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"123.jp", "1234.jpg", "123/jpg", "123 jpg"})
    void refusesBadExtensionParts(String part) {
        assertThatThrownBy(() -> ExtPart.validateExtPart(part)).isInstanceOf(InvalidFileIdException.class);
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(value = {
        "wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg,          jpg",
        "wKgBCmVT8QCAEjRWAAAwORI0q801234567,          ''",
        "wKgBCmVT8QCAEjRWAAAwORI0q80.abcdef,          abcdef",
        "wKgBCmVT8QCAEjRWAAAwORI0q80123_150x150.jpg,  jpg",
        "wKgBCmVT8QCAEjRWAAAwORI0q80.tar.gz,          tar.gz",
    }, emptyValue = "")
    void findsTheExtensionOfAName(String name, String ext) {
        assertThat(ExtPart.extensionOf(name)).isEqualTo(ext);
    }
}
