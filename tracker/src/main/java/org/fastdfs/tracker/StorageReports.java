package org.fastdfs.tracker;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.cluster.ChangeResponse;
import org.fastdfs.proto.cluster.ChangeStatusRequest;
import org.fastdfs.proto.cluster.ChangelogReply;
import org.fastdfs.proto.cluster.EmptyRequest;
import org.fastdfs.proto.cluster.GetMyIpRequest;
import org.fastdfs.proto.cluster.MyIpReply;
import org.fastdfs.proto.cluster.ReportDiskUsageRequest;
import org.fastdfs.proto.cluster.ReportStatusRequest;
import org.fastdfs.proto.cluster.StorageBeatRequest;
import org.fastdfs.proto.cluster.StorageJoinReply;
import org.fastdfs.proto.cluster.StorageJoinRequest;
import org.fastdfs.proto.cluster.StorageStatus;
import org.fastdfs.proto.cluster.SyncNotifyRequest;
import org.fastdfs.proto.cluster.SyncReportRequest;
import org.fastdfs.proto.cluster.SyncSourceReply;
import org.fastdfs.proto.cluster.SyncSrcRequest;
import org.fastdfs.proto.stat.StorageBrief;
import org.fastdfs.server.FramedConnection;
import org.fastdfs.tracker.cluster.ClusterState;
import org.fastdfs.tracker.cluster.Group;
import org.fastdfs.tracker.cluster.JoinInfo;
import org.fastdfs.tracker.cluster.StorageNode;
import org.fastdfs.tracker.cluster.SyncSource;

/** The storage → tracker commands (PROTOCOL.md §4): join, beats, reports and sync negotiation. */
final class StorageReports {

    private final WireProfile profile;
    private final int trackerPort;

    StorageReports(WireProfile profile, int trackerPort) {
        this.profile = profile;
        this.trackerPort = trackerPort;
    }

    void handle(TrackerDispatcher d, FramedConnection c, Command command, ByteBuffer body) {
        Session s = d.session();
        switch (command) {
            case STORAGE_GET_MY_IP -> {
                GetMyIpRequest.decode(body);
                d.answer(c, command, state -> MyIpReply.of(c.remoteHost()));
            }
            case STORAGE_JOIN -> join(d, c, StorageJoinRequest.decode(body, profile));
            case STORAGE_BEAT -> {
                StorageBeatRequest beat = StorageBeatRequest.decode(body);
                d.answer(c, command, state -> {
                    requireJoined(s);
                    state.beat(s.group, s.storageId, beat.stats(), d.now());
                    return changes(state, s, c);
                });
            }
            case STORAGE_REPORT_DISK_USAGE -> {
                ReportDiskUsageRequest df = ReportDiskUsageRequest.decode(body);
                long[] total = df.paths().stream().mapToLong(ReportDiskUsageRequest.PathUsage::totalMb).toArray();
                long[] free = df.paths().stream().mapToLong(ReportDiskUsageRequest.PathUsage::freeMb).toArray();
                d.answer(c, command, state -> {
                    requireJoined(s);
                    state.diskUsage(s.group, s.storageId, total, free, d.now());
                    return changes(state, s, c);
                });
            }
            case STORAGE_SYNC_REPORT -> {
                SyncReportRequest report = SyncReportRequest.decode(body);
                Map<String, Long> bySource = new LinkedHashMap<>();
                report.peers().forEach(p -> bySource.put(p.storageId(), Integer.toUnsignedLong(p.timestamp())));
                d.answer(c, command, state -> {
                    requireJoined(s);
                    state.syncReport(s.group, s.storageId, bySource, d.now());
                    return changes(state, s, c);
                });
            }
            case STORAGE_SYNC_DEST_REQ -> {
                EmptyRequest.decode(body, command);
                d.answer(c, command, state -> {
                    requireJoined(s);
                    return reply(state.syncDestReq(s.group, s.storageId, d.now()));
                });
            }
            case STORAGE_SYNC_NOTIFY -> {
                SyncNotifyRequest n = SyncNotifyRequest.decode(body);
                d.answerEmpty(c, command, state -> {
                    requireJoined(s);
                    state.syncNotify(s.group, s.storageId, new SyncSource(n.sync().srcId(), n.sync().untilTimestamp()));
                });
            }
            case STORAGE_SYNC_DEST_QUERY -> {
                EmptyRequest.decode(body, command);
                d.answer(c, command, state -> {
                    requireJoined(s);
                    return reply(state.syncDestQuery(s.group, s.storageId));
                });
            }
            case STORAGE_SYNC_SRC_REQ -> {
                SyncSrcRequest r = SyncSrcRequest.decode(body);
                d.answer(c, command, state -> reply(state.syncSrcReq(r.groupName(), r.destStorageId())));
            }
            case STORAGE_REPORT_STATUS -> {
                ReportStatusRequest r = ReportStatusRequest.decode(body, profile);
                StorageBrief b = r.storage();
                d.answerEmpty(c, command, state -> {
                    StorageStatus st = StorageStatus.of(b.status());
                    if (st != null) {
                        state.reportStatus(r.groupName(), b.id(), st);
                    }
                });
            }
            case STORAGE_CHANGE_STATUS -> {
                ChangeStatusRequest.decode(body);
                // this tracker is the leader: a follower's view is never pushed to it
                d.answerEmpty(c, command, state -> requireJoined(s));
            }
            case STORAGE_REPLICA_CHG -> d.answerEmpty(c, command, state -> requireJoined(s));
            case STORAGE_CHANGELOG_REQ -> d.answer(c, command, state -> new ChangelogReply(""));
            default -> throw new ProtocolException(Status.EOPNOTSUPP, command + " is not supported by this tracker");
        }
    }

