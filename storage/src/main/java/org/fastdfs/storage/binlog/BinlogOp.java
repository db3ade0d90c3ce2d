package org.fastdfs.storage.binlog;

/** Binlog operations (PROTOCOL.md §5.3). The source form is upper case, the replica form lower case. */
public enum BinlogOp {
    CREATE('C'), UPDATE('U'), DELETE('D'), APPEND('A'), MODIFY('M'), TRUNCATE('T'), LINK('L'), RENAME('R');

    private final char letter;

    BinlogOp(char letter) {
        this.letter = letter;
    }

    public char source() {
        return letter;
    }

    public char replica() {
        return Character.toLowerCase(letter);
    }

    public static BinlogOp of(char c) {
        char u = Character.toUpperCase(c);
        for (BinlogOp op : values()) {
            if (op.letter == u) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown binlog op '" + c + "'");
    }
}
