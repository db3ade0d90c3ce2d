package org.fastdfs.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.cluster.StorageStatus;
import org.fastdfs.proto.tracker.ListStoragesRequest;
import org.fastdfs.proto.tracker.StorageStat;
import org.fastdfs.proto.tracker.StorageStatList;

/**
 * A FastDFS cluster of real processes for system tests: one tracker and the storages of one group,
 * each a {@code java -jar quarkus-run.jar} started from the packaged apps, configured with
 * {@code -D} flags as the {@code cluster} script does.
 *
 * <ul>
 *   <li>Addresses: the tracker binds 127.0.0.1, storage i (1-based) binds 127.0.0.(i+1), as FastDFS
 *       tells storages apart by IP. Every port is a free ephemeral one; the storages of the group
 *       share theirs (FastDFS requires one storage port per group).</li>
 *   <li>Files: under {@code target/it-cluster/<name>-<time>/}: one base path per server and its
 *       {@code console.log}. They are kept after the run for post-mortems.</li>
 *   <li>Speed: heart beats and disk reports every second, 4 sub-directories per level.</li>
 *   <li>{@link Builder#start} starts the servers one after the other and waits for each one's port and
 *       {@code /q/health/ready} (a storage is ready once it has joined the tracker) and, for a storage,
 *       until the tracker lists it; then until the first storage is ACTIVE.</li>
 *   <li>{@link #close} stops every process (SIGTERM, then SIGKILL after a grace period); a JVM
 *       shutdown hook SIGKILLs whatever is left if the test JVM exits early.</li>
 * </ul>
 */
public final class MiniCluster implements AutoCloseable {

    /** Default time for a server to become ready. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private final String name;
    private final Path workDir;
    private final String trackerProtocol;
    private final String storageProtocol;
    private final String group;
    private final ServerProcess tracker;
    private final List<ServerProcess> storages;
    private final int deferred;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private MiniCluster(Builder b) {
        this.name = b.name;
        this.trackerProtocol = b.trackerProtocol;
        this.storageProtocol = b.storageProtocol;
        this.group = b.group;
        this.deferred = b.deferred;
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss-SSS"));
        this.workDir = workRoot().resolve(b.name + "-" + stamp + "-" + SEQ.incrementAndGet()).toAbsolutePath();
        Path javaBin = javaBinary();
        Path trackerJar = appJar("tracker");
        Path storageJar = appJar("storage");

        String trackerHost = "127.0.0.1";
        int trackerPort = freePort(trackerHost);
        int trackerHttp = freePort(trackerHost);
        Path tBase = workDir.resolve("tracker");
        Map<String, String> tProps = new LinkedHashMap<>();
        tProps.put("fdfs.tracker.bind-addr", trackerHost);
        tProps.put("fdfs.tracker.port", String.valueOf(trackerPort));
        tProps.put("fdfs.tracker.base-path", tBase.toString());
        tProps.put("fdfs.tracker.protocol", trackerProtocol);
        tProps.put("quarkus.http.host", trackerHost);
        tProps.put("quarkus.http.port", String.valueOf(trackerHttp));
        tProps.putAll(b.trackerProps);
        this.tracker = new ServerProcess("tracker", ServerProcess.Role.TRACKER, trackerHost, trackerPort, trackerHttp,
                tBase, tBase.resolve("console.log"), command(javaBin, trackerJar, tProps));

        List<ServerProcess> list = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (int i = 1; i <= b.storages; i++) {
            hosts.add("127.0.0." + (i + 1));
        }
        // A group's storages share one port (the tracker refuses a member with another one, as
        // FastDFS does) and differ by address; the HTTP port is shared too, as in a real group.
        int port = hosts.isEmpty() ? 0 : freePort(hosts);
        int http = hosts.isEmpty() ? 0 : freePort(hosts);
        for (int i = 1; i <= b.storages; i++) {
            String host = hosts.get(i - 1);
            String sName = "storage" + i;
            Path base = workDir.resolve(sName);
            Map<String, String> p = new LinkedHashMap<>();
            p.put("fdfs.storage.group-name", group);
            p.put("fdfs.storage.bind-addr", host);
            p.put("fdfs.storage.port", String.valueOf(port));
            p.put("fdfs.storage.base-path", base.toString());
            if (b.storePaths > 1) {
                List<String> paths = new ArrayList<>();
                for (int k = 0; k < b.storePaths; k++) {
                    paths.add(base.resolve("store" + k).toString());
                }
                p.put("fdfs.storage.store-paths", String.join(",", paths));
            }
            p.put("fdfs.storage.tracker-servers", trackerHost + ":" + trackerPort);
            p.put("fdfs.storage.protocol", storageProtocol);
            p.put("fdfs.storage.heart-beat-interval-seconds", "1");
            p.put("fdfs.storage.stat-report-interval-seconds", "1");
            p.put("fdfs.storage.subdir-count-per-path", "4");
            p.put("quarkus.http.host", host);
            p.put("quarkus.http.port", String.valueOf(http));
            p.putAll(b.storageProps);
            list.add(new ServerProcess(sName, ServerProcess.Role.STORAGE, host, port, http, base,
                    base.resolve("console.log"), command(javaBin, storageJar, p)));
        }
        this.storages = List.copyOf(list);
        this.shutdownHook = new Thread(this::killAll, "mini-cluster-" + name + "-reaper");
    }

    /** A builder for a cluster called {@code name} (used in directory names). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    // ------------------------------------------------------------------ start and stop

    private MiniCluster startAll(Duration timeout) {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            Files.createDirectories(workDir);
            tracker.start();
            tracker.awaitReady(timeout);
            // One after the other: the first storage joins an empty group and becomes ACTIVE, the
            // next ones join a group that has a member (and so wait for a sync source).
            for (ServerProcess s : storages.subList(0, storages.size() - deferred)) {
                s.start();
                s.awaitReady(timeout);
                awaitListed(s, timeout);
            }
            if (!storages.isEmpty()) {
                awaitStorageStatus(storages.get(0), StorageStatus.ACTIVE, timeout);
            }
            return this;
        } catch (IOException | RuntimeException | Error e) {
            String tails = logTails(40);
            close();
            throw new IllegalStateException("mini cluster " + name + " did not start: " + e.getMessage()
                    + "\nlogs under " + workDir + "\n" + tails, e);
        }
    }

    /** SIGKILLs {@code server} (no shutdown hooks run in it) and waits for it to exit. */
    public void kill(ServerProcess server) {
        server.kill();
    }

