package org.fastdfs.proto.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.junit.jupiter.api.Test;

/** Lines of storage_changelog.dat (PROTOCOL.md §4.8): "<ts> <group> <id> <status> <new_id>\n". */
class ChangelogLineTest {

    @Test
    void formatsAndParsesAnIpChangedLine() {
        var line = new ChangelogLine(1720000100L, "group1", "192.168.1.12", StorageStatus.IP_CHANGED, "192.168.1.13");
        assertThat(line.format()).isEqualTo("1720000100 group1 192.168.1.12 3 192.168.1.13\n");
        assertThat(ChangelogLine.parse(line.format())).isEqualTo(line);
    }

    @Test
    void aDeletedLineEndsInASpaceBeforeTheNewline() {
        var line = new ChangelogLine(1720000000L, "group1", "100002", StorageStatus.DELETED, "");
        assertThat(line.format()).isEqualTo("1720000000 group1 100002 4 \n");
        assertThat(ChangelogLine.parse("1720000000 group1 100002 4 ")).isEqualTo(line);
        assertThat(ChangelogLine.parse("1720000000 group1 100002 4 \n")).isEqualTo(line);
    }

    @Test
    void malformedLinesAreRejected() {
        for (String bad : List.of("1720000000 group1 100002 4", "1720000000 group1 100002 4 x y",
                "abc group1 100002 4 ", "1720000000 group1 100002 x ", "1720000000  100002 4 ", "")) {
            assertThatThrownBy(() -> ChangelogLine.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.status()).isEqualTo(Status.EINVAL));
        }
    }

    @Test
    void aReplySkipsEmptyLinesAndLeadingNuls() {
        var reply = new ChangelogReply("\n1720000000 group1 100002 4 \n\0\n\0001720000001 group1 100003 4 \n");
        assertThat(reply.lines()).containsExactly(
                new ChangelogLine(1720000000L, "group1", "100002", 4, ""),
                new ChangelogLine(1720000001L, "group1", "100003", 4, ""));
        assertThat(ChangelogReply.EMPTY.lines()).isEmpty();
    }

    @Test
    void fieldsWithSpacesCannotBeWritten() {
        assertThatThrownBy(() -> new ChangelogLine(1, "group 1", "x", 4, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangelogLine(1, "group1", "", 4, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangelogLine(1, "group1", "x", 4, "a\nb")).isInstanceOf(IllegalArgumentException.class);
    }
}
