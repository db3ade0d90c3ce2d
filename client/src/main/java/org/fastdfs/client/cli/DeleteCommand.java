package org.fastdfs.client.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code fdfs delete FILE_ID}. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a file (and its metadata).")
final class DeleteCommand implements Callable<Integer> {

    @ParentCommand
    Fdfs fdfs;

    @Parameters(index = "0", paramLabel = "FILE_ID", description = "The file id.")
    String fileId;

    @Override
    public Integer call() {
        fdfs.client().delete(fileId);
        return Fdfs.EXIT_OK;
    }
}