    /**
     * Starts a storage that {@link Builder#deferStorages} kept back (or one that was stopped), and
     * waits until it is ready (joined) and the tracker lists it.
     */
    public void startStorage(ServerProcess storage) {
        storage.start();
        storage.awaitReady(START_TIMEOUT);
        awaitListed(storage, START_TIMEOUT);
    }

    /** Stops {@code server} with SIGTERM (SIGKILL after 10 s). */
    public void stop(ServerProcess server) {
        server.requestStop();
        server.awaitStopped(Duration.ofSeconds(10));
    }

    /**
     * Starts {@code server} again with the same ports, config and data (killing it first if it
     * still runs) and waits until it is ready. For a storage, ready means joined to the tracker;
     * use {@link #awaitStorageStatus} to wait for ACTIVE.
     */
    public void restart(ServerProcess server) {
        server.kill();
        server.start();
        server.awaitReady(START_TIMEOUT);
    }

    /** Stops every process (SIGTERM, SIGKILL after 5 s). Safe to call more than once. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ServerProcess> all = new ArrayList<>(storages);
        all.add(tracker);
        all.forEach(ServerProcess::requestStop);
        all.forEach(s -> s.awaitStopped(Duration.ofSeconds(5)));
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // already shutting down, or the hook was never added
        }
    }

    private void killAll() {
        storages.forEach(ServerProcess::kill);
        tracker.kill();
    }

    // ------------------------------------------------------------------ accessors

    public String name() {
        return name;
    }

    /** Where the servers' base paths and logs are. */
    public Path workDir() {
        return workDir;
    }

    public ServerProcess tracker() {
        return tracker;
    }

    /** {@code 127.0.0.1:port} of the tracker, as clients configure it. */
    public String trackerAddress() {
        return tracker.address();
    }

