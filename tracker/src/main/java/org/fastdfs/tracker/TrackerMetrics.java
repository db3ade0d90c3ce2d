package org.fastdfs.tracker;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.fastdfs.proto.cluster.StorageStatus;

/**
 * Tracker meters for Prometheus: open connections, and per group the storages by state and the free
 * space (from the last cluster view). Requests are counted by {@link org.fastdfs.server.RequestMetrics}.
 */
@Singleton
public class TrackerMetrics {

    private final MeterRegistry registry;
    private final java.util.Set<String> watched = java.util.concurrent.ConcurrentHashMap.newKeySet();

    TrackerMetrics(MeterRegistry registry, ClusterService cluster, TrackerServer server) {
        this.registry = registry;
        Gauge.builder("fdfs_tracker_connections", server, TrackerServer::connectionCount)
                .description("Open FastDFS connections").register(registry);
        Gauge.builder("fdfs_tracker_groups", cluster, c -> c.lastView().groups().size())
                .description("Known groups").register(registry);
        for (StorageStatus st : StorageStatus.values()) {
            Gauge.builder("fdfs_tracker_storages", cluster, c -> c.lastView().groups().stream()
                            .flatMap(g -> g.storages().stream()).filter(s -> s.status().equals(st.name())).count())
                    .tag("status", st.name()).description("Storages by state").register(registry);
        }
    }

    /** Registers a free-space gauge for a group the first time it is seen. */
    void watchGroup(ClusterService cluster, String group) {
        if (!watched.add("group " + group)) {
            return;
        }
        Gauge.builder("fdfs_tracker_group_free_mb", cluster, c -> c.lastView().groups().stream()
                        .filter(g -> g.name().equals(group)).mapToLong(ClusterView.GroupView::freeMb).findFirst().orElse(0))
                .tag("group", group).description("Free MB of the group's tightest writable storage").register(registry);
    }

    /** Registers the state gauge of a storage the first time it joins: its §4.11 status code (7 = ACTIVE). */
    void watchStorage(ClusterService cluster, String group, String id) {
        if (!watched.add("storage " + group + "/" + id)) {
            return;
        }
        Gauge.builder("fdfs_tracker_storage_status", cluster, c -> c.lastView().groups().stream()
                        .filter(g -> g.name().equals(group)).flatMap(g -> g.storages().stream())
                        .filter(st -> st.id().equals(id))
                        .mapToInt(st -> StorageStatus.valueOf(st.status()).code()).findFirst().orElse(-1))
                .tags("group", group, "storage", id)
                .description("The storage's state code (0 INIT ... 5 OFFLINE, 6 ONLINE, 7 ACTIVE)").register(registry);
    }
}
