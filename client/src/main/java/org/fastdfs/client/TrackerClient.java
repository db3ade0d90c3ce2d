package org.fastdfs.client;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.cluster.StorageStatus;
import org.fastdfs.proto.tracker.DeleteStorageRequest;
import org.fastdfs.proto.tracker.FetchTarget;
import org.fastdfs.proto.tracker.FetchTargets;
import org.fastdfs.proto.tracker.GroupStat;
import org.fastdfs.proto.tracker.GroupStatList;
import org.fastdfs.proto.tracker.ListGroupsRequest;
import org.fastdfs.proto.tracker.ListOneGroupRequest;
import org.fastdfs.proto.tracker.ListStoragesRequest;
import org.fastdfs.proto.tracker.QueryFetchRequest;
import org.fastdfs.proto.tracker.QueryStoreRequest;
import org.fastdfs.proto.tracker.StorageStat;
import org.fastdfs.proto.tracker.StorageStatList;
import org.fastdfs.proto.tracker.StoreTarget;
import org.fastdfs.proto.tracker.StoreTargets;

/**
 * The tracker commands of a client and a monitor (PROTOCOL.md §2): where to upload, where a file
 * is, the group and storage lists, and deleting a storage. Obtained from {@link FdfsClient#tracker()}.
 *
 * <p>Failover: each call starts at the next tracker of the list (round robin) and moves on to the
 * following one when a tracker cannot be reached or the exchange breaks; a FastDFS error status
 * (e.g. ENOENT) is an answer and is thrown at once. Thread-safe.
 */
public final class TrackerClient {

    private final ClientConfig config;
    private final ConnectionPool pool;
    private final AtomicInteger next = new AtomicInteger();

    TrackerClient(ClientConfig config, ConnectionPool pool) {
        this.config = config;
        this.pool = pool;
    }

    /** The configured trackers. */
    public List<Endpoint> trackers() {
        return config.trackers();
    }

    // ------------------------------------------------------------ query store

    /** QUERY_STORE_WITHOUT_GROUP_ONE (101): the storage (and store path) to upload to. */
    public StoreTarget queryStore() {
        return queryStore("");
    }

    /** QUERY_STORE_WITH_GROUP_ONE (104) for {@code group}, or 101 when it is empty. */
    public StoreTarget queryStore(String group) {
        QueryStoreRequest r = group.isEmpty() ? QueryStoreRequest.anyGroup(false) : QueryStoreRequest.inGroup(group, false);
        return call(r, group, StoreTarget::decode);
    }

    /** QUERY_STORE_WITHOUT_GROUP_ALL (106): every writable storage of the group the tracker picks. */
    public StoreTargets queryStoreAll() {
        return queryStoreAll("");
    }

    /** QUERY_STORE_WITH_GROUP_ALL (107) for {@code group}, or 106 when it is empty. */
    public StoreTargets queryStoreAll(String group) {
        QueryStoreRequest r = group.isEmpty() ? QueryStoreRequest.anyGroup(true) : QueryStoreRequest.inGroup(group, true);
        return call(r, group, StoreTargets::decode);
    }

    // ------------------------------------------------------------ query fetch

    /** QUERY_FETCH_ONE (102): a storage to download {@code fileId} from. */
    public FetchTarget queryFetch(String fileId) {
        return queryFetch(FileRef.parse(fileId));
    }

    public FetchTarget queryFetch(FileRef file) {
        QueryFetchRequest r = QueryFetchRequest.fetchOne(file.group(), file.remoteFilename());
        return call(r, file, FetchTarget::decode);
    }

    /** QUERY_UPDATE (103): the storage to change {@code fileId} on (its source when it is still syncing). */
    public FetchTarget queryUpdate(String fileId) {
        return queryUpdate(FileRef.parse(fileId));
    }

    public FetchTarget queryUpdate(FileRef file) {
        QueryFetchRequest r = QueryFetchRequest.update(file.group(), file.remoteFilename());
        return call(r, file, FetchTarget::decode);
    }

    /** QUERY_FETCH_ALL (105): every storage that can serve {@code fileId}. */
    public FetchTargets queryFetchAll(String fileId) {
        return queryFetchAll(FileRef.parse(fileId));
    }

    public FetchTargets queryFetchAll(FileRef file) {
        QueryFetchRequest r = QueryFetchRequest.fetchAll(file.group(), file.remoteFilename());
        return call(r, file, FetchTargets::decode);
    }