    public List<ServerProcess> storages() {
        return storages;
    }

    /** Storage {@code i}, 1-based (storage1 binds 127.0.0.2). */
    public ServerProcess storage(int i) {
        return storages.get(i - 1);
    }

    public String group() {
        return group;
    }

    /** The tracker's wire profile. */
    public WireProfile trackerProfile() {
        return profile(trackerProtocol);
    }

    /** The storages' wire profile. */
    public WireProfile storageProfile() {
        return profile(storageProtocol);
    }

    // ------------------------------------------------------------------ tracker view

    /** The tracker's current list of this group's storages (SERVER_LIST_STORAGE over a raw socket). */
    public List<StorageStat> listStorages() {
        try (RawConnection c = new RawConnection(tracker, trackerProfile())) {
            RawConnection.Reply r = c.call(new ListStoragesRequest(group, ""));
            if (r.status() != 0) {
                throw new IllegalStateException("list storages of " + group + " answered status " + r.status());
            }
            return StorageStatList.decode(r.buffer(), trackerProfile()).storages();
        }
    }

    /** The status the tracker reports for {@code storage}, if it knows it. */
    public Optional<StorageStatus> statusOf(ServerProcess storage) {
        return listStorages().stream().filter(s -> s.ip().equals(storage.host())).findFirst()
                .map(s -> StorageStatus.of(s.status()));
    }

