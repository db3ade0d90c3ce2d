package org.fastdfs.storage.report;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.cluster.ReportStatusRequest;
import org.fastdfs.proto.cluster.StorageStatus;
import org.fastdfs.proto.cluster.SyncReqBody;
import org.fastdfs.proto.cluster.SyncSourceReply;
import org.fastdfs.proto.cluster.SyncSrcRequest;
import org.fastdfs.proto.stat.StorageBrief;
import org.fastdfs.storage.StorageConfig;
import org.fastdfs.storage.StorageServer;
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
    private final StorageServer server;
    private final List<TrackerLink> links = new CopyOnWriteArrayList<>();
    private volatile List<StorageBrief> members = List.of();
    private final WireProfile profile;

    TrackerReporter(StorageConfig config, StorageFacts facts, StorageServer server) {
        this.config = config;
        this.facts = facts;
        this.server = server;
        List<String> trackers = config.trackerServers().orElse(List.of());
        this.profile = WireProfile.parse(config.protocol());
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
        if (!server.listening()) {
            return; // the store opens and the listener binds before the first join
        }
        long now = System.currentTimeMillis();
        for (TrackerLink link : links) {
            link.tick(now, config.heartBeatIntervalSeconds() * 1000L, config.statReportIntervalSeconds() * 1000L);
        }
    }

    private void membersChanged(List<StorageBrief> group) {
        members = List.copyOf(group);
        LOG.debugf("group members now %s", group);
    }

    /** Newest source timestamps received from each peer (what SYNC_REPORT sends). */
    public java.util.Map<String, Long> syncedFrom() {
        return facts.syncedFrom();
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

    /**
     * SYNC_SRC_REQ (PROTOCOL.md §4.4) on a short connection to the first tracker that answers: the copy
     * source recorded for a new member, or null when there is nothing to copy.
     */
    public SyncReqBody copySourceOf(String peerId) throws IOException {
        IOException last = null;
        for (TrackerLink l : links) {
            try (TrackerSocket s = socket(l)) {
                return SyncSourceReply.decode(s.call(new SyncSrcRequest(config.groupName(), peerId))).source();
            } catch (IOException e) {
                last = e;
            }
        }
        throw last != null ? last : new IOException("no tracker configured");
    }

    /** REPORT_STATUS (§4.8) to every tracker, each on its own short connection. */
    public void reportPeerStatus(String peerId, String peerIp, int peerPort, StorageStatus status) throws IOException {
        int ok = 0;
        IOException last = null;
        for (TrackerLink l : links) {
            try (TrackerSocket s = socket(l)) {
                s.call(new ReportStatusRequest(config.groupName(), new StorageBrief(status.code(), peerPort, peerId, peerIp)));
                ok++;
            } catch (IOException e) {
                last = e;
            }
        }
        if (ok == 0 && last != null) {
            throw last;
        }
    }

    private TrackerSocket socket(TrackerLink l) throws IOException {
        return new TrackerSocket(l.host(), l.port(), config.bindAddr(), profile,
                config.connectTimeoutSeconds() * 1000, config.networkTimeoutSeconds() * 1000);
    }

    void stop(@Observes ShutdownEvent event) {
        links.forEach(TrackerLink::close);
    }
}
