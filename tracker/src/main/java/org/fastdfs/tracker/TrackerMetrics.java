package org.fastdfs.tracker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.cluster.StorageStatus;

/**
 * Tracker meters for Prometheus: requests by command and status, open connections, and per group
 * the storages by state and the free space (from the last cluster view).
 */
@ApplicationScoped
public class TrackerMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();

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

    /** Counts one answered request. */
    public void request(Command command, int status) {
        String key = command.name() + '/' + status;
        requests.computeIfAbsent(key, k -> Counter.builder("fdfs_tracker_requests")
                .tag("command", command.name())
                .tag("status", Status.of(status) == null ? Integer.toString(status) : Status.of(status).name())
                .description("FastDFS requests answered by the tracker").register(registry)).increment();
    }

    /** Registers a free-space gauge for a group the first time it is seen. */
    void watchGroup(ClusterService cluster, String group) {
        Gauge.builder("fdfs_tracker_group_free_mb", cluster, c -> c.lastView().groups().stream()
                        .filter(g -> g.name().equals(group)).mapToLong(ClusterView.GroupView::freeMb).findFirst().orElse(0))
                .tag("group", group).description("Free MB of the group's tightest writable storage").register(registry);
    }
}
