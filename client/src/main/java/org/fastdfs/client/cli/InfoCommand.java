package org.fastdfs.client.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fastdfs.client.FileInfo;
import org.fastdfs.proto.storage.QueryFileInfoRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code fdfs info FILE_ID}: like fdfs_file_info. */
@Command(name = "info", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show a file's type, size, create time, CRC32 and source storage.",
                "Normal files are decoded from the id; appender and slave files are asked of the storage."})
final class InfoCommand implements Callable<Integer> {

    @ParentCommand
    Fdfs fdfs;

    @Parameters(index = "0", paramLabel = "FILE_ID", description = "The file id.")
    String fileId;

    @Option(names = {"-s", "--server"}, description = "Always ask the storage (QUERY_FILE_INFO).")
    boolean server;

    @Option(names = {"-n", "--no-crc"}, description = "With a storage query: do not compute the CRC32 of appender and slave files.")
    boolean noCrc;

    @Override
    public Integer call() {
        FileInfo info = server || noCrc
                ? fdfs.client().queryFileInfo(fileId, noCrc ? QueryFileInfoRequest.NO_CRC32 : 0)
                : fdfs.client().fileInfo(fileId);
        PrintWriter out = fdfs.out();
        out.println("file id:      " + fileId);
        out.println("type:         " + info.type().name().toLowerCase(Locale.ROOT));
        out.println("size:         " + info.size());
        out.println("create time:  " + Times.format(info.createTimestamp(), fdfs.zone()));
        out.println("crc32:        " + (noCrc ? "-" : String.format(Locale.ROOT, "0x%08x (%d)", info.crc32Unsigned(), info.crc32())));
        out.println("source ip:    " + (info.sourceIp().isEmpty() ? "-" : info.sourceIp()));
        if (info.sourceServerId() != 0) {
            out.println("source id:    " + info.sourceServerId());
        }
        out.println("from server:  " + (info.fromServer() ? "yes" : "no"));
        return Fdfs.EXIT_OK;
    }
}
