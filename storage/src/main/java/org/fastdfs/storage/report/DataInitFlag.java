package org.fastdfs.storage.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * {@code <base_path>/data/.data_init_flag} (PROTOCOL.md §9.4): the storage's first join time and the
 * state of its initial-sync negotiation, in FastDFS's key names. Rewritten atomically on change.
 */
public final class DataInitFlag {

    private final Path file;
    private long joinTime;
    private boolean syncOldDone;
    private String syncSrcServer = "";
    private long syncUntilTimestamp;
    private String lastIpAddr = "";
    private int lastServerPort;

    private DataInitFlag(Path file) {
        this.file = file;
    }

    /** Loads the flag file, or creates it with {@code now} as the join time on first start. */
    public static synchronized DataInitFlag openOrCreate(Path basePath, long now, int port) {
        DataInitFlag f = new DataInitFlag(basePath.resolve("data").resolve(".data_init_flag"));
        try {
            if (Files.exists(f.file)) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(f.file, StandardCharsets.ISO_8859_1)) {
                    p.load(r);
                }
                f.joinTime = Long.parseLong(p.getProperty("storage_join_time", "0").trim());
                f.syncOldDone = "1".equals(p.getProperty("sync_old_done", "0").trim());
                f.syncSrcServer = p.getProperty("sync_src_server", "").trim();
                f.syncUntilTimestamp = Long.parseLong(p.getProperty("sync_until_timestamp", "0").trim());
                f.lastIpAddr = p.getProperty("last_ip_addr", "").trim();
                f.lastServerPort = Integer.parseInt(p.getProperty("last_server_port", "0").trim());
            } else {
                f.joinTime = now;
                f.lastServerPort = port;
                f.save();
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read " + f.file + ": " + e.getMessage(), e);
        }
        return f;
    }

    public synchronized long joinTime() {
        return joinTime;
    }

    public synchronized boolean syncOldDone() {
        return syncOldDone;
    }

    public synchronized String syncSrcServer() {
        return syncSrcServer;
    }

    public synchronized long syncUntilTimestamp() {
        return syncUntilTimestamp;
    }

    public synchronized String lastIpAddr() {
        return lastIpAddr;
    }

    public synchronized void negotiated(String srcId, long until) {
        syncOldDone = true;
        syncSrcServer = srcId;
        syncUntilTimestamp = until;
        save();
    }

    public synchronized void ipAddr(String ip, int port) {
        if (!ip.equals(lastIpAddr) || port != lastServerPort) {
            lastIpAddr = ip;
            lastServerPort = port;
            save();
        }
    }

    private void save() {
        String text = "storage_join_time=" + joinTime + "\n"
                + "sync_old_done=" + (syncOldDone ? 1 : 0) + "\n"
                + "sync_src_server=" + syncSrcServer + "\n"
                + "sync_until_timestamp=" + syncUntilTimestamp + "\n"
                + "last_ip_addr=" + lastIpAddr + "\n"
                + "last_server_port=" + lastServerPort + "\n"
                + "current_trunk_file_id=0\ntrunk_last_compress_time=0\ntrunk_binlog_compress_stage=0\n";
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(".data_init_flag.tmp");
            Files.writeString(tmp, text, StandardCharsets.ISO_8859_1);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
