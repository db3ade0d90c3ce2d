package org.fastdfs.storage.binlog;

/** A place in the binlog: file index and byte offset of the next unread record. */
public record BinlogPosition(int index, long offset) implements Comparable<BinlogPosition> {

    public static final BinlogPosition START = new BinlogPosition(0, 0);

    @Override
    public int compareTo(BinlogPosition o) {
        return index != o.index ? Integer.compare(index, o.index) : Long.compare(offset, o.offset);
    }
}
