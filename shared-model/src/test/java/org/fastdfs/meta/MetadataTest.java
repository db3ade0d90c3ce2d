package org.fastdfs.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fastdfs.proto.FrameFixtures.hex;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The metadata codec (PROTOCOL.md §3.6) against the bytes of the C 6.16.1 captures. */
class MetadataTest {

    /** wire-captures/metadata_set.txt, first SET_METADATA ('O'): the 35 metadata bytes. */
    static final byte[] SET_OVERWRITE = hex("""
            77 69 64 74 68 02 31 30 32 34 01          # width \\x02 1024 \\x01
            68 65 69 67 68 74 02 37 36 38 01          # height \\x02 768 \\x01
            61 75 74 68 6f 72 02 61 6e 63 68 6f 72    # author \\x02 anchor
            """);
    /** wire-captures/metadata_set.txt, second SET_METADATA ('M'): the 21 metadata bytes. */
    static final byte[] SET_MERGE = hex("""
            68 65 69 67 68 74 02 36 30 30 01          # height \\x02 600 \\x01
            63 6f 6c 6f 72 02 62 6c 75 65             # color \\x02 blue
            """);
    /**
     * wire-captures/metadata_get.txt: the GET_METADATA reply (46 bytes), which is also the content of
     * the SYNC_CREATE_FILE / SYNC_UPDATE_FILE of the "-m" file in metadata_set.txt.
     */
    static final byte[] GET_REPLY = hex("""
            61 75 74 68 6f 72 02 61 6e 63 68 6f 72 01 # author \\x02 anchor \\x01
            63 6f 6c 6f 72 02 62 6c 75 65 01          # color \\x02 blue \\x01
            68 65 69 67 68 74 02 36 30 30 01          # height \\x02 600 \\x01
            77 69 64 74 68 02 31 30 32 34             # width \\x02 1024
            """);

    static MetaItem item(String name, String value) {
        return new MetaItem(name, value);
    }

