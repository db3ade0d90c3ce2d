package org.fastdfs.storage.report;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.stat.StorageBrief;
import org.fastdfs.storage.StorageConfig;
import org.jboss.logging.Logger;

/**
 * Keeps this storage joined to every configured tracker: a {@code @Scheduled} tick each second lets
 * each {@link TrackerLink} join, beat or report what is due (blocking work on the scheduler's worker).
 */
@ApplicationScoped
public class TrackerReporter {

    private static final Logger LOG = Logger.getLogger(TrackerReporter.class);

    private final StorageConfig config;
    private final StorageFacts facts;
    private final List<TrackerLink> links = new CopyOnWriteArrayList<>();
    private volatile List<StorageBrief> members = List.of();

    TrackerReporter(StorageConfig config, StorageFacts facts) {
        this.config = config;
        this.facts = facts;
        List<String> trackers = config.trackerServers().orElse(List.of());
        WireProfile profile = WireProfile.parse(config.protocol());
        for (String t : trackers) {
            links.add(new TrackerLink(t.trim(), trackers, profile, facts, this::membersChanged,
                    config.connectTimeoutSeconds() * 1000, config.networkTimeoutSeconds() * 1000, config.bindAddr()));
        }
        if (links.isEmpty()) {
            LOG.warn("no tracker configured (fdfs.storage.tracker-servers): this storage serves files but joins no cluster");
        }
    }

    @Scheduled(every = "1s", delayed = "0s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        long now = System.currentTimeMillis();
        for (TrackerLink link : links) {
            link.tick(now, config.heartBeatIntervalSeconds() * 1000L, config.statReportIntervalSeconds() * 1000L);
        }
    }

    private void membersChanged(List<StorageBrief> group) {
        members = List.copyOf(group);
        LOG.debugf("group members now %s", group);
    }

    /** The group's storages as the trackers last listed them. */
    public List<StorageBrief> members() {
        return members;
    }

    /** True when at least one tracker has this storage joined. */
    public boolean joinedAny() {
        return links.stream().anyMatch(TrackerLink::connected);
    }

    public List<TrackerLink> links() {
        return List.copyOf(links);
    }

    void stop(@Observes ShutdownEvent event) {
        links.forEach(TrackerLink::close);
    }
}
