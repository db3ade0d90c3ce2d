package org.fastdfs.proto.storage;

import java.nio.ByteBuffer;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * The reply that names a stored file, PROTOCOL.md §3.2: group (16, NUL-padded) + remote file name
 * (the rest, no NUL). Answers UPLOAD_FILE (11), UPLOAD_APPENDER_FILE (23), UPLOAD_SLAVE_FILE (21),
 * REGENERATE_APPENDER_FILENAME (38, the new name) and CREATE_LINK (20). The file id is
 * {@code group + "/" + filename}.
 *
 * @param group    group name
 * @param filename remote file name without the group ("M00/00/00/..."), 1..127 bytes
 */
public record UploadResponse(String group, String filename) implements WireMessage {

    public UploadResponse {
        FileFields.requireGroup(group);
        FileFields.requireName(filename, 1, "remote file name");
    }

    /** The client-side file id, {@code group/filename}. */
    public String fileId() {
        return group + "/" + filename;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return Wire.GROUP_NAME_SIZE + FileFields.byteLength(filename);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
        Wire.putString(out, filename);
    }

    public static UploadResponse decode(ByteBuffer body) {
        if (body.remaining() <= Wire.GROUP_NAME_SIZE) {
            throw ProtocolException.invalid("upload reply of " + body.remaining()
                    + " bytes has no file name after the 16-byte group");
        }
        String group = Wire.getFixed(body, Wire.GROUP_NAME_SIZE);
        return new UploadResponse(group, FileFields.readRestName(body, "remote file name"));
    }
}