    static Stream<Arguments> goldenSamples() {
        return Stream.of(
                Arguments.of("setmeta O", SET_OVERWRITE,
                        List.of(item("width", "1024"), item("height", "768"), item("author", "anchor"))),
                Arguments.of("setmeta M", SET_MERGE, List.of(item("height", "600"), item("color", "blue"))),
                Arguments.of("getmeta", GET_REPLY, List.of(item("author", "anchor"), item("color", "blue"),
                        item("height", "600"), item("width", "1024"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenSamples")
    void decodesAndEncodesTheCapturedBytes(String label, byte[] golden, List<MetaItem> items) {
        Metadata m = new Metadata(items);
        assertThat(Metadata.decode(golden)).isEqualTo(m);
        assertThat(Metadata.decode(ByteBuffer.wrap(golden), StandardCharsets.UTF_8)).isEqualTo(m);
        assertThat(m.encode()).isEqualTo(golden);
        assertThat(m.encodedLength(StandardCharsets.UTF_8)).isEqualTo(golden.length);
    }

    @Test
    void theCapturedOverwriteThenMergeGivesTheCapturedSidecarByteForByte() {
        SidecarChange first = SidecarChange.overwrite(SET_OVERWRITE, false);
        assertThat(first.action()).isEqualTo(SidecarChange.Action.CREATE);
        assertThat(first.content()).isEqualTo(hex("""
                61 75 74 68 6f 72 02 61 6e 63 68 6f 72 01   # author=anchor, sorted first
                68 65 69 67 68 74 02 37 36 38 01            # height=768
                77 69 64 74 68 02 31 30 32 34               # width=1024
                """));
        SidecarChange second = SidecarChange.merge(SET_MERGE, first.content());
        assertThat(second.action()).isEqualTo(SidecarChange.Action.UPDATE);
        assertThat(second.action().binlogOp()).isEqualTo('U');
        assertThat(second.content()).isEqualTo(GET_REPLY);
    }

    /** packed bytes (hex) -> the items the storage parses from them. */
    static Stream<Arguments> decodeRules() {
        return Stream.of(
                Arguments.of("nothing", "", List.of()),
                Arguments.of("one item", "61 02 62", List.of(item("a", "b"))),
                Arguments.of("trailing separator", "61 02 62 01", List.of(item("a", "b"))),
                Arguments.of("leading separator", "01 61 02 62", List.of(item("a", "b"))),
                Arguments.of("record without 0x02 dropped", "6e 6f 65 71 01 61 02 62", List.of(item("a", "b"))),
                Arguments.of("only malformed records", "78 01 79 01 01", List.of()),
                Arguments.of("second 0x02 belongs to the value", "61 02 62 02 63", List.of(item("a", "b\u0002c"))),
                Arguments.of("empty name", "02 76", List.of(item("", "v"))),
                Arguments.of("empty value", "61 02", List.of(item("a", ""))),
                Arguments.of("duplicates kept in order", "61 02 31 01 61 02 32",
                        List.of(item("a", "1"), item("a", "2"))),
                Arguments.of("ends at the first NUL", "61 02 62 00 63 02 64", List.of(item("a", "b"))),
                Arguments.of("NUL inside the name drops the record", "61 00 02 62", List.of()),
                Arguments.of("UTF-8 text", "c3 a9 02 e2 82 ac", List.of(item("é", "€"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decodeRules")
    void decodesLikeTheStorage(String label, String packed, List<MetaItem> items) {
        assertThat(Metadata.decode(hex(packed)).items()).isEqualTo(items);
    }

    @Test
    void cutsNamesTo64BytesAndValuesTo256Bytes() {
        String name = "n".repeat(70);
        String value = "v".repeat(300);
        byte[] packed = new Metadata(List.of(item(name, value), item("k", "x"))).encode();
        Metadata m = Metadata.decode(packed);
        assertThat(m.items()).containsExactly(item("n".repeat(64), "v".repeat(256)), item("k", "x"));
        assertThat(Metadata.decode(hex("6e".repeat(64) + "02" + "76".repeat(256))).items())
                .containsExactly(item("n".repeat(64), "v".repeat(256)));
    }

    @Test
    void theLimitsAreCountedInBytesOfTheCharset() {
        Metadata m = Metadata.of(item("é".repeat(33), "x"));   // 66 bytes in UTF-8, 33 in ISO-8859-1
        assertThat(m.exceedsLimits(StandardCharsets.UTF_8)).isTrue();
        assertThat(m.exceedsLimits(StandardCharsets.ISO_8859_1)).isFalse();
        assertThat(m.truncated(StandardCharsets.UTF_8).items().get(0).name()).isEqualTo("é".repeat(32));
        assertThat(Metadata.of(item("a".repeat(64), "b".repeat(256))).exceedsLimits(StandardCharsets.UTF_8)).isFalse();
        assertThat(Metadata.of(item("a", "b".repeat(257))).exceedsLimits(StandardCharsets.UTF_8)).isTrue();
    }

    @Test
    void encodesTheEmptyListAsNoBytes() {
        assertThat(Metadata.EMPTY.encode()).isEmpty();
        assertThat(Metadata.EMPTY.encodedLength(StandardCharsets.UTF_8)).isZero();
        assertThat(Metadata.of(item("", "")).encode()).isEqualTo(hex("02"));
    }

    @Test
    void sortsByTheNamesBytesLikeStrcmp() {
        // "B" 42 < "_" 5F < "a" 61 < "b" 62 < "é" C3 A9 < "～" (U+FF5E) EF BD 9E < "😀" F0 9F 98 80.
        // Java's String order would put the emoji (a surrogate pair, D83D) before U+FF5E.
        Metadata m = Metadata.of(item("😀", "6"), item("b", "3"), item("～", "5"), item("é", "4"), item("a", "2"),
                item("_", "1"), item("B", "0"));
        assertThat(m.sorted().items()).extracting(MetaItem::value).containsExactly("0", "1", "2", "3", "4", "5", "6");
        assertThat("😀".compareTo("～")).isNegative();
    }

    @Test
    void sortingKeepsTheOrderOfEqualNames() {
        Metadata m = Metadata.of(item("b", "1"), item("a", "x"), item("b", "2"));
        assertThat(m.sorted().items()).containsExactly(item("a", "x"), item("b", "1"), item("b", "2"));
    }

    @Test
    void itemsRefuseTheSeparators() {
        assertThatThrownBy(() -> item("a\u0001", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> item("a\u0002", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> item("a", "b\u0001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> item("a", "b\u0000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> item(null, "b")).isInstanceOf(NullPointerException.class);
        assertThat(item("a", "b\u0002c").value()).isEqualTo("b\u0002c");
    }

    @Test
    void looksUpAndMapsItems() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("width", "1024");
        map.put("height", "768");
        Metadata m = Metadata.of(map);
        assertThat(m.get("height")).hasValue("768");
        assertThat(m.get("depth")).isEmpty();
        assertThat(m.asMap()).isEqualTo(map);
        assertThat(m.encode()).isEqualTo(hex("77 69 64 74 68 02 31 30 32 34 01 68 65 69 67 68 74 02 37 36 38"));
    }

    @Test
    void theSetMetadataPacketOfTheCaptureHasTheLengthTheCheckComputes() {
        // metadata_set.txt: pkg_len 112 for a 44-byte filename and 35 metadata bytes, plus the 10-byte header.
        assertThat(Metadata.setMetadataPacketLength(44, 35)).isEqualTo(10 + 112);
        assertThat(Metadata.fitsStorageBuffer(44, 35, 122)).isFalse();
        assertThat(Metadata.fitsStorageBuffer(44, 35, 123)).isTrue();
        assertThat(Metadata.fitsStorageBuffer(44, 256 * 1024, 256 * 1024)).isFalse();
    }

    @Test
    void readsTheOpFlag() {
        assertThat(MetadataMode.ofFlag((byte) 'O')).isEqualTo(MetadataMode.OVERWRITE);
        assertThat(MetadataMode.ofFlag((byte) 0x4D)).isEqualTo(MetadataMode.MERGE);
        assertThat(MetadataMode.MERGE.flag()).isEqualTo((byte) 'M');
        assertThatThrownBy(() -> MetadataMode.ofFlag((byte) 'o'))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("0x6F")
                .satisfies(e -> assertThat(((ProtocolException) e).status()).isEqualTo(Status.EINVAL));
    }
}
