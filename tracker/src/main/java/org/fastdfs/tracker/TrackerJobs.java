package org.fastdfs.tracker;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Periodic tracker work: storages that stopped beating go OFFLINE (PROTOCOL.md §4.10, §4.11). */
@ApplicationScoped
public class TrackerJobs {

    private static final Logger LOG = Logger.getLogger(TrackerJobs.class);

    private final ClusterService cluster;

    TrackerJobs(ClusterService cluster) {
        this.cluster = cluster;
    }

    @Scheduled(every = "${fdfs.tracker.check-alive-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkAlive() {
        cluster.call(state -> state.checkAlive(cluster.now())).onSuccess(expired -> expired.forEach(
                s -> LOG.warnf("storage %s of %s sent no heartbeat for %d s: OFFLINE", s.id(), s.group(),
                        cluster.rules().checkActiveSeconds())));
    }
}
