package org.fastdfs.fileid;

/**
 * The kind of file a file id names, decided from the size word and the length of the remote
 * filename exactly as FastDFS does (PROTOCOL.md §6.6; tracker_types.h IS_APPENDER_FILE,
 * IS_SLAVE_FILE):
 *
 * <ol>
 *   <li>{@link #APPENDER} if the size word has bit 58 set;</li>
 *   <li>else {@link #SLAVE} if the remote filename is longer than 60 characters, or longer than 44
 *       and bit 59 (trunk) is clear;</li>
 *   <li>else the C code calls it "normal". We split that into {@link #TRUNK} (bit 59 set: the
 *       content sits in a trunk file) and {@link #NORMAL}.</li>
 * </ol>
 *
 * <p>NORMAL and TRUNK are both "normal files" for the tracker (§7.4): any replica that passes the
 * sync rule may serve them, and their size and CRC are in the name. APPENDER and SLAVE files are
 * served by the source storage first, and their size must be asked for (QUERY_FILE_INFO).
 */
public enum FileType {
    NORMAL,
    APPENDER,
    SLAVE,
    TRUNK;

    /** FDFS_NORMAL_LOGIC_FILENAME_LENGTH: "M00/00/00/" + 27 + 7. */
    public static final int NORMAL_LOGIC_LENGTH = 44;
    /** FDFS_TRUNK_LOGIC_FILENAME_LENGTH: "M00/00/00/" + 27 + 16 + 7. */
    public static final int TRUNK_LOGIC_LENGTH = 60;

    /**
     * The type for a remote filename of {@code logicLength} characters (counted with the
     * "Mxx/" prefix) whose block has the size word {@code sizeWord}.
     */
    public static FileType of(int logicLength, long sizeWord) {
        if ((sizeWord & FileIdBlock.APPENDER_FLAG) != 0) {
            return APPENDER;
        }
        boolean trunk = (sizeWord & FileIdBlock.TRUNK_FLAG) != 0;
        if (logicLength > TRUNK_LOGIC_LENGTH || (logicLength > NORMAL_LOGIC_LENGTH && !trunk)) {
            return SLAVE;
        }
        return trunk ? TRUNK : NORMAL;
    }

    /**
     * True for NORMAL and TRUNK: the size and CRC32 in the name are the file's, and the tracker
     * treats the file as a "normal file" (round robin over replicas, §7.4).
     */
    public boolean sizeInName() {
        return this == NORMAL || this == TRUNK;
    }

    /** True for APPENDER and SLAVE: the size must be queried (cmd 22) and the source is asked first. */
    public boolean mustQuerySize() {
        return !sizeInName();
    }
}
