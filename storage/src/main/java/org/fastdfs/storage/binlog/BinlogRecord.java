package org.fastdfs.storage.binlog;

import java.nio.charset.StandardCharsets;

/**
 * One binlog line: {@code <timestamp> SP <op> SP <filename>[ SP <extra>] LF}. The filename is the
 * remote name without the group ("M00/00/00/x.jpg", or with "-m" for a metadata sidecar); extra
 * holds the offsets of A/M/T records or the second name of L/R records.
 */
public record BinlogRecord(long timestamp, char op, String filename, String extra) {

    /** Lines longer than this are not read back by FastDFS. */
    public static final int MAX_LINE = 255;

    public BinlogRecord {
        if (filename == null || filename.isEmpty() || filename.indexOf(' ') >= 0 || filename.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("bad binlog filename '" + filename + "'");
        }
        BinlogOp.of(op);
        extra = extra == null ? "" : extra;
    }

    public static BinlogRecord source(long timestamp, BinlogOp op, String filename, String extra) {
        return new BinlogRecord(timestamp, op.source(), filename, extra);
    }

    public static BinlogRecord replica(long timestamp, BinlogOp op, String filename, String extra) {
        return new BinlogRecord(timestamp, op.replica(), filename, extra);
    }

    public boolean isSource() {
        return Character.isUpperCase(op);
    }

    public BinlogOp operation() {
        return BinlogOp.of(op);
    }

    public String toLine() {
        return timestamp + " " + op + " " + filename + (extra.isEmpty() ? "" : " " + extra) + "\n";
    }

    public byte[] toBytes() {
        return toLine().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Parses a line without its LF; throws IllegalArgumentException for a malformed one. */
    public static BinlogRecord parse(String line) {
        String[] parts = line.split(" ", 4);
        if (parts.length < 3 || parts[1].length() != 1) {
            throw new IllegalArgumentException("malformed binlog line '" + line + "'");
        }
        try {
            return new BinlogRecord(Long.parseLong(parts[0]), parts[1].charAt(0), parts[2],
                    parts.length == 4 ? parts[3] : "");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed binlog timestamp in '" + line + "'", e);
        }
    }
}
