package org.fastdfs.client.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fastdfs.client.Content;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code fdfs append FILE_ID FILE}. */
@Command(name = "append", mixinStandardHelpOptions = true,
        description = "Append a local file to an appender file (uploaded with 'upload --appender').")
final class AppendCommand implements Callable<Integer> {

    @ParentCommand
    Fdfs fdfs;

    @Parameters(index = "0", paramLabel = "FILE_ID", description = "The appender file id.")
    String fileId;

    @Parameters(index = "1", paramLabel = "FILE", description = "The local file whose bytes are appended.")
    Path file;

    @Override
    public Integer call() {
        fdfs.client().append(fileId, Content.of(file), fdfs.progress("append " + file.getFileName()));
        return Fdfs.EXIT_OK;
    }
}
