package org.fastdfs.client.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fastdfs.meta.MetaItem;
import org.fastdfs.meta.Metadata;
import org.fastdfs.meta.MetadataMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fdfs meta get|set}. */
@Command(name = "meta", mixinStandardHelpOptions = true, description = "Read or write a file's metadata.",
        subcommands = {MetaCommand.Get.class, MetaCommand.Set.class})
final class MetaCommand implements Runnable {

    @ParentCommand
    Fdfs fdfs;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: get or set");
    }

    /** {@code fdfs meta get FILE_ID}: one {@code name=value} per line. */
    @Command(name = "get", mixinStandardHelpOptions = true, description = "Print the metadata, one NAME=VALUE per line.")
    static final class Get implements Callable<Integer> {

        @ParentCommand
        MetaCommand meta;

        @Parameters(index = "0", paramLabel = "FILE_ID", description = "The file id.")
        String fileId;

        @Override
        public Integer call() {
            Metadata md = meta.fdfs.client().getMetadata(fileId);
            for (MetaItem item : md.items()) {
                meta.fdfs.out().println(item.name() + "=" + item.value());
            }
            return Fdfs.EXIT_OK;
        }
    }

    /** {@code fdfs meta set FILE_ID NAME=VALUE... [--merge]}. */
    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Set the metadata. Without --merge every item is replaced (no items: all are removed)."})
    static final class Set implements Callable<Integer> {

        @ParentCommand
        MetaCommand meta;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE_ID", description = "The file id.")
        String fileId;

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "NAME=VALUE", description = "Items to set.")
        List<String> items = new ArrayList<>();

        @Option(names = "--merge", description = "Add and replace items by name, keep the others.")
        boolean merge;

        @Override
        public Integer call() {
            List<MetaItem> list = new ArrayList<>();
            for (String item : items) {
                int eq = item.indexOf('=');
                if (eq <= 0) {
                    throw new ParameterException(spec.commandLine(), "'" + item + "' is not NAME=VALUE");
                }
                list.add(new MetaItem(item.substring(0, eq), item.substring(eq + 1)));
            }
            meta.fdfs.client().setMetadata(fileId, new Metadata(list), merge ? MetadataMode.MERGE : MetadataMode.OVERWRITE);
            return Fdfs.EXIT_OK;
        }
    }
}
