package org.fastdfs.storage.sync;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.cluster.StorageStatus;
import org.fastdfs.proto.cluster.SyncReqBody;
import org.fastdfs.proto.sync.SyncCopyFileRequest;
import org.fastdfs.proto.sync.SyncCreateLinkRequest;
import org.fastdfs.proto.sync.SyncDeleteFileRequest;
import org.fastdfs.proto.sync.SyncRangeRequest;
import org.fastdfs.proto.sync.SyncRenameFileRequest;
import org.fastdfs.proto.sync.SyncTruncateFileRequest;
import org.fastdfs.storage.binlog.BinlogOp;
import org.fastdfs.storage.binlog.BinlogPosition;
import org.fastdfs.storage.binlog.BinlogReader;
import org.fastdfs.storage.binlog.BinlogRecord;
import org.jboss.logging.Logger;

/**
 * Pushes this storage's binlog to one peer (PROTOCOL.md §5.3–§5.6). Runs on its own thread until
 * {@link #stop()}: reads the record after the mark, pushes it, and advances the mark only once the
 * peer acknowledged (EEXIST / ENOENT count as done where FastDFS says so). Connection failures back
 * off and retry the same record, so a record is never skipped, and every SYNC_* command is
 * idempotent on the receiver, so a record resent after a crash has the same effect.
 *
 * <p>Runs of whole-file creates and deletes are pipelined: up to {@link SyncContext#syncWindow()} of
 * them are sent before the oldest answer is read (a peer of ours answers one connection's requests in
 * order; a C FastDFS storage stops reading pipelined requests after a while, so a window above 1 is for
 * groups of ours alone). They commute with each other (each names a different file, or
 * deletes one whose local copy is gone, so its create sends nothing) and a resend is answered EEXIST or
 * ENOENT, so a refusal simply restarts from the mark, which only ever passes answered records. Any
 * other record (append, modify, truncate, rename, link: not safe to apply twice or out of order)
 * waits until the window is empty and goes alone, as in FastDFS.
 */
public final class PeerSync implements Runnable {

    private static final Logger LOG = Logger.getLogger(PeerSync.class);
    static final int MARK_EVERY = 100;
    /**
     * A caught-up peer's mark is saved at most this often: under a steady trickle of uploads the
     * sender catches up after nearly every record, and a save is a file create and rename.
     */
    static final long MARK_IDLE_SAVE_MS = 1_000;
    static final long REPORT_AGAIN_MS = 5_000;

    private final SyncContext ctx;
    private final String peerId;
    private final String peerIp;
    private final int peerPort;
    private final Path markPath;
    private volatile boolean running = true;
    private volatile MarkFile mark;
    private volatile long lastPushedTimestamp;
    private volatile String lastError = "";
    private volatile boolean caughtUp;
    private volatile long pendingTimestamp;
    private volatile SyncSender sender;
    private int unsavedRecords;
    private long lastMarkSave;
    private long lastCopiedReport;
    private long lastActivity;
    /** Records read past the mark and not settled yet, oldest first; posted ones await an answer. */
    private final ArrayDeque<Pending> window = new ArrayDeque<>();

    /** A record read past the mark: {@code posted} when its request is on the wire, unanswered. */
    private record Pending(BinlogRecord record, BinlogPosition next, boolean posted) {
    }

    /** A pipelined record the peer refused: the push restarts from the mark after a pause. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    public PeerSync(SyncContext ctx, String peerId, String peerIp, int peerPort) {
        this.ctx = ctx;
        this.peerId = peerId;
        this.peerIp = peerIp;
        this.peerPort = peerPort;
        this.markPath = MarkFile.path(ctx.syncDir(), peerIp, ctx.myPort());
    }

    public String peerId() {
        return peerId;
    }

    /** The mark as last acknowledged (null before the first start). */
    public MarkFile mark() {
        return mark;
    }

    /** Source-side timestamp of the last record the peer acknowledged. */
    public long lastPushedTimestamp() {
        return lastPushedTimestamp;
    }

