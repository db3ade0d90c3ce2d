package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * Reply to STORAGE_FETCH_STORAGE_IDS (69), PROTOCOL.md §2.9: total_count (4) + count_in_this_reply (4)
 * + that many text lines, each ending in '\n' (see {@link StorageIdEntry} for their form). A client
 * asks again from start_index + count until it has total_count entries. With use_storage_id off and
 * allow_empty set, the reply is 8 zero bytes.
 *
 * @param totalCount entries in storage_ids.conf
 * @param lines      the lines of this reply, without their newlines
 */
public record StorageIdsResponse(int totalCount, List<String> lines) implements WireMessage {

    public StorageIdsResponse {
        lines = Fields.checkList(lines, "lines");
        for (String line : lines) {
            Fields.checkText(line, "storage id line");
            if (line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("storage id line '" + line + "' holds a newline");
            }
        }
        if (totalCount < lines.size()) {
            throw new IllegalArgumentException("total count " + totalCount + " is below the " + lines.size()
                    + " lines of this reply");
        }
    }

    /** A reply built from parsed entries. */
    public static StorageIdsResponse of(int totalCount, List<StorageIdEntry> entries) {
        return new StorageIdsResponse(totalCount, entries.stream().map(StorageIdEntry::format).toList());
    }

    /** The lines parsed; throws ProtocolException (EINVAL) for a line that does not parse. */
    public List<StorageIdEntry> entries() {
        return lines.stream().map(StorageIdEntry::parse).toList();
    }

    @Override
    public int encodedLength(WireProfile profile) {
        int n = 8;
        for (String line : lines) {
            n += line.length() + 1;
        }
        return n;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.putInt(totalCount).putInt(lines.size());
        for (String line : lines) {
            Wire.putString(out, line);
            out.put((byte) '\n');
        }
    }

    public static StorageIdsResponse decode(ByteBuffer body) {
        int total = Wire.getInt(body, "total count");
        int count = Wire.getInt(body, "count in this reply");
        if (count < 0 || total < count) {
            throw ProtocolException.invalid("fetch storage ids reply: count " + count + " and total " + total
                    + " do not fit together");
        }
        String text = Fields.readText(body, "storage id lines");
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw ProtocolException.invalid("fetch storage ids reply: the last line has no newline");
        }
        List<String> lines = text.isEmpty() ? List.of() : new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.size() != count) {
            throw ProtocolException.invalid("fetch storage ids reply: count says " + count + " entries but the text has "
                    + lines.size() + " lines");
        }
        return new StorageIdsResponse(total, lines);
    }
}
