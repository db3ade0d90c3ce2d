package org.fastdfs.storage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fastdfs.proto.cluster.StorageStatus;
import org.fastdfs.storage.report.TrackerReporter;
import org.fastdfs.storage.store.FileStore;
import org.fastdfs.storage.sync.MarkFile;
import org.fastdfs.storage.sync.PeerSync;
import org.fastdfs.storage.sync.SyncManager;

/** This storage as JSON: its trackers, store paths, counters and replication to each peer. */
@Path("/storage")
@Produces(MediaType.APPLICATION_JSON)
public class StorageResource {

    private final FileStore store;
    private final TrackerReporter reporter;
    private final SyncManager sync;
    private final StorageServer server;

    StorageResource(FileStore store, TrackerReporter reporter, SyncManager sync, StorageServer server) {
        this.store = store;
        this.reporter = reporter;
        this.sync = sync;
        this.server = server;
    }

    public record PathView(String path, String root, long totalMb, long freeMb) {
    }

    public record PeerView(String id, String status, boolean connected, long lagRecords, long lagSeconds,
                           long lastPushedTimestamp, MarkFile mark, String lastError) {
    }

    public record View(String group, String ip, int port, Map<String, String> trackers, List<PathView> storePaths,
                       List<PeerView> peers, Map<String, Long> syncedFrom, Map<String, Long> counters) {
    }

    @GET
    public View view() {
        Map<String, String> trackers = new TreeMap<>();
        reporter.links().forEach(l -> trackers.put(l.address(), l.connected() ? "joined" : "down: " + l.lastError()));
        List<PathView> paths = new java.util.ArrayList<>();
        for (int i = 0; i < store.paths().count(); i++) {
            var u = store.usage(i);
            paths.add(new PathView("M" + org.fastdfs.storage.disk.StorePaths.hex(i), store.paths().root(i).toString(),
                    u.totalMb(), u.freeMb()));
        }
        long now = store.now();
        List<PeerView> peers = sync.peers().values().stream().map(p -> {
            StorageStatus st = sync.peerStatus(p.peerId());
            return new PeerView(p.peerId(), st == null ? "UNKNOWN" : st.name(), p.connected(), p.lagRecords(),
                    p.lagSeconds(now), p.lastPushedTimestamp(), p.mark(), p.lastError());
        }).toList();
        Map<String, Long> counters = new TreeMap<>();
        store.stats().snapshot().asMap().forEach((f, v) -> counters.put(f.key(), v));
        return new View(store.group(), store.identity().ip().orElse(""), server.port(), trackers, paths, peers,
                new TreeMap<>(reporter.syncedFrom()), counters);
    }
}
