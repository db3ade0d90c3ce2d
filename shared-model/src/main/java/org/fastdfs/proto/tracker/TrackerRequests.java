package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;

/**
 * Decodes the body of any request a client or monitor sends to a tracker (family
 * {@link Command.Family#TRACKER_CLIENT}, plus STORAGE_GET_GROUP_NAME), so a tracker can dispatch on
 * the record type. None of these request layouts depends on the wire profile.
 */
public final class TrackerRequests {

    private TrackerRequests() {
    }

    /** True for the commands {@link #decode} understands. */
    public static boolean handles(Command command) {
        return command.family() == Command.Family.TRACKER_CLIENT || command == Command.STORAGE_GET_GROUP_NAME;
    }

    public static Request decode(Command command, ByteBuffer body) {
        return switch (command) {
            case SERVICE_QUERY_STORE_WITHOUT_GROUP_ONE, SERVICE_QUERY_STORE_WITH_GROUP_ONE,
                 SERVICE_QUERY_STORE_WITHOUT_GROUP_ALL, SERVICE_QUERY_STORE_WITH_GROUP_ALL ->
                    QueryStoreRequest.decode(command, body);
            case SERVICE_QUERY_FETCH_ONE, SERVICE_QUERY_UPDATE, SERVICE_QUERY_FETCH_ALL ->
                    QueryFetchRequest.decode(command, body);
            case SERVER_LIST_ALL_GROUPS -> ListGroupsRequest.decode(body);
            case SERVER_LIST_ONE_GROUP -> ListOneGroupRequest.decode(body);
            case SERVER_LIST_STORAGE -> ListStoragesRequest.decode(body);
            case SERVER_DELETE_STORAGE -> DeleteStorageRequest.decode(body);
            case SERVER_DELETE_GROUP -> DeleteGroupRequest.decode(body);
            case SERVER_SET_TRUNK_SERVER -> SetTrunkServerRequest.decode(body);
            case SERVER_GET_LEADER -> GetLeaderRequest.decode(body);
            case SERVER_TRACKER_CLUSTER_STAT -> TrackerClusterStatRequest.decode(body);
            case SERVER_STORAGE_CLUSTER_STAT -> StorageClusterStatRequest.decode(body);
            case SERVER_STORAGE_VOLUME_STAT -> StorageVolumeStatRequest.decode(body);
            case STORAGE_GET_STATUS, STORAGE_GET_SERVER_ID -> StorageLookupRequest.decode(command, body);
            case STORAGE_FETCH_STORAGE_IDS -> FetchStorageIdsRequest.decode(body);
            case STORAGE_PARAMETER_REQ -> ParameterRequest.decode(body);
            case STORAGE_GET_GROUP_NAME -> GetGroupNameRequest.decode(body);
            default -> throw ProtocolException.invalid(command + " (" + command.code()
                    + ") is not a client-to-tracker command");
        };
    }
}