    /** Polls the tracker until it lists {@code storage}, in any status (its join was accepted). */
    public void awaitListed(ServerProcess storage, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                if (statusOf(storage).isPresent()) {
                    return;
                }
            } catch (RuntimeException e) {
                // group not known yet: keep polling
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the tracker does not list " + storage + " after " + timeout.toSeconds()
                        + " s, although its health says it joined\n" + storage.tail(20));
            }
            if (!storage.isAlive()) {
                throw new IllegalStateException(storage + " exited (" + storage.exitStatus() + ")\n" + storage.tail(40));
            }
            pause(100);
        }
    }

    /** Polls the tracker until it reports {@code storage} in {@code status}. */
    public void awaitStorageStatus(ServerProcess storage, StorageStatus status, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String seen = "nothing";
        while (true) {
            try {
                seen = statusOf(storage).map(Enum::name).orElse("not listed");
                if (seen.equals(status.name())) {
                    return;
                }
            } catch (RuntimeException e) {
                seen = e.toString();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("tracker does not see " + storage + " " + status + " after "
                        + timeout.toSeconds() + " s; last seen: " + seen);
            }
            if (!tracker.isAlive()) {
                throw new IllegalStateException("tracker exited (" + tracker.exitStatus() + ")");
            }
            pause(100);
        }
    }

    // ------------------------------------------------------------------ logs

    /** The tails of every process log (tracker first), for failure reports. */
    public String logTails(int lines) {
        List<ServerProcess> all = new ArrayList<>();
        all.add(tracker);
        all.addAll(storages);
        return all.stream().map(s -> s.tail(lines)).collect(Collectors.joining(System.lineSeparator()));
    }

    // ------------------------------------------------------------------ helpers

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static WireProfile profile(String protocol) {
        return switch (protocol) {
            case "classic" -> WireProfile.CLASSIC;
            case "current" -> WireProfile.CURRENT;
            case "current-ipv6" -> WireProfile.CURRENT_IPV6;
            default -> throw new IllegalArgumentException("unknown protocol " + protocol);
        };
    }

    private static List<String> command(Path java, Path jar, Map<String, String> props) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        // Small, quick-starting JVMs: these servers live for seconds.
        cmd.add("-Xms32m");
        cmd.add("-Xmx256m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:-UsePerfData");
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar.toString());
        return cmd;
    }

    /** A port that is free on {@code host} right now and was not handed out before in this JVM. */
    static int freePort(String host) {
        return freePort(List.of(host));
    }

    /** A port free on every one of {@code hosts} right now, not handed out before in this JVM. */
    static int freePort(List<String> hosts) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = bindAndRelease(hosts.get(0), 0);
            boolean all = true;
            for (String h : hosts.subList(1, hosts.size())) {
                all &= bindAndRelease(h, port) == port;
            }
            if (all && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no port free on all of " + hosts);
    }

    /** Binds {@code port} (0: any) on {@code host} and releases it; -1 when it is taken. */
    private static int bindAndRelease(String host, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return s.getLocalPort();
        } catch (java.net.BindException e) {
            if (port != 0) {
                return -1;
            }
            throw new UncheckedIOException("cannot bind on " + host + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host + " (is the loopback range routed?): "
                    + e.getMessage(), e);
        }
    }

    /**
     * The JDK running the tests (under {@code ./mvnw} that is {@code $JAVA_HOME}, the JDK 21+ that
     * mvnw picked); {@code $JAVA_HOME} only when the running one has no {@code bin/java}.
     */
    private static Path javaBinary() {
        Path self = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(self)) {
            return self;
        }
        String home = System.getenv("JAVA_HOME");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "java"))) {
            return Path.of(home, "bin", "java");
        }
        throw new IllegalStateException("no java binary in " + self.getParent() + " nor in $JAVA_HOME");
    }

    private static Path workRoot() {
        return Path.of(System.getProperty("fdfs.it.work-dir", "target/it-cluster"));
    }

    /** {@code <app>/target/quarkus-app/quarkus-run.jar}, from the surefire setting or the source tree. */
    private static Path appJar(String app) {
        String configured = System.getProperty("fdfs.it." + app + "-jar");
        Path jar = configured != null ? Path.of(configured)
                : Path.of("..", app, "target", "quarkus-app", "quarkus-run.jar");
        jar = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: package the apps first "
                    + "(./mvnw verify runs package before these tests; or ./mvnw -DskipTests package)");
        }
        return jar;
    }

    /** Settings of a {@link MiniCluster}. */
    public static final class Builder {
        private final String name;
        private int storages = 1;
        private int storePaths = 1;
        private int deferred;
        private String group = "group1";
        private String trackerProtocol = "classic";
        private String storageProtocol = "classic";
        private final Map<String, String> trackerProps = new LinkedHashMap<>();
        private final Map<String, String> storageProps = new LinkedHashMap<>();
        private Duration startTimeout = START_TIMEOUT;

        private Builder(String name) {
            if (!name.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("cluster name '" + name + "' must be [A-Za-z0-9._-]+");
            }
            this.name = name;
        }

        /** Number of storages in the group (default 1). */
        public Builder storages(int n) {
            if (n < 0 || n > 200) {
                throw new IllegalArgumentException("storages: " + n);
            }
            storages = n;
            return this;
        }

        /**
         * The last {@code n} storages are configured (addresses, ports, base paths) but not started
         * by {@link #start()}: a test adds them later with {@link MiniCluster#startStorage}.
         */
        public Builder deferStorages(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("deferred storages: " + n);
            }
            deferred = n;
            return this;
        }

        /** Store paths per storage (default 1: the base path itself, M00). */
        public Builder storePaths(int n) {
            if (n < 1 || n > 256) {
                throw new IllegalArgumentException("store paths: " + n);
            }
            storePaths = n;
            return this;
        }

        public Builder group(String g) {
            group = g;
            return this;
        }

        /** Wire profile of tracker and storages: classic, current or current-ipv6. */
        public Builder protocol(String protocol) {
            profile(protocol);
            trackerProtocol = protocol;
            storageProtocol = protocol;
            return this;
        }

        /** An extra {@code -D} setting for the tracker (overrides the harness's). */
        public Builder trackerProperty(String key, String value) {
            trackerProps.put(key, value);
            return this;
        }

        /** An extra {@code -D} setting for every storage (overrides the harness's). */
        public Builder storageProperty(String key, String value) {
            storageProps.put(key, value);
            return this;
        }

        public Builder startTimeout(Duration d) {
            startTimeout = d;
            return this;
        }

        /**
         * Starts the processes and waits until they are ready and the first storage is ACTIVE.
         * On failure everything started is stopped again and the exception carries the log tails.
         */
        public MiniCluster start() {
            if (deferred > storages) {
                throw new IllegalArgumentException("cannot defer " + deferred + " of " + storages + " storages");
            }
            return new MiniCluster(this).startAll(startTimeout);
        }
    }
}
