package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * STORAGE_CHANGELOG_REQ (77) request, PROTOCOL.md §4.8: an empty body on a logged-in connection, else
 * group (16) + storage id (16). Reply: a {@link ChangelogReply}.
 *
 * @param groupName "" for the logged-in (empty) form
 * @param storageId "" for the logged-in (empty) form
 */
public record ChangelogRequest(String groupName, String storageId) implements Request {

    /** The empty body sent on a connection that has joined. */
    public static final ChangelogRequest LOGGED_IN = new ChangelogRequest("", "");
    public static final int SIZE = Wire.GROUP_NAME_SIZE + Wire.STORAGE_ID_SIZE;

    public ChangelogRequest {
        ClusterFields.fits(groupName, Wire.GROUP_NAME_SIZE, "group name");
        ClusterFields.fits(storageId, Wire.STORAGE_ID_SIZE, "storage id");
        if (groupName.isEmpty() && !storageId.isEmpty()) {
            throw new IllegalArgumentException("a storage id needs its group name");
        }
    }

    /** True for the empty body of a logged-in connection. */
    public boolean loggedIn() {
        return groupName.isEmpty();
    }

    @Override
    public Command command() {
        return Command.STORAGE_CHANGELOG_REQ;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return loggedIn() ? 0 : SIZE;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        if (!loggedIn()) {
            Wire.putFixed(out, groupName, Wire.GROUP_NAME_SIZE);
            Wire.putFixed(out, storageId, Wire.STORAGE_ID_SIZE);
        }
    }

    /**
     * Decodes either form. (The tracker accepts only the form that matches the connection's login state;
     * that check belongs to the server.)
     */
    public static ChangelogRequest decode(ByteBuffer body) {
        if (body.remaining() == 0) {
            return LOGGED_IN;
        }
        if (body.remaining() != SIZE) {
            throw ProtocolException.invalid("CHANGELOG_REQ body is " + body.remaining() + " bytes, expected 0 or "
                    + SIZE);
        }
        String group = Wire.getFixed(body, Wire.GROUP_NAME_SIZE);
        String id = Wire.getFixed(body, Wire.STORAGE_ID_SIZE);
        if (group.isEmpty()) {
            // the tracker looks the empty name up and answers ENOENT
            throw new ProtocolException(Status.ENOENT, "CHANGELOG_REQ names no group");
        }
        return new ChangelogRequest(group, id);
    }
}
