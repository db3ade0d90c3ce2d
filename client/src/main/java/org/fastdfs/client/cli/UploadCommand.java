package org.fastdfs.client.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fastdfs.client.Content;
import org.fastdfs.client.FdfsClient;
import org.fastdfs.client.FileRef;
import org.fastdfs.client.UploadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fdfs upload FILE}: prints the new file id. */
@Command(name = "upload", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Upload a local file and print its file id.")
final class UploadCommand implements Callable<Integer> {

    @ParentCommand
    Fdfs fdfs;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The local file.")
    Path file;

    @Option(names = {"-g", "--group"}, paramLabel = "GROUP", description = "Store in this group (default: the tracker chooses).")
    String group = "";

    @Option(names = "--ext", paramLabel = "EXT", description = "Extension to store (default: the file's own, cut to 6 characters).")
    String extension;

    @Option(names = "--appender", description = "Store an appender file (can be appended to later).")
    boolean appender;

    @Option(names = {"-m", "--meta"}, paramLabel = "NAME=VALUE", description = "Metadata to set; repeatable.")
    Map<String, String> metadata = new LinkedHashMap<>();

    @Option(names = "--master", paramLabel = "FILE_ID",
            description = "Upload a slave file of this master file (needs --prefix).")
    String master;

    @Option(names = "--prefix", paramLabel = "PREFIX", description = "Slave name prefix, e.g. _150x150.")
    String prefix;

    @Override
    public Integer call() {
        if ((master == null) != (prefix == null)) {
            throw new ParameterException(spec.commandLine(), "--master and --prefix go together");
        }
        if (master != null && appender) {
            throw new ParameterException(spec.commandLine(), "a slave file cannot be an appender file");
        }
        Content content = Content.of(file);
        UploadOptions options = UploadOptions.DEFAULT.group(group).extension(extension).appender(appender)
                .metadata(metadata).progress(fdfs.progress("upload " + file.getFileName()));
        FdfsClient client = fdfs.client();
        FileRef ref = master != null ? client.uploadSlave(master, prefix, content, options) : client.upload(content, options);
        fdfs.out().println(ref.fileId());
        return Fdfs.EXIT_OK;
    }
}
