package org.fastdfs.client.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fastdfs.client.ClientConfig;
import org.fastdfs.client.Endpoint;
import org.fastdfs.client.FdfsClient;
import org.fastdfs.client.FdfsException;
import org.fastdfs.client.FdfsNetworkException;
import org.fastdfs.client.ProgressListener;
import org.fastdfs.proto.WireProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code fdfs} command-line client. Exit codes: 0 success, 1 FastDFS error (the server's status
 * is printed) or local file error, 2 usage error, 3 network error (no tracker or storage reachable,
 * timeout).
 */
@Command(name = "fdfs", mixinStandardHelpOptions = true, versionProvider = Fdfs.Version.class,
        usageHelpAutoWidth = true, sortOptions = false,
        description = "FastDFS command-line client: upload, download and manage files, monitor the cluster.",
        footer = {"", "Trackers come from --tracker, else from the FDFS_TRACKERS environment variable "
                + "(comma-separated), else 127.0.0.1:22122.",
                "Exit codes: 0 ok, 1 FastDFS or local file error, 2 usage error, 3 network error."},
        subcommands = {UploadCommand.class, DownloadCommand.class, DeleteCommand.class, InfoCommand.class,
                MetaCommand.class, AppendCommand.class, MonitorCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Fdfs implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FASTDFS_ERROR = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_NETWORK = 3;

    /** Transfers at least this large get a progress bar (on a terminal). */
    static final long PROGRESS_THRESHOLD = 4L * 1024 * 1024;
    static final String DEFAULT_TRACKER = "127.0.0.1:22122";

    @Spec
    CommandSpec spec;

    @Option(names = {"-t", "--tracker"}, paramLabel = "HOST:PORT", split = ",",
            description = "Tracker address; repeat or separate with commas for several (default: $FDFS_TRACKERS or "
                    + DEFAULT_TRACKER + ").")
    List<String> trackers = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "classic",
            description = "Wire profile of the servers: classic (FastDFS <= 6.10), current (6.13.1+) or current-ipv6 "
                    + "(default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--connect-timeout", paramLabel = "TIME", defaultValue = "5s",
            description = "TCP connect timeout, e.g. 500ms, 5s, 1m (default: ${DEFAULT-VALUE}).")
    String connectTimeout;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "30s",
            description = "Network timeout: longest wait for the server inside an exchange (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--no-progress", description = "Never show a progress bar.")
    boolean noProgress;

    private final Map<String, String> env;
    private final boolean terminal;
    private final ZoneId zone;
    private OutputStream binaryOut = System.out;
    private FdfsClient client;

    /** The CLI as run from a shell. */
    public Fdfs() {
        this(System.getenv(), System.console() != null, ZoneId.systemDefault());
    }

    /**
     * @param env      environment (FDFS_TRACKERS)
     * @param terminal whether stderr is a terminal: progress bars are shown only then
     * @param zone     time zone of printed times
     */
    public Fdfs(Map<String, String> env, boolean terminal, ZoneId zone) {
        this.env = env;
        this.terminal = terminal;
        this.zone = zone;
    }

    public static void main(String[] args) {
        Fdfs fdfs = new Fdfs();
        int code = commandLine(fdfs).execute(args);
        System.out.flush();
        System.exit(code);
    }

    /** A configured command line for {@code fdfs}: exit codes, error messages, client closing. */
    public static CommandLine commandLine(Fdfs fdfs) {
        CommandLine cl = new CommandLine(fdfs);
        cl.setExecutionStrategy(parseResult -> {
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                fdfs.closeClient();
            }
        });
        cl.setParameterExceptionHandler(Fdfs::usageError);
        cl.setExecutionExceptionHandler((e, line, parseResult) -> failure(e, line));
        return cl;
    }

    /** Where binary output ({@code download ... -}) goes; stdout by default. */
    public Fdfs binaryOut(OutputStream out) {
        this.binaryOut = out;
        return this;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    // --------------------------------------------------------------- for commands

    /** The client for this run, created on first use. */
    FdfsClient client() {
        if (client == null) {
            client = new FdfsClient(config());
        }
        return client;
    }

    ClientConfig config() {
        ClientConfig.Builder b = ClientConfig.builder();
        for (String t : trackerList()) {
            b.tracker(parse(() -> Endpoint.parse(t, ClientConfig.DEFAULT_TRACKER_PORT), "--tracker"));
        }
        return b.profile(parse(() -> WireProfile.parse(profile), "--profile"))
                .connectTimeout(duration(connectTimeout, "--connect-timeout"))
                .networkTimeout(duration(timeout, "--timeout"))
                .build();
    }

    private List<String> trackerList() {
        List<String> list = new ArrayList<>();
        trackers.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(list::add);
        if (list.isEmpty()) {
            String fromEnv = env.getOrDefault("FDFS_TRACKERS", "");
            for (String s : fromEnv.split("[,\\s]+")) {
                if (!s.isBlank()) {
                    list.add(s.trim());
                }
            }
        }
        if (list.isEmpty()) {
            list.add(DEFAULT_TRACKER);
        }
        return list;
    }

    void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    OutputStream binaryOut() {
        return binaryOut;
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * Progress lines of {@code fdfs bench} on stderr: redrawn in place on a terminal, a plain line every
     * five seconds otherwise, none with --no-progress.
     */
    org.fastdfs.client.bench.Progress benchProgress() {
        return noProgress ? org.fastdfs.client.bench.Progress.NONE
                : org.fastdfs.client.bench.Progress.to(err(), terminal, 5000);
    }

    /** A progress bar on stderr for transfers of at least a few MB when stderr is a terminal. */
    ProgressListener progress(String label) {
        if (!terminal || noProgress) {
            return ProgressListener.NONE;
        }
        return new ProgressBar(err(), label, PROGRESS_THRESHOLD);
    }

    private <T> T parse(java.util.function.Supplier<T> parser, String option) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid " + option + ": " + e.getMessage());
        }
    }

    Duration duration(String text, String option) {
        return parse(() -> Durations.parse(text), option);
    }

    // ------------------------------------------------------------------ errors

    private static int usageError(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println("fdfs: " + e.getMessage());
        err.println("Run '" + line.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return EXIT_USAGE;
    }

    private static int failure(Exception e, CommandLine line) {
        PrintWriter err = line.getErr();
        int code;
        if (e instanceof ParameterException p) {
            return usageError(p, new String[0]);
        } else if (e instanceof FdfsNetworkException) {
            err.println("fdfs: network error: " + e.getMessage());
            code = EXIT_NETWORK;
        } else if (e instanceof FdfsException) {
            err.println("fdfs: " + e.getMessage());
            code = EXIT_FASTDFS_ERROR;
        } else if (e instanceof UncheckedIOException) {
            err.println("fdfs: " + e.getMessage());
            code = EXIT_FASTDFS_ERROR;
        } else if (e instanceof IllegalArgumentException) {
            err.println("fdfs: invalid argument: " + e.getMessage());
            code = EXIT_USAGE;
        } else {
            err.println("fdfs: internal error: " + e);
            e.printStackTrace(new PrintStream(System.err));
            code = EXIT_FASTDFS_ERROR;
        }
        err.flush();
        return code;
    }

    /** The version line of {@code fdfs --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Fdfs.class.getPackage().getImplementationVersion();
            return new String[] {"fdfs " + (v == null ? "0.1.0" : v)
                    + " (FastDFS Java client; profiles classic, current, current-ipv6)"};
        }
    }
}
