package org.fastdfs.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One tracker or storage JVM of a {@link MiniCluster}: its command line, addresses, base path and
 * log file. The command is fixed at creation, so a restart brings the server back with the same
 * ports and data.
 */
public final class ServerProcess {

    /** What the process runs. */
    public enum Role { TRACKER, STORAGE }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Role role;
    private final String host;
    private final int port;
    private final int httpPort;
    private final Path baseDir;
    private final Path log;
    private final List<String> command;
    private Process process;
    private int starts;

    ServerProcess(String name, Role role, String host, int port, int httpPort, Path baseDir, Path log,
                  List<String> command) {
        this.name = name;
        this.role = role;
        this.host = host;
        this.port = port;
        this.httpPort = httpPort;
        this.baseDir = baseDir;
        this.log = log;
        this.command = List.copyOf(command);
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    /** The address it binds (127.0.0.1 for the tracker, 127.0.0.2, ... for storages). */
    public String host() {
        return host;
    }

    /** Its FastDFS protocol port. */
    public int port() {
        return port;
    }

    /** {@code host:port} of the FastDFS listener. */
    public String address() {
        return host + ":" + port;
    }

    public int httpPort() {
        return httpPort;
    }

    /** Its {@code fdfs.*.base-path}: data/ and (for a storage) the single store path. */
    public Path baseDir() {
        return baseDir;
    }

    /** Its console log (stdout and stderr of every start, appended). */
    public Path log() {
        return log;
    }

    public List<String> command() {
        return command;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The OS process id, or -1 when it never started. */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Starts the JVM (again), appending its output to {@link #log()}. */
    synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "---- " + Instant.now() + " start #" + (++starts) + ": " + String.join(" ", command)
                    + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the FastDFS port accepts connections and {@code /q/health/ready} answers 200 (for
     * a storage: listening and joined to its tracker). Fails at once, with the log tail, when the
     * process exits.
     */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "not polled yet";
        while (true) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited with status " + exitStatus() + " before it was ready\n"
                        + tail(40));
            }
            if (!portOpen()) {
                last = "port " + address() + " closed";
            } else {
                last = readiness();
                if (last == null) {
                    return;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s (" + last + ")\n"
                        + tail(40));
            }
            MiniCluster.pause(100);
        }
    }

    /** True when a TCP connection to the FastDFS port succeeds. */
    public boolean portOpen() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Null when {@code /q/health/ready} answers 200, else what it answered. */
    private String readiness() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + httpPort
                    + "/q/health/ready")).timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? null : "health " + r.statusCode() + ": " + r.body().replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "health: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** GET {@code path} on its HTTP port; the body of a 200 answer, else an IllegalStateException. */
    public String httpGet(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + httpPort + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(name + " answered GET " + path + " with " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": GET " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** SIGKILL, then waits for the exit. */
    synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitExit(Duration.ofSeconds(10));
        }
    }

    /** Asks the process to stop (SIGTERM); it is not waited for: see {@link #awaitStopped}. */
    synchronized void requestStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** Waits up to {@code grace} for the exit, then SIGKILLs. */
    synchronized void awaitStopped(Duration grace) {
        if (process != null && !waitExit(grace)) {
            kill();
        }
    }

    private boolean waitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** The exit status, or "running"/"never started". */
    public String exitStatus() {
        if (process == null) {
            return "never started";
        }
        return process.isAlive() ? "running" : String.valueOf(process.exitValue());
    }

    /** The last {@code lines} lines of the log, headed by the process name. */
    public String tail(int lines) {
        List<String> all;
        try {
            all = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return "==== " + name + ": cannot read " + log + ": " + e;
        }
        List<String> out = new ArrayList<>();
        out.add("==== " + name + " (" + address() + ", pid " + pid() + ", " + exitStatus() + ") last "
                + Math.min(lines, all.size()) + " lines of " + log);
        out.addAll(all.subList(Math.max(0, all.size() - lines), all.size()));
        return String.join(System.lineSeparator(), out);
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    @Override
    public String toString() {
        return name + "@" + address();
    }
}
