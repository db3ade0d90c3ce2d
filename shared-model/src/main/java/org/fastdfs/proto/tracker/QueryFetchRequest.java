package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * QUERY_FETCH_ONE (102), QUERY_UPDATE (103) and QUERY_FETCH_ALL (105), PROTOCOL.md §2.4:
 * group_name (16) + the remote filename without the group ("M00/00/00/..."), not NUL-terminated.
 * The filename is 22..127 bytes (the body must be at least 16 + 22 and below 16 + 128).
 *
 * @param command  102, 103 or 105
 * @param group    the file's group
 * @param filename the remote filename inside the group
 */
public record QueryFetchRequest(Command command, String group, String filename) implements Request {

    /** Shortest filename the tracker accepts. */
    public static final int MIN_FILENAME_LENGTH = 22;
    /** Longest filename the tracker accepts (the body must stay below 16 + 128). */
    public static final int MAX_FILENAME_LENGTH = 127;

    public QueryFetchRequest {
        if (!isQueryFetch(command)) {
            throw new IllegalArgumentException(command + " is not a query-fetch/update command");
        }
        Fields.checkGroup(group);
        Fields.checkText(filename, "remote filename", MIN_FILENAME_LENGTH, MAX_FILENAME_LENGTH);
    }

    public static QueryFetchRequest fetchOne(String group, String filename) {
        return new QueryFetchRequest(Command.SERVICE_QUERY_FETCH_ONE, group, filename);
    }

    public static QueryFetchRequest update(String group, String filename) {
        return new QueryFetchRequest(Command.SERVICE_QUERY_UPDATE, group, filename);
    }

    public static QueryFetchRequest fetchAll(String group, String filename) {
        return new QueryFetchRequest(Command.SERVICE_QUERY_FETCH_ALL, group, filename);
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return Wire.GROUP_NAME_SIZE + filename.length();
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
        Wire.putString(out, filename);
    }

    /** Decodes the body of {@code command} (102, 103 or 105). */
    public static QueryFetchRequest decode(Command command, ByteBuffer body) {
        if (!isQueryFetch(command)) {
            throw ProtocolException.invalid(command + " is not a query-fetch/update command");
        }
        int length = body.remaining();
        if (length < Wire.GROUP_NAME_SIZE + MIN_FILENAME_LENGTH || length > Wire.GROUP_NAME_SIZE + MAX_FILENAME_LENGTH) {
            throw ProtocolException.invalid("query fetch/update " + command.code() + ": body is " + length
                    + " bytes, expected group (16) + a filename of " + MIN_FILENAME_LENGTH + ".."
                    + MAX_FILENAME_LENGTH + " bytes");
        }
        String group = Fields.readGroup(body);
        return new QueryFetchRequest(command, group, Fields.readText(body, "remote filename"));
    }

    static boolean isQueryFetch(Command command) {
        return command == Command.SERVICE_QUERY_FETCH_ONE
                || command == Command.SERVICE_QUERY_UPDATE
                || command == Command.SERVICE_QUERY_FETCH_ALL;
    }
}
