package org.fastdfs.tracker;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fastdfs.fileid.FileId;
import org.fastdfs.fileid.FileSource;
import org.fastdfs.fileid.FileType;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.tracker.DeleteGroupRequest;
import org.fastdfs.proto.tracker.DeleteStorageRequest;
import org.fastdfs.proto.tracker.FetchTarget;
import org.fastdfs.proto.tracker.FetchTargets;
import org.fastdfs.proto.tracker.GroupStatList;
import org.fastdfs.proto.tracker.ListOneGroupRequest;
import org.fastdfs.proto.tracker.ListStoragesRequest;
import org.fastdfs.proto.tracker.ParameterResponse;
import org.fastdfs.proto.tracker.QueryFetchRequest;
import org.fastdfs.proto.tracker.QueryStoreRequest;
import org.fastdfs.proto.tracker.ServerAddress;
import org.fastdfs.proto.tracker.ServerIdResponse;
import org.fastdfs.proto.tracker.StorageLookupRequest;
import org.fastdfs.proto.tracker.StorageStatList;
import org.fastdfs.proto.tracker.StoreTarget;
import org.fastdfs.proto.tracker.StoreTargets;
import org.fastdfs.proto.tracker.TrackerRequests;
import org.fastdfs.server.FramedConnection;
import org.fastdfs.tracker.cluster.ClusterState;
import org.fastdfs.tracker.cluster.FileOrigin;
import org.fastdfs.tracker.cluster.Group;
import org.fastdfs.tracker.cluster.StorageNode;
import org.fastdfs.tracker.cluster.TrackerRules;

/** The client and monitor commands (PROTOCOL.md §2): queries, lists, admin and lookups. */
final class ClientQueries {

    private final WireProfile profile;

    ClientQueries(WireProfile profile) {
        this.profile = profile;
    }

    void handle(TrackerDispatcher d, FramedConnection c, Command command, ByteBuffer body) {
        if (!TrackerRequests.handles(command)) {
            throw new ProtocolException(Status.EOPNOTSUPP, command + " is not supported by this tracker");
        }
        var request = TrackerRequests.decode(command, body);
        switch (command) {
            case SERVICE_QUERY_STORE_WITHOUT_GROUP_ONE, SERVICE_QUERY_STORE_WITH_GROUP_ONE -> {
                QueryStoreRequest q = (QueryStoreRequest) request;
                d.answer(c, command, state -> {
                    var t = state.queryStore(q.group().isEmpty() ? null : q.group(), false);
                    StorageNode s = t.storages().get(0);
                    return new StoreTarget(t.group(), s.ip(), s.port(), t.storePathIndex());
                });
            }
            case SERVICE_QUERY_STORE_WITHOUT_GROUP_ALL, SERVICE_QUERY_STORE_WITH_GROUP_ALL -> {
                QueryStoreRequest q = (QueryStoreRequest) request;
                d.answer(c, command, state -> {
                    var t = state.queryStore(q.group().isEmpty() ? null : q.group(), true);
                    return new StoreTargets(t.group(), addresses(t.storages()), t.storePathIndex());
                });
            }
            case SERVICE_QUERY_FETCH_ONE, SERVICE_QUERY_UPDATE, SERVICE_QUERY_FETCH_ALL -> fetch(d, c, command,
                    (QueryFetchRequest) request);
            case SERVER_LIST_ALL_GROUPS -> d.answer(c, command, state -> new GroupStatList(
                    state.groups().stream().map(g -> StatViews.group(g, state.rules().reserved(), profile)).toList()));
            case SERVER_LIST_ONE_GROUP -> {
                String name = ((ListOneGroupRequest) request).group();
                d.answer(c, command, state -> StatViews.group(group(state, name), state.rules().reserved(), profile));
            }
            case SERVER_LIST_STORAGE -> {
                ListStoragesRequest r = (ListStoragesRequest) request;
                d.answer(c, command, state -> {
                    Group g = group(state, r.group());
                    List<StorageNode> nodes = g.storages().stream()
                            .filter(s -> r.storageId() == null || r.storageId().isEmpty() || s.id().equals(r.storageId()))
                            .toList();
                    if (nodes.isEmpty()) {
                        throw new ProtocolException(Status.ENOENT, "no storage " + r.storageId() + " in " + r.group());
                    }
                    return new StorageStatList(nodes.stream()
                            .map(s -> StatViews.storage(s, state.rules().reserved())).toList());
                });
            }
            case SERVER_DELETE_STORAGE -> {
                DeleteStorageRequest r = (DeleteStorageRequest) request;
                d.answerEmpty(c, command, state -> state.deleteStorage(r.group(), r.storageId()));
            }
            case SERVER_DELETE_GROUP -> {
                DeleteGroupRequest r = (DeleteGroupRequest) request;
                d.answerEmpty(c, command, state -> state.deleteGroup(r.group()));
            }
            case STORAGE_GET_STATUS -> {
                StorageLookupRequest r = (StorageLookupRequest) request;
                String ip = r.storage().ip().isEmpty() ? c.remoteHost() : r.storage().ip();
                d.answer(c, command, state -> StatViews.brief(state.storage(r.group(), ip)));
            }
            case STORAGE_GET_SERVER_ID -> {
                StorageLookupRequest r = (StorageLookupRequest) request;
                String ip = r.storage().ip().isEmpty() ? c.remoteHost() : r.storage().ip();
                d.answer(c, command, state -> new ServerIdResponse(ip));
            }
            case STORAGE_PARAMETER_REQ -> d.answer(c, command, state -> parameters(state.rules()));
            default -> throw new ProtocolException(Status.EOPNOTSUPP,
                    command + " needs storage ids, trunk files or several trackers, which this tracker does not run");
        }
    }

