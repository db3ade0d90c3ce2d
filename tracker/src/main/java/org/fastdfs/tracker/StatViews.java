package org.fastdfs.tracker;

import java.util.List;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.stat.StatBlock;
import org.fastdfs.proto.stat.StatField;
import org.fastdfs.proto.stat.StorageBrief;
import org.fastdfs.proto.tracker.GroupStat;
import org.fastdfs.proto.tracker.StorageStat;
import org.fastdfs.tracker.cluster.Group;
import org.fastdfs.rules.ReservedSpace;
import org.fastdfs.tracker.cluster.StorageNode;

/** Turns the cluster model into the structs of list-groups, list-storages and briefs (PROTOCOL.md §2.5, §2.6, §4.5). */
final class StatViews {

    private StatViews() {
    }

    static GroupStat group(Group g, ReservedSpace reserved, WireProfile profile) {
        long total = g.totalMb();
        return new GroupStat(g.name(), total, g.freeMb(), reserved.reservedMb(total, 1), 0,
                g.storages().size(), g.storagePort(), 0, g.activeCount(), g.readable().size(), g.writable().size(),
                g.currentWriteServer(), g.storePathCount(), g.subdirCount(), profile.isClassic() ? 0 : -1);
    }

    static StorageStat storage(StorageNode s, ReservedSpace reserved) {
        StatBlock stat = s.stat()
                .with(StatField.LAST_SYNCED_TIMESTAMP, s.lastSyncedTimestamp())
                .with(StatField.LAST_HEART_BEAT_TIME, s.lastHeartBeat());
        return new StorageStat(s.status().code(), s.rwMode(), s.id(), s.ip(), "", s.syncSrcId(), s.version(),
                s.joinTime(), s.upTime(), s.totalMb(), s.freeMb(), reserved.reservedMb(s.totalMb(), 1),
                s.uploadPriority(), s.storePathCount(), s.subdirCount(), s.currentWritePath(), s.port(), 0, stat,
                false);
    }

    static StorageBrief brief(StorageNode s) {
        return new StorageBrief(s.status().code(), s.port(), s.id(), s.ip());
    }

    static List<StorageBrief> briefs(Group g) {
        return g.storages().stream().map(StatViews::brief).toList();
    }
}
