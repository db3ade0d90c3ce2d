package org.fastdfs.storage.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.cluster.ChangeResponse;
import org.fastdfs.proto.cluster.EmptyRequest;
import org.fastdfs.proto.cluster.GetMyIpRequest;
import org.fastdfs.proto.cluster.MyIpReply;
import org.fastdfs.proto.cluster.ReportDiskUsageRequest;
import org.fastdfs.proto.cluster.StorageBeatRequest;
import org.fastdfs.proto.cluster.StorageJoinReply;
import org.fastdfs.proto.cluster.StorageJoinRequest;
import org.fastdfs.proto.cluster.SyncNotifyRequest;
import org.fastdfs.proto.cluster.SyncReportRequest;
import org.fastdfs.proto.cluster.SyncReqBody;
import org.fastdfs.proto.cluster.SyncSourceReply;
import org.fastdfs.proto.stat.StatBlock;
import org.fastdfs.proto.stat.StorageBrief;
import org.jboss.logging.Logger;

/**
 * The connection to one tracker (PROTOCOL.md §4.1). Blocking I/O with timeouts; called from one
 * scheduler thread at a time. {@link #tick} connects and joins when needed, then sends whatever is due.
 */
public final class TrackerLink {

    private static final Logger LOG = Logger.getLogger(TrackerLink.class);
    static final String VERSION = "6.16.1";

    private final String host;
    private final int port;
    private final List<String> allTrackers;
    private final WireProfile profile;
    private final StorageFacts facts;
    private final Consumer<List<StorageBrief>> onMembers;
    private final int connectTimeoutMs;
    private final int networkTimeoutMs;
    private final String bindAddr;
    private TrackerSocket socket;
    private long lastBeat;
    private long lastDiskReport;
    private long lastSyncReport;
    private java.util.Map<String, Long> reportedSync = java.util.Map.of();
    private long nextAttempt;
    private volatile int myStatus = -1;
    private volatile String lastError = "";
    private volatile boolean joined;

    public TrackerLink(String address, List<String> allTrackers, WireProfile profile, StorageFacts facts,
                       Consumer<List<StorageBrief>> onMembers, int connectTimeoutMs, int networkTimeoutMs,
                       String bindAddr) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("tracker address '" + address + "' is not host:port");
        }
        this.host = address.substring(0, colon);
        this.port = Integer.parseInt(address.substring(colon + 1).trim());
        this.allTrackers = allTrackers;
        this.profile = profile;
        this.facts = facts;
        this.onMembers = onMembers;
        this.connectTimeoutMs = connectTimeoutMs;
        this.networkTimeoutMs = networkTimeoutMs;
        this.bindAddr = bindAddr;
    }

    /** Does whatever is due at {@code now} (millis): join if disconnected, beat, report disk usage. */
    public void tick(long now, long beatIntervalMs, long statIntervalMs) {
        try {
            if (!joined) {
                close();
                if (now < nextAttempt) {
                    return;
                }
                connectAndJoin();
                lastBeat = 0;
                lastDiskReport = 0;
                reportedSync = java.util.Map.of();
            }
            if (now - lastDiskReport >= statIntervalMs) {
                changes(call(new ReportDiskUsageRequest(facts.usage().stream()
                        .map(u -> new ReportDiskUsageRequest.PathUsage(u.totalMb(), u.freeMb())).toList())));
                lastDiskReport = now;
            }
            if (now - lastBeat >= beatIntervalMs) {
                StatBlock stats = facts.stats();
                changes(call(new StorageBeatRequest(stats)));
                lastBeat = now;
            }
            java.util.Map<String, Long> synced = facts.syncedFrom();
            if (!synced.isEmpty() && !synced.equals(reportedSync) && now - lastSyncReport >= Math.min(beatIntervalMs, 1000)) {
                List<SyncReportRequest.SyncTimestamp> rows = new ArrayList<>();
                synced.forEach((peer, ts) -> rows.add(new SyncReportRequest.SyncTimestamp(peer, (int) (long) ts)));
                changes(call(new SyncReportRequest(rows)));
                reportedSync = synced;
                lastSyncReport = now;
            }
            lastError = "";
        } catch (IOException | RuntimeException e) {
            lastError = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warnf("tracker %s:%d: %s; reconnecting in %d s", host, port, lastError, beatIntervalMs / 1000);
            close();
            nextAttempt = now + Math.min(beatIntervalMs, 30_000);
        }
    }

    private void connectAndJoin() throws IOException {
        socket = new TrackerSocket(host, port, bindAddr, profile, connectTimeoutMs, networkTimeoutMs);
        MyIpReply ip = MyIpReply.decode(call(new GetMyIpRequest(facts.groupName(), facts.port())));
        if (!ip.ips().isEmpty()) {
            facts.learnedIp(ip.ips().get(0));
        }
        StorageJoinRequest join = new StorageJoinRequest(facts.groupName(), facts.port(), 0, facts.storePathCount(),
                facts.subdirCount(), facts.uploadPriority(), facts.joinTime(), facts.upTime(), VERSION, "",
                !facts.initialSyncDone(), Math.max(0, myStatus), "", host + ":" + port, allTrackers);
        StorageJoinReply reply = StorageJoinReply.decode(call(join));
        myStatus = reply.myStatus();
        joined = true;
        if (!facts.initialSyncDone()) {
            // the first tracker reached picks the copy source; the others are told with SYNC_NOTIFY
            SyncSourceReply src = SyncSourceReply.decode(call(new EmptyRequest(Command.STORAGE_SYNC_DEST_REQ)));
            SyncReqBody b = src.source();
            facts.initialSyncNegotiated(b == null ? "" : b.srcId(), b == null ? 0 : b.untilTimestamp());
        }
        call(new SyncNotifyRequest(new SyncReqBody(facts.syncSrcId(), facts.syncUntilTimestamp())));
        LOG.infof("joined tracker %s:%d as %s of %s (status %d)", host, port, ip.ips(), facts.groupName(), myStatus);
    }

    private void changes(ByteBuffer body) {
        ChangeResponse r = ChangeResponse.decode(body, profile);
        if (r.groupChanged()) {
            onMembers.accept(r.groupStorages());
        }
    }

    private ByteBuffer call(Request request) throws IOException {
        return socket.call(request);
    }

    /** True while this tracker has accepted the storage's JOIN on the current connection. */
    public boolean connected() {
        return joined;
    }

    public String address() {
        return host + ":" + port;
    }

    public String lastError() {
        return lastError;
    }

    public void close() {
        joined = false;
        TrackerSocket s = socket;
        socket = null;
        if (s != null) {
            s.close();
        }
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }
}
