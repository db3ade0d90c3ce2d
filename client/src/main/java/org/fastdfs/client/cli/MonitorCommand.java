package org.fastdfs.client.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fastdfs.client.TrackerClient;
import org.fastdfs.proto.cluster.StorageStatus;
import org.fastdfs.proto.stat.StatField;
import org.fastdfs.proto.tracker.GroupStat;
import org.fastdfs.proto.tracker.StorageStat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code fdfs monitor [GROUP]}: groups and storages, like fdfs_monitor. */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Show the groups and their storages as the tracker sees them.")
final class MonitorCommand implements Callable<Integer> {

    @ParentCommand
    Fdfs fdfs;

    @Parameters(index = "0", arity = "0..1", paramLabel = "GROUP", description = "Only this group.")
    String group;

    @Option(names = {"-v", "--verbose"}, description = "Also print every counter of every storage.")
    boolean verbose;

    @Override
    public Integer call() {
        TrackerClient tracker = fdfs.client().tracker();
        List<GroupStat> groups = group == null ? tracker.listGroups() : List.of(tracker.listGroup(group));
        boolean classic = fdfs.client().config().profile().isClassic();
        PrintWriter out = fdfs.out();
        out.println("trackers: " + String.join(", ", tracker.trackers().stream().map(Object::toString).toList()));
        out.println("groups: " + groups.size());
        for (GroupStat g : groups) {
            out.println();
            printGroup(out, g, classic);
            List<StorageStat> storages = tracker.listStorages(g.groupName());
            if (storages.isEmpty()) {
                continue;
            }
            out.println();
            Table table = new Table("ID", "ADDRESS", "STATUS", "VERSION", ">FREE MB", ">TOTAL MB", "UP SINCE",
                    "LAST HEARTBEAT", ">UPLOADS", ">DOWNLOADS");
            for (StorageStat s : storages) {
                table.row(s.id(), s.ip() + ":" + s.storagePort(), statusName(s.status()), s.version(), s.freeMb(),
                        s.totalMb(), time(s.upTime()), time(s.stat().get(StatField.LAST_HEART_BEAT_TIME)),
                        s.stat().get(StatField.SUCCESS_UPLOAD_COUNT), s.stat().get(StatField.SUCCESS_DOWNLOAD_COUNT));
            }
            table.print(out, "  ");
            if (verbose) {
                storages.forEach(s -> printCounters(out, s));
            }
        }
        return Fdfs.EXIT_OK;
    }

    private void printGroup(PrintWriter out, GroupStat g, boolean classic) {
        out.println("group " + g.groupName());
        String counts = classic ? g.activeCount() + " active"
                : g.readableCount() + " readable, " + g.writableCount() + " writable";
        out.println("  storages:      " + g.storageCount() + " (" + counts + ")");
        out.println("  disk space:    free " + g.freeMb() + " MB of " + g.totalMb() + " MB"
                + (classic ? "" : ", reserved " + g.reservedMb() + " MB"));
        out.println("  storage port:  " + g.storagePort());
        out.println("  store paths:   " + g.storePathCount() + ", " + g.subdirCountPerPath() + " subdirs per path");
        out.println("  write server:  " + g.currentWriteServer());
    }

    private void printCounters(PrintWriter out, StorageStat s) {
        out.println();
        out.println("  storage " + s.id() + " (" + s.ip() + ":" + s.storagePort() + ")");
        out.println("    join time = " + time(s.joinTime()));
        out.println("    source storage id = " + s.srcId());
        out.println("    upload priority = " + s.uploadPriority());
        out.println("    store_path_count = " + s.storePathCount());
        out.println("    current_write_path = " + s.currentWritePath());
        out.println("    if_trunk_server = " + (s.trunkServer() ? 1 : 0));
        for (Map.Entry<StatField, Long> e : s.stat().asMap().entrySet()) {
            boolean isTime = e.getKey().key().startsWith("last_");
            out.println("    " + e.getKey().key() + " = " + (isTime ? time(e.getValue()) : e.getValue()));
        }
    }

    private String time(long unixSeconds) {
        return Times.format(unixSeconds, fdfs.zone());
    }

    private static String statusName(int code) {
        StorageStatus s = StorageStatus.of(code);
        return s == null ? "STATUS_" + code : s.name();
    }
}