    // ------------------------------------------------------------------ lists

    /** SERVER_LIST_ALL_GROUPS (91): every group, sorted by name. */
    public List<GroupStat> listGroups() {
        ListGroupsRequest r = new ListGroupsRequest();
        return call(r, "", GroupStatList::decode).groups();
    }

    /** SERVER_LIST_ONE_GROUP (90): one group; ENOENT if the tracker does not know it. */
    public GroupStat listGroup(String group) {
        ListOneGroupRequest r = new ListOneGroupRequest(group);
        return call(r, group, GroupStat::decode);
    }

    /** SERVER_LIST_STORAGE (92): every storage of {@code group}, in id order. */
    public List<StorageStat> listStorages(String group) {
        return listStorages(group, "");
    }

    /** SERVER_LIST_STORAGE (92) for one storage id (ENOENT if none matches), or all when it is empty. */
    public List<StorageStat> listStorages(String group, String storageId) {
        ListStoragesRequest r = new ListStoragesRequest(group, storageId);
        return call(r, group, StorageStatList::decode).storages();
    }

    // ------------------------------------------------------------------ admin

    /**
     * SERVER_DELETE_STORAGE (93) on every tracker, as the C client does: first refused with EBUSY
     * if any reachable tracker still sees the storage ONLINE or ACTIVE; succeeds if at least one
     * tracker deleted it.
     */
    public void deleteStorage(String group, String storageId) {
        DeleteStorageRequest request = new DeleteStorageRequest(group, storageId);
        ListStoragesRequest probe = new ListStoragesRequest(group, storageId);
        for (Endpoint t : config.trackers()) {
            List<StorageStat> seen;
            try {
                String what = what(probe, group + " " + storageId);
                seen = pool.execute(t, c -> c.decode(what, c.call(probe, profile(), what), profile(),
                        StorageStatList::decode)).storages();
            } catch (FdfsNetworkException e) {
                continue;
            } catch (FdfsException e) {
                if (e.status() == Status.ENOENT.code()) {
                    continue;
                }
                throw e;
            }
            for (StorageStat s : seen) {
                StorageStatus status = StorageStatus.of(s.status());
                if (status == StorageStatus.ONLINE || status == StorageStatus.ACTIVE) {
                    throw new FdfsException(Status.EBUSY.code(), "cannot delete storage " + storageId + " of "
                            + group + ": tracker " + t + " sees it " + status + " (stop it first)");
                }
            }
        }
        FdfsException first = null;
        boolean deleted = false;
        for (Endpoint t : config.trackers()) {
            try {
                pool.execute(t, c -> {
                    c.callNoReply(request, profile(), what(request, group + " " + storageId));
                    return null;
                });
                deleted = true;
            } catch (FdfsException e) {
                if (first == null || first instanceof FdfsNetworkException) {
                    first = e;
                }
            }
        }
        if (!deleted) {
            throw first;
        }
    }

    // -------------------------------------------------------------- internals

    /** Sends {@code request} to a tracker and decodes the reply body with {@code decoder}. */
    private <T> T call(Request request, Object subject, BiFunction<ByteBuffer, WireProfile, T> decoder) {
        String what = what(request, subject);
        return execute(what, c -> c.decode(what, c.call(request, profile(), what), profile(), decoder));
    }

    /** Runs {@code call} on the trackers in turn until one answers (see the class comment). */
    <T> T execute(String what, ConnectionPool.Call<T> call) {
        List<Endpoint> trackers = config.trackers();
        int start = Math.floorMod(next.getAndIncrement(), trackers.size());
        List<String> failures = new ArrayList<>();
        FdfsNetworkException last = null;
        for (int i = 0; i < trackers.size(); i++) {
            Endpoint t = trackers.get((start + i) % trackers.size());
            try {
                return pool.executeIdempotent(t, call);
            } catch (FdfsNetworkException e) {
                last = e;
                failures.add(e.getMessage());
            }
        }
        if (trackers.size() == 1) {
            throw last;
        }
        throw new FdfsNetworkException(null, last.status(), "no tracker answered " + what + ": "
                + String.join("; ", failures), last);
    }

    private WireProfile profile() {
        return config.profile();
    }

    private static String what(Request r, Object subject) {
        String s = String.valueOf(subject);
        return s.isEmpty() ? r.command().name() : r.command().name() + " " + s;
    }
}
