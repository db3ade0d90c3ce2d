package org.fastdfs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fastdfs.client.ClientConfig;
import org.fastdfs.client.Content;
import org.fastdfs.client.Endpoint;
import org.fastdfs.client.FdfsClient;
import org.fastdfs.client.FdfsException;
import org.fastdfs.client.FileRef;
import org.fastdfs.client.ProgressListener;
import org.fastdfs.client.UploadOptions;
import org.fastdfs.fileid.FileId;
import org.fastdfs.meta.Metadata;
import org.fastdfs.meta.MetadataMode;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.cluster.StorageStatus;
import org.fastdfs.proto.tracker.StorageStat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replication inside group1 (PROTOCOL.md §5) with real processes: a tracker on 127.0.0.1 and
 * storages on 127.0.0.2–127.0.0.4, plus a fourth one on 127.0.0.5 that joins in test 5. Every
 * change made on any member must end up on every member: the data files and metadata sidecars on
 * disk are compared byte for byte, and files are read back from each storage directly (a client
 * whose address mapper pins every storage call to one member).
 *
 * <p>The members pipeline their pushes ({@code sync-window} 8): runs of creates and deletes travel
 * several at a time, between appends, modifications and truncations that go alone. The other
 * clusters of the suite run the default, one record at a time.
 *
 * <p>The tests build on each other (one cluster, one growing file set, {@link #expected}); every
 * wait is a poll with a deadline.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicationTest {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension(() -> MiniCluster.builder("repl").storages(4)
            .deferStorages(1).storageProperty("fdfs.storage.sync-window", "8"));

    static final Duration CONVERGE = Duration.ofSeconds(30);
    static final String GROUP = "group1";

    /** Through the tracker: uploads round-robin over the writable members. */
    static FdfsClient client;
    /** The members running now (storage4 joins in test 5). */
    static final List<ServerProcess> members = new ArrayList<>();
    /** Every data file that must be on every member: remote name (M00/...) to content. */
    static final Map<String, byte[]> expected = new ConcurrentHashMap<>();
    /** Names of normal (not appender) files, whose mtime must also agree. */
    static final Set<String> normalFiles = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startTheGroup() {
        MiniCluster c = CLUSTER.get();
        expected.clear(); // shared with other classes that use these checks
        normalFiles.clear();
        members.addAll(c.storages().subList(0, 3));
        for (ServerProcess s : members) {
            c.awaitStorageStatus(s, StorageStatus.ACTIVE, CONVERGE);
        }
        client = trackerClient();
    }

    @AfterAll
    static void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    // =============================================================================== tests

    @Test
    @Order(1)
    void uploadsToAnyMemberReachEveryMemberWithTheSameBytesAndMetadata() {
        Set<String> sources = new TreeSet<>();
        // through the tracker: query store round-robins over the three members
        for (int i = 0; i < 9; i++) {
            byte[] data = Payloads.random(1000 + i * 7919, 100 + i);
            Map<String, String> meta = Map.of("n", String.valueOf(i), "kind", "tracker");
            FileRef ref = client.upload(Content.of(data), UploadOptions.DEFAULT.extension("bin").metadata(meta));
            remember(ref, data, true);
            sources.add(client.fileInfo(ref.fileId()).sourceIp());
        }
        assertThat(sources).as("query store round-robins over every member")
                .containsExactlyInAnyOrder(hosts(members).toArray(String[]::new));

        // straight to a chosen member
        Map<String, Map<String, String>> metaOf = new LinkedHashMap<>();
        for (ServerProcess s : members) {
            try (FdfsClient direct = pinned(s)) {
                for (int i = 0; i < 3; i++) {
                    byte[] data = Payloads.random(3000 + i, s.host().hashCode() + i);
                    Map<String, String> meta = Map.of("on", s.host(), "i", String.valueOf(i));
                    FileRef ref = direct.upload(Content.of(data), UploadOptions.DEFAULT.extension("dat").metadata(meta));
                    assertThat(direct.fileInfo(ref.fileId()).sourceIp()).isEqualTo(s.host());
                    remember(ref, data, true);
                    metaOf.put(ref.fileId(), meta);
                }
            }
        }
        // a bigger one, streamed (several MB cross the sync connection in one SYNC_CREATE_FILE)
        byte[] big = Payloads.random(6 << 20, 7);
        remember(client.upload(big, "big"), big, true);

        Map<String, Map<String, FileFacts>> disks = awaitSameFiles(members, CONVERGE);
        assertThat(disks.get(members.get(0).name())).as("metadata sidecars are replicated too")
                .containsKeys(metaOf.keySet().stream().map(id -> disk(FileRef.parse(id).remoteFilename()) + "-m")
                        .toArray(String[]::new));
        for (ServerProcess s : members) {
            try (FdfsClient direct = pinned(s)) {
                expected.forEach((name, data) -> assertThat(direct.downloadBytes(GROUP + "/" + name))
                        .as("%s downloaded from %s", name, s).isEqualTo(data));
                metaOf.forEach((id, meta) -> assertThat(direct.getMetadata(id).asMap())
                        .as("metadata of %s on %s", id, s).isEqualTo(meta));
            }
        }
        awaitNoLag(members, CONVERGE);
    }

    @Test
    @Order(2)
    void deletesAppendsAndMetadataChangesReachEveryMember() {
        ServerProcess s1 = members.get(0);
        ServerProcess s2 = members.get(1);
        ServerProcess s3 = members.get(2);

        // deletes: one on the source (through the tracker: QUERY_UPDATE names it), one on a replica
        FileRef viaSource;
        FileRef viaReplica;
        try (FdfsClient on1 = pinned(s1)) {
            viaSource = on1.upload(Content.of(Payloads.ascii("delete me on the source")),
                    UploadOptions.DEFAULT.extension("txt").metadata(Map.of("doomed", "yes")));
            viaReplica = on1.upload(Payloads.ascii("delete me on a replica"), "txt");
        }
        remember(viaSource, Payloads.ascii("delete me on the source"), true);
        remember(viaReplica, Payloads.ascii("delete me on a replica"), true);
        awaitSameFiles(members, CONVERGE);
        client.delete(viaSource.fileId());
        forget(viaSource);
        try (FdfsClient on3 = pinned(s3)) {
            on3.delete(viaReplica.fileId());
        }
        forget(viaReplica);
        Map<String, Map<String, FileFacts>> disks = awaitSameFiles(members, CONVERGE);
        for (ServerProcess s : members) {
            assertThat(disks.get(s.name())).as("on %s", s).doesNotContainKeys(disk(viaSource.remoteFilename()),
                    disk(viaSource.remoteFilename()) + "-m", disk(viaReplica.remoteFilename()));
            try (FdfsClient direct = pinned(s)) {
                for (FileRef gone : List.of(viaSource, viaReplica)) {
                    assertThatThrownBy(() -> direct.downloadBytes(gone.fileId())).as("%s on %s", gone, s)
                            .isInstanceOfSatisfying(FdfsException.class,
                                    e -> assertThat(e.status()).isEqualTo(Status.ENOENT.code()));
                }
            }
        }

        // an appender file: created on s2, appended to, modified and truncated on its source
        byte[] first = Payloads.random(5000, 51);
        FileRef app;
        try (FdfsClient on2 = pinned(s2)) {
            app = on2.upload(Content.of(first), UploadOptions.DEFAULT.extension("log").appender(true));
        }
        remember(app, first, false);
        awaitSameFiles(members, CONVERGE);
        byte[] more = Payloads.random(3000, 52);
        client.append(app.fileId(), more);
        byte[] grown = concat(first, more);
        remember(app, grown, false);
        assertSameEverywhere(app, grown);

        byte[] patch = Payloads.ascii("PATCHED-IN-THE-MIDDLE");
        client.modify(app.fileId(), 4000, Content.of(patch), ProgressListener.NONE);
        System.arraycopy(patch, 0, grown, 4000, patch.length);
        byte[] third = Payloads.random(1500, 53);
        client.append(app.fileId(), third);
        byte[] modified = concat(grown, third);
        remember(app, modified, false);
        assertSameEverywhere(app, modified);

        client.truncate(app.fileId(), 6000);
        byte[] cut = Payloads.range(modified, 0, 6000);
        remember(app, cut, false);
        assertSameEverywhere(app, cut);

        // metadata: overwrite and merge on the source, merge on a replica, then remove it all
        byte[] data = Payloads.ascii("file with changing metadata");
        FileRef m = client.upload(Content.of(data), UploadOptions.DEFAULT.extension("txt").metadata(Map.of("a", "1")));
        remember(m, data, true);
        awaitSameFiles(members, CONVERGE);
        client.setMetadata(m.fileId(), Metadata.of(Map.of("a", "1", "b", "2")), MetadataMode.OVERWRITE);
        awaitMetadataEverywhere(m, Map.of("a", "1", "b", "2"));
        client.setMetadata(m.fileId(), Metadata.of(Map.of("b", "3", "c", "4")), MetadataMode.MERGE);
        awaitMetadataEverywhere(m, Map.of("a", "1", "b", "3", "c", "4"));
        ServerProcess notSource = members.stream().filter(s -> !s.host().equals(client.fileInfo(m.fileId()).sourceIp()))
                .findFirst().orElseThrow();
        try (FdfsClient other = pinned(notSource)) {
            other.setMetadata(m.fileId(), Metadata.of(Map.of("d", "5")), MetadataMode.MERGE);
        }
        awaitMetadataEverywhere(m, Map.of("a", "1", "b", "3", "c", "4", "d", "5"));
        client.setMetadata(m.fileId(), Metadata.EMPTY, MetadataMode.OVERWRITE);
        disks = awaitSameFiles(members, CONVERGE);
        for (ServerProcess s : members) {
            assertThat(disks.get(s.name())).as("sidecar removed on %s", s).doesNotContainKey(disk(m.remoteFilename()) + "-m");
        }

        // an appender turned into a normal file (REGENERATE_APPENDER_FILENAME: a rename on every member)
        byte[] body = Payloads.random(2222, 54);
        FileRef before = client.upload(Content.of(body), UploadOptions.DEFAULT.extension("tmp").appender(true));
        remember(before, body, false);
        awaitSameFiles(members, CONVERGE);
        FileRef after = client.regenerateAppenderFilename(before.fileId());
        forget(before);
        remember(after, body, false);
        disks = awaitSameFiles(members, CONVERGE);
        for (ServerProcess s : members) {
            assertThat(disks.get(s.name())).as("renamed on %s", s).doesNotContainKey(disk(before.remoteFilename()))
                    .containsKey(disk(after.remoteFilename()));
        }
    }

    @Test
    @Order(3)
    void aDownloadRightAfterAnUploadNeverFailsWhicheverMemberTheTrackerPicks() throws Exception {
        List<FileRef> refs = new ArrayList<>(uploadThenDownload(client, 200, 1000));

        // four clients at once: the uploads of one storage finish out of order in its binlog
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                jobs.add(pool.submit(() -> {
                    try (FdfsClient own = trackerClient()) {
                        List<FileRef> mine = uploadThenDownload(own, 50, 2000 + thread * 100);
                        synchronized (refs) {
                            refs.addAll(mine);
                        }
                    }
                }));
            }
            for (Future<?> f : jobs) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        awaitSameFiles(members, CONVERGE);
        Map<String, Integer> named = downloadWhereTheTrackerSays(refs);
        System.out.println("storages the tracker named for the " + refs.size() + " files later: " + named);
        assertThat(named).as("replicas serve reads once they have reported").containsKey("replica");
    }

    /** {@code count} times: upload through the tracker and download it at once through the tracker. */
    static List<FileRef> uploadThenDownload(FdfsClient c, int count, int seed) {
        List<FileRef> refs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] data = Payloads.random(200 + (i * 37) % 4000, seed + i);
            FileRef ref = c.upload(data, "r" + (i % 10));
            remember(ref, data, true);
            refs.add(ref);
            downloadAndCompare(c, ref, data, "right after its upload (#" + i + ")");
        }
        return refs;
    }

    /**
     * Once the replicas have reported newer sync timestamps, the tracker names them for these files
     * too (§7.4): waits for that, then downloads each file from whichever storage the tracker names.
     * Returns how often a replica and how often the source was named.
     */
    static Map<String, Integer> downloadWhereTheTrackerSays(List<FileRef> refs) {
        // the newest file: once a replica may serve it, it may serve every one of them
        FileRef newest = refs.stream()
                .max(Comparator.comparingLong(r -> FileId.parse(r.fileId()).createTimestamp()))
                .orElseThrow();
        String source = client.fileInfo(newest.fileId()).sourceIp();
        // A replica's synced-until time is the oldest of the newest timestamps it received from each
        // source (PROTOCOL.md §7.4), and it only moves when a source writes: write once more on every
        // member in a second after the newest file's, as a busy group would.
        long created = FileId.parse(newest.fileId()).createTimestamp();
        await("the clock to pass the newest file's second", CONVERGE,
                () -> Instant.now().getEpochSecond() > created);
        for (ServerProcess member : members) {
            try (FdfsClient direct = pinned(member)) {
                direct.upload(new byte[] {1, 2, 3}, "txt");
            }
        }
        await("the tracker names a replica for " + newest, CONVERGE, () -> {
            for (int i = 0; i < members.size(); i++) { // round robin: ask once per member
                if (!client.locate(newest.fileId()).ip().equals(source)) {
                    return true;
                }
            }
            return false;
        });
        Map<String, Integer> named = new TreeMap<>();
        for (FileRef ref : refs) {
            String ip = client.locate(ref.fileId()).ip();
            named.merge(ip.equals(client.fileInfo(ref.fileId()).sourceIp()) ? "source" : "replica", 1, Integer::sum);
            downloadAndCompare(client, ref, expected.get(ref.remoteFilename()), "later");
        }
        return named;
    }

    static void downloadAndCompare(FdfsClient c, FileRef ref, byte[] data, String when) {
        byte[] back;
        try {
            back = c.downloadBytes(ref.fileId());
        } catch (FdfsException e) {
            throw new AssertionError("download of " + ref + " (source " + c.fileInfo(ref.fileId()).sourceIp() + ") "
                    + when + " failed: " + e, e);
        }
        assertThat(back).as("download of %s %s", ref, when).isEqualTo(data);
    }

    @Test
    @Order(4)
    void aMemberKilledDuringAStreamOfUploadsCatchesUpFromItsMarkAndEndsWithTheSameFiles() throws Exception {
        MiniCluster c = CLUSTER.get();
        ServerProcess victim = members.get(2);
        AtomicBoolean go = new AtomicBoolean(true);
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        // uploads straight to each member in turn, the victim included: its own pushes are cut short too
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> stream = pool.submit(() -> {
            Map<ServerProcess, FdfsClient> direct = new LinkedHashMap<>();
            int i = 0;
            try {
                while (go.get()) {
                    ServerProcess s = members.get(i % members.size());
                    // now and then a larger file, so the kill is likely to cut a transfer in the middle
                    int size = i % 8 == 7 ? (1 << 20) + i : 500 + (i * 131) % 20_000;
                    byte[] data = Payloads.random(size, 5000 + i);
                    try {
                        FileRef ref = direct.computeIfAbsent(s, ReplicationTest::pinned).upload(data, "k");
                        remember(ref, data, true);
                        acked.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        FdfsClient dead = direct.remove(s);
                        if (dead != null) {
                            dead.close();
                        }
                    }
                    i++;
                }
            } finally {
                direct.values().forEach(FdfsClient::close);
            }
        });
        try {
            await("60 uploads before the kill", Duration.ofSeconds(30), () -> acked.get() >= 60);
            c.kill(victim);
            c.awaitStorageStatus(victim, StorageStatus.OFFLINE, CONVERGE);
            int atKill = acked.get();
            await("60 uploads while " + victim + " is down", Duration.ofSeconds(30), () -> acked.get() >= atKill + 60);
            c.restart(victim);
            c.awaitStorageStatus(victim, StorageStatus.ACTIVE, CONVERGE);
            int atRestart = acked.get();
            await("40 uploads after the restart", Duration.ofSeconds(30), () -> acked.get() >= atRestart + 40);
        } finally {
            go.set(false);
            pool.shutdown();
        }
        stream.get(30, TimeUnit.SECONDS);
        assertThat(failed.get()).as("uploads to the dead member failed").isPositive();

        awaitSameFiles(members, CONVERGE);
        // every pusher's mark for every peer reached the end of its binlog, having scanned each record
        // once: resumed from the mark after the kill, never from the start, nothing skipped
        awaitNoLag(members, CONVERGE);
        try {
            await("every mark at the end of its binlog", CONVERGE, () -> marksAtEnd(members).isEmpty());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + marksAtEnd(members), e);
        }
        for (ServerProcess s : members) {
            // the restarted member sweeps what the kill left behind in the background
            await("no temp files left on " + s, CONVERGE, () -> tempFiles(s).isEmpty());
        }
        client.close();
        client = trackerClient(); // its pooled connection to the victim died with it
    }

    @Test
    @Order(5)
    void aFourthMemberReceivesEveryFileOfABusyGroupAndTurnsActive() throws Exception {
        MiniCluster c = CLUSTER.get();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                jobs.add(pool.submit(() -> {
                    for (int i = thread; i < 1000; i += 4) {
                        byte[] data = Payloads.random(64 + i % 700, 20_000 + i);
                        remember(client.upload(data, "s"), data, true);
                    }
                }));
            }
            for (Future<?> f : jobs) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(expected.size()).isGreaterThan(1200);
        // settled first: the newcomer's cut-off must not fall inside records still travelling
        awaitSameFiles(members, CONVERGE);
        awaitNoLag(members, CONVERGE);

        ServerProcess newcomer = c.storage(4);
        Instant start = Instant.now();
        c.startStorage(newcomer);
        members.add(newcomer);
        c.awaitStorageStatus(newcomer, StorageStatus.ACTIVE, Duration.ofSeconds(60));
        Map<String, Map<String, FileFacts>> disks = awaitSameFiles(members, Duration.ofSeconds(60));
        Duration took = Duration.between(start, Instant.now());
        System.out.printf("storage4 joined, copied %d files and turned ACTIVE in %d ms%n",
                disks.get(newcomer.name()).size(), took.toMillis());
        assertThat(took).as("time for the newcomer to hold every file").isLessThan(Duration.ofSeconds(60));

        List<StorageStat> listed = client.tracker().listStorages(GROUP);
        assertThat(listed).extracting(StorageStat::ip).containsExactlyInAnyOrder(hosts(members).toArray(String[]::new));
        assertThat(listed).allSatisfy(s -> assertThat(StorageStatus.of(s.status())).as(s.ip()).isEqualTo(StorageStatus.ACTIVE));
        try (FdfsClient direct = pinned(newcomer)) {
            int n = 0;
            for (Map.Entry<String, byte[]> e : expected.entrySet()) {
                if (n++ % 10 == 0) {
                    assertThat(direct.downloadBytes(GROUP + "/" + e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
                }
            }
        }

        // and from now on it is a member like the others: new files reach it and come from it, and a
        // download right after an upload works whichever of the four the tracker names
        List<FileRef> refs = uploadThenDownload(client, 100, 40_000);
        awaitSameFiles(members, CONVERGE);
        System.out.println("storages the tracker named with four members: " + downloadWhereTheTrackerSays(refs));
    }

    @Test
    @Order(6)
    void everyMemberReportsNoReplicationLagAndTheTrackerShowsAllActive() {
        awaitSameFiles(members, CONVERGE);
        awaitNoLag(members, CONVERGE);
        for (ServerProcess s : members) {
            String metrics = s.httpGet("/q/metrics");
            for (ServerProcess peer : members) {
                if (peer != s) {
                    assertThat(gauge(metrics, "fdfs_storage_sync_lag_records", peer.host())).as("%s -> %s", s, peer)
                            .isEqualTo(0.0);
                    assertThat(gauge(metrics, "fdfs_storage_sync_lag_seconds", peer.host())).as("%s -> %s", s, peer)
                            .isEqualTo(0.0);
                }
            }
        }
        Map<String, String> states = clusterStates(CLUSTER.get().tracker().httpGet("/cluster"));
        assertThat(states).hasSize(members.size());
        hosts(members).forEach(h -> assertThat(states).containsEntry(h, "ACTIVE"));
    }

    // ============================================================================= helpers

    static FdfsClient trackerClient() {
        MiniCluster c = CLUSTER.get();
        return new FdfsClient(ClientConfig.builder().trackers(c.trackerAddress()).profile(c.trackerProfile())
                .networkTimeout(Duration.ofSeconds(10)).build());
    }

    /** A client whose every storage call goes to {@code s}, whatever the tracker names. */
    static FdfsClient pinned(ServerProcess s) {
        MiniCluster c = CLUSTER.get();
        return new FdfsClient(ClientConfig.builder().trackers(c.trackerAddress()).profile(c.trackerProfile())
                .networkTimeout(Duration.ofSeconds(10)).activeTestAfter(Duration.ZERO)
                .addressMapper(e -> new Endpoint(s.host(), s.port())).build());
    }

    static void remember(FileRef ref, byte[] data, boolean normal) {
        assertThat(ref.group()).isEqualTo(GROUP);
        expected.put(ref.remoteFilename(), data);
        if (normal) {
            normalFiles.add(ref.remoteFilename());
        }
    }

    static void forget(FileRef ref) {
        expected.remove(ref.remoteFilename());
        normalFiles.remove(ref.remoteFilename());
    }

    static List<String> hosts(List<ServerProcess> list) {
        return list.stream().map(ServerProcess::host).toList();
    }

    /** The path under {@code <base>/data} of a remote name of store path M00. */
    static String disk(String remoteFilename) {
        assertThat(remoteFilename).startsWith("M00/");
        return remoteFilename.substring(4);
    }

    /** The marks that are not at the end of their storage's binlog.000, with what they say. */
    static List<String> marksAtEnd(List<ServerProcess> list) {
        List<String> behind = new ArrayList<>();
        try {
            for (ServerProcess from : list) {
                Path binlog = from.baseDir().resolve("data/sync/binlog.000");
                String want = "binlog_offset=" + Files.size(binlog) + "\n";
                String rows = "scan_row_count=" + lines(binlog) + "\n";
                for (ServerProcess to : list) {
                    if (to != from) {
                        Path mark = from.baseDir().resolve("data/sync/" + to.host() + "_" + from.port() + ".mark");
                        String text = Files.readString(mark);
                        if (!text.contains(want) || !text.contains(rows)) {
                            behind.add(from + " -> " + to + ": want " + want.strip() + ", " + rows.strip() + "; has "
                                    + text.replace('\n', ' '));
                        }
                    }
                }
            }
        } catch (IOException e) {
            behind.add(e.toString());
        }
        return behind;
    }

    static long lines(Path file) throws IOException {
        try (Stream<String> l = Files.lines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return l.count();
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    void assertSameEverywhere(FileRef ref, byte[] data) {
        awaitSameFiles(members, CONVERGE);
        for (ServerProcess s : members) {
            try (FdfsClient direct = pinned(s)) {
                assertThat(direct.downloadBytes(ref.fileId())).as("%s on %s", ref, s).isEqualTo(data);
            }
        }
    }

    void awaitMetadataEverywhere(FileRef ref, Map<String, String> meta) {
        awaitSameFiles(members, CONVERGE);
        for (ServerProcess s : members) {
            try (FdfsClient direct = pinned(s)) {
                assertThat(direct.getMetadata(ref.fileId()).asMap()).as("metadata of %s on %s", ref, s).isEqualTo(meta);
            }
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            MiniCluster.pause(50);
        }
    }

    // ------------------------------------------------------------------ files on disk

    /** A file under a storage's data directory: its size, content digest and mtime in seconds. */
    record FileFacts(long size, String sha256, long mtimeSeconds) {
        boolean sameContent(FileFacts o) {
            return size == o.size && sha256.equals(o.sha256);
        }
    }

    private static final Pattern DATA_FILE = Pattern.compile("[0-9A-F]{2}/[0-9A-F]{2}/[^/]+");

    /** Data files and sidecars under {@code <base>/data/HH/LL/}, by path relative to {@code data}. */
    static Map<String, FileFacts> filesOn(ServerProcess s) {
        Path data = s.baseDir().resolve("data");
        Map<String, FileFacts> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(data)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = data.relativize(p).toString().replace('\\', '/');
                if (!DATA_FILE.matcher(rel).matches()) {
                    continue;
                }
                try {
                    if (!Files.isRegularFile(p)) {
                        continue;
                    }
                    byte[] bytes = Files.readAllBytes(p);
                    long mtime = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().getEpochSecond();
                    files.put(rel, new FileFacts(bytes.length, sha256(bytes), mtime));
                } catch (java.nio.file.NoSuchFileException gone) {
                    // deleted or renamed while walking: the next poll sees the new state
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
                throw e;
            }
            return null; // a directory vanished mid-walk: poll again
        }
        return files;
    }

    /**
     * Polls until every member holds the same data files and sidecars with the same bytes, and those
     * include every {@link #expected} file with its content; then checks that normal files have the
     * same mtime (the source's timestamp) everywhere. Returns each member's files by name.
     */
    static Map<String, Map<String, FileFacts>> awaitSameFiles(List<ServerProcess> list, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, String> expectedDigests = new TreeMap<>();
        expected.forEach((name, data) -> expectedDigests.put(disk(name), sha256(data)));
        while (true) {
            Map<String, Map<String, FileFacts>> disks = new LinkedHashMap<>();
            for (ServerProcess s : list) {
                disks.put(s.name(), filesOn(s));
            }
            String diff = difference(disks, expectedDigests);
            if (diff == null) {
                Map<String, FileFacts> first = disks.values().iterator().next();
                for (String name : normalFiles) {
                    String rel = disk(name);
                    for (Map.Entry<String, Map<String, FileFacts>> d : disks.entrySet()) {
                        assertThat(d.getValue().get(rel).mtimeSeconds()).as("mtime of %s on %s", rel, d.getKey())
                                .isEqualTo(first.get(rel).mtimeSeconds());
                    }
                }
                return disks;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("members differ after " + timeout.toSeconds() + " s: " + diff);
            }
            MiniCluster.pause(200);
        }
    }

    /** Null when the members agree with each other and with {@code expectedDigests}; else a short account. */
    private static String difference(Map<String, Map<String, FileFacts>> disks, Map<String, String> expectedDigests) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Map<String, FileFacts>> d : disks.entrySet()) {
            if (d.getValue() == null) {
                return "a directory vanished while listing " + d.getKey();
            }
        }
        Set<String> all = new TreeSet<>();
        disks.values().forEach(m -> all.addAll(m.keySet()));
        all.addAll(expectedDigests.keySet());
        for (Map.Entry<String, Map<String, FileFacts>> d : disks.entrySet()) {
            List<String> missing = new ArrayList<>();
            List<String> differing = new ArrayList<>();
            for (String name : all) {
                FileFacts f = d.getValue().get(name);
                String want = expectedDigests.get(name);
                if (f == null) {
                    missing.add(name);
                } else if (want != null && !want.equals(f.sha256())) {
                    differing.add(name + "(" + f.size() + " bytes)");
                } else if (want == null) {
                    for (Map<String, FileFacts> other : disks.values()) {
                        FileFacts o = other.get(name);
                        if (o != null && !o.sameContent(f)) {
                            differing.add(name + "(" + f.size() + " bytes)");
                            break;
                        }
                    }
                }
            }
            if (!missing.isEmpty() || !differing.isEmpty()) {
                b.append(String.format("%n  %s: %d files, %d missing %s, %d differing %s", d.getKey(), d.getValue().size(),
                        missing.size(), first(missing), differing.size(), first(differing)));
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    private static List<String> first(List<String> l) {
        return l.subList(0, Math.min(5, l.size()));
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ lag and status over HTTP

    /**
     * The objects of the JSON array {@code "key":[...]} in {@code json}, as text (nested objects kept
     * inside their parent), without a JSON library.
     */
    static List<String> arrayObjects(String json, String key) {
        int at = json.indexOf("\"" + key + "\":[");
        List<String> objects = new ArrayList<>();
        if (at < 0) {
            return objects;
        }
        int depth = 0;
        int start = -1;
        boolean inString = false;
        for (int i = at + key.length() + 4; i < json.length(); i++) {
            char ch = json.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    inString = false;
                }
                continue;
            }
            if (ch == '"') {
                inString = true;
            } else if (ch == '{') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (ch == '}') {
                if (--depth == 0) {
                    objects.add(json.substring(start, i + 1));
                }
            } else if (ch == ']' && depth == 0) {
                break;
            }
        }
        return objects;
    }

    /** A top-level scalar field of a JSON object's text (nested objects are skipped). */
    static String field(String object, String name) {
        String flat = object.substring(1, object.length() - 1);
        for (String before = ""; !before.equals(flat); ) {
            before = flat;
            flat = flat.replaceAll("\\{[^{}]*\\}", "[]");
        }
        Matcher m = Pattern.compile("\"" + name + "\":(\"([^\"]*)\"|[^,}]+)").matcher(flat);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    /** Peer id to [lagRecords, lagSeconds] from a storage's {@code GET /storage}. */
    static Map<String, long[]> peerLag(ServerProcess s) {
        String json = s.httpGet("/storage");
        Map<String, long[]> lag = new TreeMap<>();
        for (String peer : arrayObjects(json, "peers")) {
            lag.put(field(peer, "id"), new long[] {Long.parseLong(field(peer, "lagRecords")),
                    Long.parseLong(field(peer, "lagSeconds"))});
        }
        if (lag.isEmpty()) {
            throw new AssertionError(s + " lists no peers in GET /storage: " + json);
        }
        return lag;
    }

    /** Polls {@code GET /storage} of every member until it lists every other member with no lag. */
    static void awaitNoLag(List<ServerProcess> list, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            StringBuilder lagging = new StringBuilder();
            for (ServerProcess s : list) {
                Map<String, long[]> lag = peerLag(s);
                for (ServerProcess peer : list) {
                    if (peer == s) {
                        continue;
                    }
                    long[] l = lag.get(peer.host());
                    if (l == null || l[0] != 0 || l[1] != 0) {
                        lagging.append(String.format("%n  %s -> %s: %s", s, peer.host(),
                                l == null ? "not listed" : l[0] + " records, " + l[1] + " s"));
                    }
                }
            }
            if (lagging.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("replication lag after " + timeout.toSeconds() + " s:" + lagging);
            }
            MiniCluster.pause(200);
        }
    }

    /** The value of a gauge with {@code peer="<peer>"} in a Prometheus scrape, or fails. */
    static double gauge(String scrape, String name, String peer) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*peer=\"" + Pattern.quote(peer) + "\"[^}]*\\} (\\S+)$")
                .matcher(scrape);
        assertThat(m.find()).as("%s{peer=\"%s\"} in the scrape", name, peer).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** Storage id to status from the tracker's {@code GET /cluster}. */
    static Map<String, String> clusterStates(String json) {
        Map<String, String> states = new TreeMap<>();
        for (String group : arrayObjects(json, "groups")) {
            for (String storage : arrayObjects(group, "storages")) {
                states.put(field(storage, "id"), field(storage, "status"));
            }
        }
        return states;
    }

    /** Uploads in progress ({@code data/HH/LL/.in-*.tmp}) on {@code s}. */
    private static List<Path> tempFiles(ServerProcess s) {
        try (Stream<Path> all = Files.walk(s.baseDir().resolve("data"))) {
            return all.filter(p -> p.getFileName().toString().startsWith(".in-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