    private void fetch(TrackerDispatcher d, FramedConnection c, Command command, QueryFetchRequest q) {
        FileId id = FileId.parseRemote(q.group(), q.filename());
        FileOrigin origin = origin(id);
        d.answer(c, command, state -> {
            if (command == Command.SERVICE_QUERY_UPDATE) {
                StorageNode s = state.queryUpdate(q.group(), origin);
                return new FetchTarget(q.group(), s.ip(), s.port());
            }
            List<StorageNode> found = state.queryFetch(q.group(), origin,
                    command == Command.SERVICE_QUERY_FETCH_ALL, d.now());
            if (command == Command.SERVICE_QUERY_FETCH_ONE) {
                return new FetchTarget(q.group(), found.get(0).ip(), found.get(0).port());
            }
            return new FetchTargets(q.group(), addresses(found));
        });
    }

    static FileOrigin origin(FileId id) {
        boolean normal = id.fileType() == FileType.NORMAL || id.fileType() == FileType.TRUNK;
        return switch (id.source()) {
            case FileSource.Ipv4 ip -> FileOrigin.ofIp(ip.text(), id.createTimestamp(), normal);
            case FileSource.ServerId sid -> new FileOrigin(null, sid.id(), id.createTimestamp(), normal);
        };
    }

    private static List<ServerAddress> addresses(List<StorageNode> nodes) {
        return nodes.stream().map(s -> new ServerAddress(s.ip(), s.port())).toList();
    }

    private static Group group(ClusterState state, String name) {
        Group g = state.group(name);
        if (g == null) {
            throw new ProtocolException(Status.ENOENT, "no group " + name);
        }
        return g;
    }

    /** PARAMETER_REQ (§2.9): the settings storages take from the tracker. */
    static ParameterResponse parameters(TrackerRules rules) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("use_storage_id", "false");
        p.put("id_type_in_filename", "ip");
        p.put("trust_storage_server_id", "true");
        p.put("response_ip_addr_size", "auto");
        p.put("storage_ip_changed_auto_adjust", "false");
        p.put("storage_sync_file_max_delay", Integer.toString(rules.syncFileMaxDelay()));
        p.put("store_path", Integer.toString(rules.storePath()));
        p.put("reserved_storage_space", rules.reserved().toString());
        p.put("use_trunk_file", "false");
        p.put("store_slave_file_use_link", "false");
        return ParameterResponse.of(p);
    }
}
