package org.fastdfs.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fastdfs.proto.FrameFixtures.hex;

import java.util.stream.Stream;
import org.fastdfs.meta.SidecarChange.Action;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What SET_METADATA does to the sidecar (storage_do_set_metadata). Bytes are written as text with
 * '|' for 0x01 and '=' for 0x02, so a row reads like the metadata it stands for.
 */
class SidecarChangeTest {

    /** "a=1|b=2" -> a\x021\x01b\x022; null stays null (no sidecar). */
    static byte[] packed(String text) {
        if (text == null) {
            return null;
        }
        return text.replace('|', '\u0001').replace('=', '\u0002').getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // mode, request, current sidecar (null = none), action, content
                Arguments.of(MetadataMode.OVERWRITE, "", "a=1", Action.DELETE, ""),
                Arguments.of(MetadataMode.OVERWRITE, "", null, Action.NONE, ""),
                Arguments.of(MetadataMode.OVERWRITE, "b=2|a=1", null, Action.CREATE, "a=1|b=2"),
                Arguments.of(MetadataMode.OVERWRITE, "b=2|a=1", "z=9", Action.UPDATE, "a=1|b=2"),
                Arguments.of(MetadataMode.OVERWRITE, "b=2|junk|a=1|", "z=9", Action.UPDATE, "a=1|b=2"),
                Arguments.of(MetadataMode.OVERWRITE, "junk", null, Action.CREATE, ""),
                Arguments.of(MetadataMode.MERGE, "", "a=1", Action.NONE, ""),
                Arguments.of(MetadataMode.MERGE, "", null, Action.NONE, ""),
                Arguments.of(MetadataMode.MERGE, "c=3|a=1", null, Action.CREATE, "a=1|c=3"),
                Arguments.of(MetadataMode.MERGE, "b=new|d=4", "a=1|b=old|c=3", Action.UPDATE, "a=1|b=new|c=3|d=4"),
                Arguments.of(MetadataMode.MERGE, "0=first", "a=1", Action.UPDATE, "0=first|a=1"),
                Arguments.of(MetadataMode.MERGE, "junk", "a=1|b=2", Action.UPDATE, "a=1|b=2"),
                Arguments.of(MetadataMode.MERGE, "a=", "a=1", Action.UPDATE, "a="),
                Arguments.of(MetadataMode.MERGE, "b=2", "", Action.UPDATE, "b=2"));
    }

    @ParameterizedTest(name = "{0} \"{1}\" onto {2} -> {3} \"{4}\"")
    @MethodSource("table")
    void appliesTheRequestLikeTheStorage(MetadataMode mode, String request, String current, Action action,
            String content) {
        SidecarChange change = SidecarChange.apply(mode, packed(request), packed(current));
        assertThat(change.action()).isEqualTo(action);
        assertThat(change.content()).isEqualTo(packed(content));
        assertThat(change).isEqualTo(new SidecarChange(action, packed(content)));
    }

    @org.junit.jupiter.api.Test
    void theActionsNameTheirBinlogRecords() {
        assertThat(Action.CREATE.binlogOp()).isEqualTo('C');
        assertThat(Action.UPDATE.binlogOp()).isEqualTo('U');
        assertThat(Action.DELETE.binlogOp()).isEqualTo('D');
        assertThat(Action.NONE.binlogOp()).isEqualTo('\0');
        assertThat(Action.CREATE.writesFile()).isTrue();
        assertThat(Action.DELETE.writesFile()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aMergeWorksOnBytesWhateverTheClientsCharset() {
        // A 65-byte name: 32 UTF-8 "é" and the first byte of a 33rd. The server keeps the first 64
        // bytes exactly; nothing is decoded or re-encoded on the way.
        byte[] name = hex("c3a9".repeat(32) + "c3");
        byte[] request = new byte[name.length + 2];
        System.arraycopy(name, 0, request, 0, name.length);
        request[name.length] = 0x02;
        request[name.length + 1] = 'v';
        SidecarChange c = SidecarChange.merge(request, null);
        byte[] expected = new byte[64 + 2];
        System.arraycopy(name, 0, expected, 0, 64);
        expected[64] = 0x02;
        expected[65] = 'v';
        assertThat(c.content()).isEqualTo(expected);
    }
}
