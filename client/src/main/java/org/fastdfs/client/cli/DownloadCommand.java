package org.fastdfs.client.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fastdfs.client.FileRef;
import org.fastdfs.client.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fdfs download FILE_ID [DEST]}. */
@Command(name = "download", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Download a file, whole or a range, or resume a broken download.")
final class DownloadCommand implements Callable<Integer> {

    @ParentCommand
    Fdfs fdfs;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE_ID", description = "The file id, e.g. group1/M00/00/00/xxx.jpg.")
    String fileId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DEST",
            description = "Local file, or - for stdout (default: the remote file's name in the current directory).")
    String dest;

    @Option(names = "--offset", paramLabel = "N", description = "First byte to download (default: 0).")
    long offset;

    @Option(names = "--length", paramLabel = "N", description = "Number of bytes (default: 0 = to the end).")
    long length;

    @Option(names = {"-c", "--resume"}, description = "Continue into an existing partial DEST (offset = its size).")
    boolean resume;

    @Override
    public Integer call() throws Exception {
        if (offset < 0 || length < 0) {
            throw new ParameterException(spec.commandLine(), "--offset and --length cannot be negative");
        }
        FileRef ref = FileRef.parse(fileId);
        boolean toStdout = "-".equals(dest);
        if (resume && (toStdout || offset != 0 || length != 0)) {
            throw new ParameterException(spec.commandLine(), "--resume needs a local DEST and no --offset or --length");
        }
        if (toStdout) {
            OutputStream out = fdfs.binaryOut();
            fdfs.client().download(fileId, out, offset, length, ProgressListener.NONE);
            out.flush();
            return Fdfs.EXIT_OK;
        }
        Path target = dest == null ? Path.of(ref.baseName()) : Path.of(dest);
        if (Files.isDirectory(target)) {
            target = target.resolve(ref.baseName());
        }
        ProgressListener progress = fdfs.progress("download " + target.getFileName());
        if (resume) {
            fdfs.client().resumeDownload(fileId, target, progress);
        } else {
            fdfs.client().download(fileId, target, offset, length, progress);
        }
        return Fdfs.EXIT_OK;
    }
}
