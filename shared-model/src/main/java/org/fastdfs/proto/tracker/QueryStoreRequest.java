package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * QUERY_STORE (PROTOCOL.md §2.3): which storage takes an upload. 101 (ONE) and 106 (ALL) have an
 * empty body and let the tracker pick the group; 104 (ONE) and 107 (ALL) carry group_name (16).
 *
 * @param command one of the four query-store codes
 * @param group   the group for 104/107; empty for 101/106
 */
public record QueryStoreRequest(Command command, String group) implements Request {

    public QueryStoreRequest {
        if (!isQueryStore(command)) {
            throw new IllegalArgumentException(command + " is not a query-store command");
        }
        Fields.checkGroup(group);
        if (!withGroup(command) && !group.isEmpty()) {
            throw new IllegalArgumentException(command + " carries no group, got '" + group + "'");
        }
    }

    /** 101 or 106: the tracker chooses the group. */
    public static QueryStoreRequest anyGroup(boolean all) {
        return new QueryStoreRequest(all ? Command.SERVICE_QUERY_STORE_WITHOUT_GROUP_ALL
                : Command.SERVICE_QUERY_STORE_WITHOUT_GROUP_ONE, "");
    }

    /** 104 or 107: a storage of {@code group}. */
    public static QueryStoreRequest inGroup(String group, boolean all) {
        return new QueryStoreRequest(all ? Command.SERVICE_QUERY_STORE_WITH_GROUP_ALL
                : Command.SERVICE_QUERY_STORE_WITH_GROUP_ONE, group);
    }

    /** True for 106/107, whose reply lists every writable storage ({@link StoreTargets}). */
    public boolean all() {
        return command == Command.SERVICE_QUERY_STORE_WITHOUT_GROUP_ALL
                || command == Command.SERVICE_QUERY_STORE_WITH_GROUP_ALL;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return withGroup(command) ? Wire.GROUP_NAME_SIZE : 0;
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        if (withGroup(command)) {
            Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
        }
    }

    /** Decodes the body of {@code command} (one of 101, 104, 106, 107). */
    public static QueryStoreRequest decode(Command command, ByteBuffer body) {
        if (!isQueryStore(command)) {
            throw ProtocolException.invalid(command + " is not a query-store command");
        }
        boolean withGroup = withGroup(command);
        Wire.requireLength(body, withGroup ? Wire.GROUP_NAME_SIZE : 0, "query store " + command.code());
        return new QueryStoreRequest(command, withGroup ? Fields.readGroup(body) : "");
    }

    static boolean isQueryStore(Command command) {
        return command == Command.SERVICE_QUERY_STORE_WITHOUT_GROUP_ONE
                || command == Command.SERVICE_QUERY_STORE_WITH_GROUP_ONE
                || command == Command.SERVICE_QUERY_STORE_WITHOUT_GROUP_ALL
                || command == Command.SERVICE_QUERY_STORE_WITH_GROUP_ALL;
    }

    private static boolean withGroup(Command command) {
        return command == Command.SERVICE_QUERY_STORE_WITH_GROUP_ONE
                || command == Command.SERVICE_QUERY_STORE_WITH_GROUP_ALL;
    }
}
