package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_CHANGELOG_REQ (77) reply, PROTOCOL.md §4.8: the raw bytes of {@code storage_changelog.dat} from the
 * storage's saved offset (about 8 KB at most), usually whole {@link ChangelogLine}s; empty when nothing changed.
 *
 * @param text the changelog bytes as ISO-8859-1 text
 */
public record ChangelogReply(String text) implements WireMessage {

    public static final ChangelogReply EMPTY = new ChangelogReply("");

    public ChangelogReply {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
    }

    public static ChangelogReply of(List<ChangelogLine> lines) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l.format()));
        return new ChangelogReply(sb.toString());
    }

    /**
     * The lines of the reply; empty lines and NUL bytes before a line are skipped (as the C storage does), a
     * malformed line fails with EINVAL.
     */
    public List<ChangelogLine> lines() {
        List<ChangelogLine> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            int start = 0;
            while (start < line.length() && line.charAt(start) == '\0') {
                start++;
            }
            if (start < line.length()) {
                out.add(ChangelogLine.parse(line.substring(start)));
            }
        }
        return out;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return Wire.bytes(text).length;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putString(out, text);
    }

    public static ChangelogReply decode(ByteBuffer body) {
        return new ChangelogReply(Wire.getRest(body));
    }
}
