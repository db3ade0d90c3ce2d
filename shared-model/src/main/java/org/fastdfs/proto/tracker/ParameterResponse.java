package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * Reply to STORAGE_PARAMETER_REQ (75), PROTOCOL.md §2.9: INI text, one {@code key=value\n} line per
 * tracker setting (use_storage_id, id_type_in_filename, reserved_storage_space, trunk settings, ...),
 * no NUL. The record keeps the text as sent; {@link #asMap()} reads it.
 *
 * @param text the body
 */
public record ParameterResponse(String text) implements WireMessage {

    public ParameterResponse {
        Fields.checkText(text, "parameter text");
    }

    /** {@code key=value\n} for each entry, in the map's order. */
    public static ParameterResponse of(Map<String, String> parameters) {
        StringBuilder sb = new StringBuilder();
        parameters.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return new ParameterResponse(sb.toString());
    }

    /**
     * The parameters in the order they appear: key and value trimmed, split at the first '='; blank
     * lines, '#' comments and lines without '=' are skipped, and a repeated key keeps its first
     * position with its last value.
     */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (l.isEmpty() || l.startsWith("#") || eq <= 0) {
                continue;
            }
            map.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
        return Collections.unmodifiableMap(map);
    }

    /** One parameter, or null. */
    public String get(String key) {
        return asMap().get(key);
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return text.length();
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putString(out, text);
    }

    public static ParameterResponse decode(ByteBuffer body) {
        return new ParameterResponse(Fields.readText(body, "parameter text"));
    }
}
