package org.fastdfs.client.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fastdfs.client.bench.CeilingResult;
import org.fastdfs.client.bench.Ceilings;
import org.fastdfs.client.bench.Json;
import org.fastdfs.client.bench.Sizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fdfs bench ceiling sendfile|files}: what this machine can do without FastDFS. */
@Command(name = "ceiling", mixinStandardHelpOptions = true,
        description = "Measure a ceiling of this machine, without FastDFS, to compare scenarios with.",
        subcommands = {CeilingCommand.Sendfile.class, CeilingCommand.Files.class})
final class CeilingCommand implements Runnable {

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing ceiling: sendfile or files");
    }

    static Path defaultDir() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    static int report(Fdfs fdfs, CeilingResult r, Path json) {
        fdfs.out().printf(Locale.ROOT, "%s: best %,.1f %s, median %,.1f %s (%s)%n", r.name(), r.best(), r.unit(),
                r.median(), r.unit(), r.description());
        fdfs.out().flush();
        if (json != null) {
            BenchCommand.write(json, Json.write(r.toJson()) + "\n");
        }
        return Fdfs.EXIT_OK;
    }

    /** {@code fdfs bench ceiling sendfile}. */
    @Command(name = "sendfile", mixinStandardHelpOptions = true,
            description = "Send a file over a loopback TCP connection with sendfile (FileChannel.transferTo) to a "
                    + "reader that discards it; prints MiB/s.")
    static final class Sendfile implements Callable<Integer> {

        @ParentCommand
        CeilingCommand ceiling;

        @Option(names = {"-s", "--size"}, paramLabel = "SIZE", defaultValue = "64MiB",
                description = "File size (default: ${DEFAULT-VALUE}).")
        String size;

        @Option(names = "--repeat", paramLabel = "N", defaultValue = "5", description = "Transfers (default: ${DEFAULT-VALUE}).")
        int repeat;

        @Option(names = "--dir", paramLabel = "DIR", description = "Where the file is written (default: the temp directory).")
        Path dir;

        @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON here.")
        Path json;

        @Override
        public Integer call() {
            BenchCommand b = ceiling.bench;
            long bytes = b.parse(() -> Sizes.parse(size), "--size");
            if (repeat < 1) {
                throw b.usage("--repeat must be at least 1");
            }
            try {
                return report(b.fdfs, Ceilings.sendfile(dir == null ? defaultDir() : dir, bytes, repeat,
                        b.fdfs.benchProgress()), json);
            } catch (IOException e) {
                throw new UncheckedIOException("sendfile ceiling: " + e.getMessage(), e);
            }
        }
    }

    /** {@code fdfs bench ceiling files}. */
    @Command(name = "files", mixinStandardHelpOptions = true,
            description = "Create, write and rename small files in a directory with several threads (as a storage "
                    + "stores uploads); prints files/s. Use a directory on the storage's data file system.")
    static final class Files implements Callable<Integer> {

        @ParentCommand
        CeilingCommand ceiling;

        @Option(names = "--dir", paramLabel = "DIR", description = "Directory to work in (default: the temp directory).")
        Path dir;

        @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "20000",
                description = "Files (default: ${DEFAULT-VALUE}).")
        int count;

        @Option(names = "--threads", paramLabel = "N", defaultValue = "8", description = "Threads (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = {"-s", "--size"}, paramLabel = "SIZE", defaultValue = "4KiB",
                description = "File size (default: ${DEFAULT-VALUE}).")
        String size;

        @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON here.")
        Path json;

        @Override
        public Integer call() {
            BenchCommand b = ceiling.bench;
            long bytes = b.parse(() -> Sizes.parse(size), "--size");
            if (count < 1 || threads < 1 || bytes > 1 << 30) {
                throw b.usage("--count and --threads must be at least 1, --size at most 1GiB");
            }
            try {
                return report(b.fdfs, Ceilings.files(dir == null ? defaultDir() : dir, count, threads, (int) bytes,
                        b.fdfs.benchProgress()), json);
            } catch (IOException e) {
                throw new UncheckedIOException("files ceiling: " + e.getMessage(), e);
            }
        }
    }
}
