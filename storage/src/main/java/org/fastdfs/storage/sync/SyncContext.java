package org.fastdfs.storage.sync;

import java.nio.file.Path;
import org.fastdfs.proto.cluster.StorageStatus;
import org.fastdfs.proto.cluster.SyncReqBody;
import org.fastdfs.storage.binlog.BinlogWriter;

/** What a {@link PeerSync} needs from the storage around it. */
public interface SyncContext {

    String groupName();

    /** This storage's id (its IP) as peers and trackers know it. */
    String myId();

    /** This storage's port: it names the mark files. */
    int myPort();

    /** Local address to connect from (FastDFS client_bind), or empty. */
    String bindAddr();

    BinlogWriter binlog();

    /** {@code <base_path>/data/sync}. */
    Path syncDir();

    /** The local path of a remote file name ("M00/00/00/x.jpg" or its "-m" sidecar). */
    Path localPath(String remoteFilename);

    int connectTimeoutMs();

    int networkTimeoutMs();

    /** Pause when the binlog has nothing new (sync_wait_msec). */
    long idleWaitMs();

    /** Whole-file creates and deletes in flight to a peer at once; 1 sends every record alone. */
    int syncWindow();

    /** The peer's status as the trackers last listed it, or null when unknown. */
    StorageStatus peerStatus(String peerId);

    /** SYNC_SRC_REQ: the recorded copy source of a new peer, or null when there is nothing to copy. */
    SyncReqBody copySourceOf(String peerId) throws Exception;

    /** REPORT_STATUS to every tracker: a destination's progress (SYNCING, then OFFLINE when copied). */
    void reportPeerStatus(String peerId, String peerIp, int peerPort, StorageStatus status) throws Exception;
}
