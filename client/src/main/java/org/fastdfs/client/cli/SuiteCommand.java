package org.fastdfs.client.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fastdfs.client.FdfsClient;
import org.fastdfs.client.bench.Json;
import org.fastdfs.client.bench.Suite;
import org.fastdfs.client.bench.SuiteResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code fdfs bench suite}: the ceilings and the standard scenarios, as {@code bench/run} records them. */
@Command(name = "suite", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the machine's ceilings and the standard scenarios, and print a markdown report.",
                "  ceilings: loopback sendfile of a 64 MiB file; create+write+rename of 4 KiB files in --data-dir",
                "  upload 4KiB x 20,000, download 4KiB x 20,000, delete 4KiB x 20,000,",
                "  upload and download 1MiB x 200, upload and download 64MiB x 20.",
                "Works against any cluster (--tracker); bench/run starts a fresh local one around it."})
final class SuiteCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--quick", description = "A tenth of the operations: a smoke test, not a measurement.")
    boolean quick;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", defaultValue = "8",
            description = "Connections of every scenario, threads of the files ceiling (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--pid", paramLabel = "NAME=PID",
            description = "A local server process whose RSS and CPU time to record per scenario; repeatable.")
    Map<String, Long> pids = new LinkedHashMap<>();

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the ceilings write: the storage's data directory (default: the temp directory).")
    Path dataDir;

    @Option(names = "--label", paramLabel = "TEXT", description = "A note printed with the results.")
    String label = "";

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results as JSON here.")
    Path json;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write the markdown report here.")
    Path markdown;

    @Override
    public Integer call() {
        if (connections < 1 || connections > 1024) {
            throw bench.usage("--connections must be 1..1024");
        }
        Fdfs fdfs = bench.fdfs;
        Suite.Config config = new Suite.Config(connections, BenchCommand.watched(pids),
                dataDir == null ? CeilingCommand.defaultDir() : dataDir, label);
        SuiteResult result;
        try (FdfsClient client = bench.client(connections)) {
            result = Suite.run(client, quick ? Suite.Plan.smoke() : Suite.Plan.standard(), config, fdfs.benchProgress());
        }
        String md = result.toMarkdown();
        fdfs.out().println();
        fdfs.out().print(md);
        fdfs.out().flush();
        if (json != null) {
            BenchCommand.write(json, Json.write(result.toJson()) + "\n");
        }
        if (markdown != null) {
            BenchCommand.write(markdown, md);
        }
        return result.failed() ? Fdfs.EXIT_FASTDFS_ERROR : Fdfs.EXIT_OK;
    }
}