    /** Records of the local binlog this peer has not acknowledged yet (0 when caught up). */
    public long lagRecords() {
        MarkFile m = mark;
        return caughtUp || m == null ? 0 : ctx.binlog().countFrom(m.position());
    }

    /** Seconds the oldest unacknowledged record has been waiting (0 when caught up). */
    public long lagSeconds(long now) {
        long ts = pendingTimestamp;
        return caughtUp || ts == 0 ? 0 : Math.max(0, now - ts);
    }

    public boolean connected() {
        return sender != null;
    }

    public String lastError() {
        return lastError;
    }

    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        long backoff = 500;
        BinlogReader reader = null;
        while (running) {
            try {
                if (mark == null) {
                    mark = initialMark();
                    mark.write(markPath);
                }
                if (!peerReady()) {
                    reportCopiedAgain();
                    sleep(ctx.idleWaitMs() * 5);
                    continue;
                }
                if (reader == null) {
                    reader = new BinlogReader(ctx.binlog(), mark.position());
                }
                pushAvailable(reader);
                backoff = 500;
            } catch (IOException e) {
                lastError = e.getMessage() == null ? e.toString() : e.getMessage();
                LOG.debugf("sync to %s: %s", peerId, lastError);
                closeSender();
                if (reader != null) {
                    reader.close();
                    reader = null; // reopen at the mark: the failed record is retried
                }
                window.clear();
                sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            } catch (Exception e) {
                lastError = e.toString();
                LOG.warnf(e, "sync to %s failed", peerId);
                closeSender();
                if (reader != null) {
                    reader.close();
                    reader = null;
                }
                window.clear();
                sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
        closeSender();
        if (reader != null) {
            reader.close();
        }
        saveMark();
    }

    /** A new peer: ask the tracker whether this storage is its copy source (§5.6). */
    private MarkFile initialMark() throws Exception {
        MarkFile existing = MarkFile.read(markPath);
        if (existing != null) {
            return existing;
        }
        SyncReqBody src = ctx.copySourceOf(peerId);
        if (src != null && ctx.myId().equals(src.srcId())) {
            LOG.infof("copying all data to new member %s (records up to %d)", peerId, src.untilTimestamp());
            return new MarkFile(BinlogPosition.START, true, false, src.untilTimestamp(), 0, 0);
        }
        if (src != null) {
            // another member copies the old data: start with the first record at or after the cut-off
            return new MarkFile(firstAtOrAfter(src.untilTimestamp()), false, false, src.untilTimestamp(), 0, 0);
        }
        return new MarkFile(BinlogPosition.START, false, false, 0, 0, 0);
    }

    private BinlogPosition firstAtOrAfter(long until) {
        try (BinlogReader r = new BinlogReader(ctx.binlog(), BinlogPosition.START)) {
            BinlogPosition before = r.position();
            for (BinlogReader.Entry e = r.next(); e != null; e = r.next()) {
                if (e.record().timestamp() >= until) {
                    return before;
                }
                before = e.next();
            }
            return before;
        }
    }

    /** REPORT_STATUS OFFLINE for the peer: its old data is here (§5.6). */
    private void reportCopied() throws Exception {
        lastCopiedReport = System.currentTimeMillis();
        try {
            ctx.reportPeerStatus(peerId, peerIp, peerPort, StorageStatus.OFFLINE);
        } catch (Exception e) {
            LOG.warnf("cannot tell the trackers that %s has its old data (%s); will retry", peerId, e.toString());
            throw e;
        }
    }

    /**
     * The copy to this peer is done, yet the trackers still list it as waiting for it: a tracker that
     * restarted from a state saved before the report, say. Repeats the report now and then.
     */
    private void reportCopiedAgain() throws Exception {
        if (mark == null || !mark.needSyncOld() || !mark.syncOldDone()
                || System.currentTimeMillis() - lastCopiedReport < REPORT_AGAIN_MS) {
            return;
        }
        StorageStatus s = ctx.peerStatus(peerId);
        if (s == StorageStatus.WAIT_SYNC || s == StorageStatus.SYNCING) {
            LOG.infof("%s is still %s although its old data was copied: reporting it again", peerId, s);
            reportCopied();
        }
    }

    private boolean copyingOldData() {
        return mark.needSyncOld() && !mark.syncOldDone();
    }

    private boolean peerReady() {
        StorageStatus s = ctx.peerStatus(peerId);
        if (s == null || s == StorageStatus.DELETED || s == StorageStatus.IP_CHANGED) {
            return false;
        }
        if (copyingOldData()) {
            return s == StorageStatus.WAIT_SYNC || s == StorageStatus.SYNCING || s == StorageStatus.ONLINE
                    || s == StorageStatus.ACTIVE || s == StorageStatus.OFFLINE;
        }
        return s == StorageStatus.ACTIVE || s == StorageStatus.ONLINE;
    }

    private void pushAvailable(BinlogReader reader) throws Exception {
        ensureConnected();
        if (copyingOldData() && ctx.peerStatus(peerId) == StorageStatus.WAIT_SYNC) {
            ctx.reportPeerStatus(peerId, peerIp, peerPort, StorageStatus.SYNCING);
        }
        while (running) {
            BinlogReader.Entry e = reader.next();
            if (e == null) {
                settle(0);
                caughtUp = true;
                pendingTimestamp = 0;
                if (copyingOldData()) {
                    // tell the trackers first: the copy only counts as done once one of them knows, else
                    // this is retried (a report lost to a tracker outage would leave the peer SYNCING)
                    reportCopied();
                    mark = new MarkFile(mark.position(), true, true, mark.untilTimestamp(), mark.scanRowCount(),
                            mark.syncRowCount());
                    saveMark();
                    LOG.infof("old data copied to %s", peerId);
                }
                if (unsavedRecords > 0 && System.currentTimeMillis() - lastMarkSave >= MARK_IDLE_SAVE_MS) {
                    saveMark();
                }
                if (System.currentTimeMillis() - lastActivity > ctx.networkTimeoutMs() / 2) {
                    sender.activeTest();
                    lastActivity = System.currentTimeMillis();
                }
                BinlogPosition at = reader.position();
                ctx.binlog().awaitAppend(new long[] {at.index(), at.offset()}, ctx.idleWaitMs());
                if (!peerReady()) {
                    return;
                }
                continue;
            }
            caughtUp = false;
            BinlogRecord r = e.record();
            if (!shouldPush(r)) {
                if (window.isEmpty()) {
                    advance(e.next(), false);
                } else {
                    window.add(new Pending(r, e.next(), false)); // the mark passes it in order
                }
                continue;
            }
            if (window.isEmpty()) {
                pendingTimestamp = r.timestamp();
            }
            if (ctx.syncWindow() > 1 && pipelined(r)) {
                window.add(new Pending(r, e.next(), true));
                settle(ctx.syncWindow() - 1);
                continue;
            }
            settle(0);
            pendingTimestamp = r.timestamp();
            push(r);
            lastPushedTimestamp = r.timestamp();
            advance(e.next(), true);
        }
    }

    /**
     * Reads answers, oldest first, until at most {@code keep} posted records are unanswered, advancing
     * the mark over each settled record. A refusal throws {@link Refused}: {@link #run} reconnects and
     * rereads from the mark after a pause, so the refused record and those behind it are sent again.
     */
    private void settle(int keep) throws IOException {
        while (!window.isEmpty() && (sender.unanswered() > keep || !window.peekFirst().posted())) {
            Pending p = window.removeFirst();
            if (p.posted()) {
                BinlogOp op = p.record().operation();
                int status = ok(sender.receive(op == BinlogOp.DELETE ? Command.SYNC_DELETE_FILE
                        : Command.SYNC_CREATE_FILE), op == BinlogOp.DELETE ? Status.ENOENT : Status.EEXIST);
                if (status != 0) {
                    lastError = "'" + p.record().toLine().strip() + "' answered " + Status.describe(status);
                    LOG.warnf("sync to %s: %s; resending from it", peerId, lastError);
                    throw new Refused(lastError);
                }
                lastPushedTimestamp = p.record().timestamp();
            }
            advance(p.next(), p.posted());
            if (!window.isEmpty()) {
                pendingTimestamp = window.peekFirst().record().timestamp();
            }
        }
    }

    /**
     * Posts a whole-file create or a delete without waiting for the answer. False when the record must
     * go alone through {@link #push}: another operation, a file that needs nothing sent (gone since, or
     * re-created), or a record the local binlog cannot name a file for.
     */
    private boolean pipelined(BinlogRecord r) throws IOException {
        BinlogOp op = r.operation();
        if (op != BinlogOp.CREATE && op != BinlogOp.DELETE) {
            return false;
        }
        Path local;
        try {
            local = ctx.localPath(r.filename());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        int ts = (int) r.timestamp();
        if (op == BinlogOp.DELETE) {
            if (Files.exists(local)) {
                return false;
            }
            sender.post(new SyncDeleteFileRequest(ts, ctx.groupName(), r.filename()), null, 0, 0);
            return true;
        }
        try (FileChannel file = openLocal(local)) {
            if (file == null) {
                return false;
            }
            long size = file.size();
            sender.post(new SyncCopyFileRequest(Command.SYNC_CREATE_FILE, false, ts, ctx.groupName(), r.filename(),
                    size), file, 0, size);
            return true;
        }
    }

    private boolean shouldPush(BinlogRecord r) {
        if (r.isSource()) {
            return true;
        }
        if (!copyingOldData() || r.timestamp() > mark.untilTimestamp()) {
            return false;
        }
        BinlogOp op = r.operation();
        return op == BinlogOp.CREATE || op == BinlogOp.UPDATE || op == BinlogOp.DELETE || op == BinlogOp.LINK
                || op == BinlogOp.RENAME;
    }

    private void advance(BinlogPosition next, boolean pushed) {
        mark = new MarkFile(next, mark.needSyncOld(), mark.syncOldDone(), mark.untilTimestamp(),
                mark.scanRowCount() + 1, mark.syncRowCount() + (pushed ? 1 : 0));
        if (++unsavedRecords >= MARK_EVERY) {
            saveMark();
        }
        lastActivity = System.currentTimeMillis();
    }

    private void saveMark() {
        MarkFile m = mark;
        if (m != null) {
            m.write(markPath);
            unsavedRecords = 0;
            lastMarkSave = System.currentTimeMillis();
        }
    }

    /**
     * Pushes one record; returns when the peer has it (or FastDFS says it needs nothing). A refusal
     * (a full disk on the peer, say) is retried with a growing pause until it goes through: a record
     * is never skipped, and the lag metrics show the stall meanwhile.
     */
    private void push(BinlogRecord r) throws Exception {
        long pause = 200;
        while (running) {
            int status;
            try {
                status = send(r);
            } catch (IllegalArgumentException e) {
                // the record itself is malformed in the local binlog: nothing any peer could apply
                LOG.errorf("sync to %s: skipping malformed binlog record '%s': %s", peerId, r.toLine().strip(),
                        e.getMessage());
                return;
            }
            if (status == 0) {
                return;
            }
            lastError = "'" + r.toLine().strip() + "' answered " + Status.describe(status);
            LOG.warnf("sync to %s: %s; retrying in %d ms", peerId, lastError, pause);
            sleep(pause);
            pause = Math.min(pause * 2, 30_000);
        }
        // stopped before the peer took it: the mark must stay before this record
        throw new java.io.IOException("stopped while '" + r.toLine().strip() + "' was unacknowledged");
    }

    /** Sends one record, mapping the answers FastDFS treats as success to 0. */
    private int send(BinlogRecord r) throws IOException {
        String name = r.filename();
        int ts = (int) r.timestamp();
        String group = ctx.groupName();
        Path local = ctx.localPath(name);
        return switch (r.operation()) {
            case CREATE, UPDATE -> {
                try (FileChannel file = openLocal(local)) {
                    if (file == null) {
                        yield 0; // gone since: a later record deletes it
                    }
                    yield ok(copy(r.operation() == BinlogOp.CREATE ? Command.SYNC_CREATE_FILE
                            : Command.SYNC_UPDATE_FILE, ts, name, file), Status.EEXIST);
                }
            }
            case DELETE -> Files.exists(local) ? 0 // re-created later: keep the peer's copy
                    : ok(sender.call(new SyncDeleteFileRequest(ts, group, name), null, 0, 0), Status.ENOENT);
            case APPEND, MODIFY -> {
                try (FileChannel file = openLocal(local)) {
                    if (file == null) {
                        yield 0;
                    }
                    long[] range = numbers(r.extra(), 2);
                    if (range[0] + range[1] > file.size()) {
                        yield ok(copy(Command.SYNC_UPDATE_FILE, ts, name, file), Status.EEXIST);
                    }
                    var req = r.operation() == BinlogOp.APPEND
                            ? SyncRangeRequest.append(ts, group, name, range[0], range[1])
                            : SyncRangeRequest.modify(ts, group, name, range[0], range[1]);
                    int st = sender.call(req, file, range[0], range[1]);
                    if (st == Status.ENOENT.code()) {
                        st = copy(Command.SYNC_UPDATE_FILE, ts, name, file);
                    }
                    yield ok(st, Status.EEXIST);
                }
            }
            case TRUNCATE -> {
                if (!Files.isRegularFile(local)) {
                    yield 0;
                }
                long[] sizes = numbers(r.extra(), 2);
                int st = sender.call(new SyncTruncateFileRequest(ts, group, name, sizes[0], sizes[1]), null, 0, 0);
                if (st == Status.ENOENT.code()) {
                    st = copyWhole(Command.SYNC_UPDATE_FILE, ts, name, local);
                }
                yield ok(st, Status.EEXIST);
            }
            case LINK -> {
                String target = r.extra();
                yield ok(sender.call(new SyncCreateLinkRequest(ts, group, name, target), null, 0, 0), Status.ENOENT);
            }
            case RENAME -> {
                String old = r.extra();
                int st = sender.call(new SyncRenameFileRequest(ts, group, name, old), null, 0, 0);
                if (st == Status.ENOENT.code()) {
                    st = copyWhole(Command.SYNC_CREATE_FILE, ts, name, local);
                }
                yield ok(st, Status.EEXIST);
            }
        };
    }

    /** The local file open for reading, or null when it is gone. */
    private static FileChannel openLocal(Path local) throws IOException {
        try {
            return FileChannel.open(local, StandardOpenOption.READ);
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    private int copy(Command command, int ts, String name, FileChannel file) throws IOException {
        long size = file.size();
        return sender.call(new SyncCopyFileRequest(command, false, ts, ctx.groupName(), name, size), file, 0, size);
    }

    /** Sends the whole local file; 0 when it is gone since (a later record deletes it). */
    private int copyWhole(Command command, int ts, String name, Path local) throws IOException {
        try (FileChannel file = openLocal(local)) {
            return file == null ? 0 : copy(command, ts, name, file);
        }
    }

    private static int ok(int status, Status alsoFine) {
        return status == alsoFine.code() ? 0 : status;
    }

    private static long[] numbers(String extra, int n) {
        String[] parts = extra.trim().split(" ");
        if (parts.length < n) {
            throw new IllegalArgumentException("binlog extra field '" + extra + "' needs " + n + " numbers");
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = Long.parseLong(parts[i]);
        }
        return v;
    }

    private void ensureConnected() throws IOException {
        if (sender == null) {
            sender = SyncSender.connect(peerIp, peerPort, ctx.bindAddr(), ctx.myId(), ctx.connectTimeoutMs(),
                    ctx.networkTimeoutMs());
            lastActivity = System.currentTimeMillis();
            lastError = "";
        }
    }

    private void closeSender() {
        if (sender != null) {
            sender.close();
            sender = null;
        }
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