    private void join(TrackerDispatcher d, FramedConnection c, StorageJoinRequest j) {
        Session s = d.session();
        JoinInfo info = new JoinInfo(j.groupName(), c.remoteHost(), j.storagePort(), j.storePathCount(),
                j.subdirCountPerPath(), (int) j.uploadPriority(), j.joinTime(), j.upTime(), j.version(),
                !j.initFlag(), j.status());
        d.answer(c, Command.STORAGE_JOIN, state -> {
            StorageNode node = state.join(info, d.now());
            s.group = node.group();
            s.storageId = node.id();
            s.seenGroupChange = -1;
            s.leaderSent = false;
            return new StorageJoinReply(node.status().code(), node.syncSrcId());
        });
        d.metrics().watchGroup(d.cluster(), j.groupName());
        d.metrics().watchStorage(d.cluster(), j.groupName(), c.remoteHost());
    }

    private static void requireJoined(Session s) {
        if (!s.joined()) {
            throw new ProtocolException(Status.EACCES, "storage command before STORAGE_JOIN");
        }
    }

    private static SyncSourceReply reply(SyncSource src) {
        return src == null ? SyncSourceReply.NONE : SyncSourceReply.of(src.srcId(), src.untilTimestamp());
    }

    /** The change response of §4.5: leader brief once per connection, the member list when it moved. */
    private ChangeResponse changes(ClusterState state, Session s, FramedConnection c) {
        StorageBrief leader = null;
        if (!s.leaderSent) {
            String ip = c.localHost();
            leader = new StorageBrief(0, trackerPort, ip.length() > Wire.STORAGE_ID_SIZE ? ip.substring(0, 16) : ip, ip);
            s.leaderSent = true;
        }
        Group g = state.group(s.group);
        java.util.List<StorageBrief> members = null;
        if (g.changeCounter() != s.seenGroupChange) {
            members = StatViews.briefs(g);
            s.seenGroupChange = g.changeCounter();
        }
        return ChangeResponse.of(leader, null, members);
    }
}
