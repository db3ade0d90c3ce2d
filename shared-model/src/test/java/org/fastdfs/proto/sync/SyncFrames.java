package org.fastdfs.proto.sync;

import static org.fastdfs.proto.FrameFixtures.ascii;
import static org.fastdfs.proto.FrameFixtures.concat;
import static org.fastdfs.proto.FrameFixtures.hex;

/**
 * Golden storage → storage frames. Those named after a capture are copied from
 * /work/shared/wire-captures (FastDFS 6.16.1, complete: no sync body there reaches the 256-byte cut).
 * The C sender leaves garbage after the NUL of the group name in SYNC_CREATE/UPDATE_FILE; the
 * {@code *_CAPTURED} frames keep it, the frames without that suffix are the same bytes with the
 * garbage replaced by zeros (what an encoder writes). The others are written by hand from the
 * PROTOCOL.md §5 tables, field by field.
 */
final class SyncFrames {

    /** The uploaded file of upload.txt. */
    static final String FILE = "M00/00/00/fwAAAmsBLZSAMpsvAAAALeis0vI527.txt";
    /** The appender file of appender.txt. */
    static final String APPENDER = "M00/00/00/fwAAA2sBLamEKVUdAAAAAGtq8gY314.txt";
    /** The appender's name after REGENERATE_APPENDER_FILENAME. */
    static final String REGENERATED = "M00/00/00/fwAAA2sBLbSAAAAAAAAAIERbY-g314.txt";
    /** PROTOCOL.md §6.8: a slave name and the data file it links to when store_slave_file_use_link is on. */
    static final String SLAVE = "M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123_150x150.jpg";
    static final String SLAVE_DATA = "M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg";

    private SyncFrames() {
    }

    /** wire-captures/upload.txt: SYNC_CREATE_FILE (16) of 45 bytes as sent, garbage after the group's NUL. */
    static final byte[] SYNC_CREATE_CAPTURED = hex("""
            00 00 00 00 00 00 00 7d 10 00   # header
            00 00 00 00 00 00 00 2c 00 00 00 00 00 00 00 2d
            6b 01 2d 94 67 72 6f 75 70 31 00 7e 00 00 5c 7f
            62 a9 5b 55 4d 30 30 2f 30 30 2f 30 30 2f 66 77
            41 41 41 6d 73 42 4c 5a 53 41 4d 70 73 76 41 41
            41 41 4c 65 69 73 30 76 49 35 32 37 2e 74 78 74
            48 65 6c 6c 6f 20 46 61 73 74 44 46 53 20 77 69
            72 65 20 63 61 70 74 75 72 65 21 20 30 31 32 33
            34 35 36 37 38 39 61 62 63 64 65 66 0a
            """);

    /** upload.txt's SYNC_CREATE_FILE with the 9 garbage bytes after the group's NUL replaced by zeros. */
    static final byte[] SYNC_CREATE = hex("""
            00 00 00 00 00 00 00 7d 10 00   # header
            00 00 00 00 00 00 00 2c 00 00 00 00 00 00 00 2d
            6b 01 2d 94 67 72 6f 75 70 31 00 00 00 00 00 00
            00 00 00 00 4d 30 30 2f 30 30 2f 30 30 2f 66 77
            41 41 41 6d 73 42 4c 5a 53 41 4d 70 73 76 41 41
            41 41 4c 65 69 73 30 76 49 35 32 37 2e 74 78 74
            48 65 6c 6c 6f 20 46 61 73 74 44 46 53 20 77 69
            72 65 20 63 61 70 74 75 72 65 21 20 30 31 32 33
            34 35 36 37 38 39 61 62 63 64 65 66 0a
            """);

    /** wire-captures/metadata_set.txt: SYNC_CREATE_FILE (16) of the "-m" metadata file, garbage after the group's NUL. */
    static final byte[] SYNC_CREATE_META_CAPTURED = hex("""
            00 00 00 00 00 00 00 80 10 00   # header
            00 00 00 00 00 00 00 2e 00 00 00 00 00 00 00 2e
            6b 01 2d 9d 67 72 6f 75 70 31 00 7e 00 00 5c 7f
            62 a9 5b 55 4d 30 30 2f 30 30 2f 30 30 2f 66 77
            41 41 41 6d 73 42 4c 5a 53 41 4d 70 73 76 41 41
            41 41 4c 65 69 73 30 76 49 35 32 37 2e 74 78 74
            2d 6d 61 75 74 68 6f 72 02 61 6e 63 68 6f 72 01
            63 6f 6c 6f 72 02 62 6c 75 65 01 68 65 69 67 68
            74 02 36 30 30 01 77 69 64 74 68 02 31 30 32 34
            """);

    /** wire-captures/metadata_set.txt: SYNC_UPDATE_FILE (18) of the "-m" file, garbage after the group's NUL. */
    static final byte[] SYNC_UPDATE_META_CAPTURED = hex("""
            00 00 00 00 00 00 00 80 12 00   # header
            00 00 00 00 00 00 00 2e 00 00 00 00 00 00 00 2e
            6b 01 2d 9d 67 72 6f 75 70 31 00 7e 00 00 5c 7f
            62 a9 5b 55 4d 30 30 2f 30 30 2f 30 30 2f 66 77
            41 41 41 6d 73 42 4c 5a 53 41 4d 70 73 76 41 41
            41 41 4c 65 69 73 30 76 49 35 32 37 2e 74 78 74
            2d 6d 61 75 74 68 6f 72 02 61 6e 63 68 6f 72 01
            63 6f 6c 6f 72 02 62 6c 75 65 01 68 65 69 67 68
            74 02 36 30 30 01 77 69 64 74 68 02 31 30 32 34
            """);

    /** metadata_set.txt's SYNC_UPDATE_FILE with the garbage after the group's NUL replaced by zeros. */
    static final byte[] SYNC_UPDATE_META = hex("""
            00 00 00 00 00 00 00 80 12 00   # header
            00 00 00 00 00 00 00 2e 00 00 00 00 00 00 00 2e
            6b 01 2d 9d 67 72 6f 75 70 31 00 00 00 00 00 00
            00 00 00 00 4d 30 30 2f 30 30 2f 30 30 2f 66 77
            41 41 41 6d 73 42 4c 5a 53 41 4d 70 73 76 41 41
            41 41 4c 65 69 73 30 76 49 35 32 37 2e 74 78 74
            2d 6d 61 75 74 68 6f 72 02 61 6e 63 68 6f 72 01
            63 6f 6c 6f 72 02 62 6c 75 65 01 68 65 69 67 68
            74 02 36 30 30 01 77 69 64 74 68 02 31 30 32 34
            """);

    /** wire-captures/appender.txt: SYNC_CREATE_FILE (16) of the appender (32 bytes), garbage after the group's NUL. */
    static final byte[] SYNC_CREATE_APPENDER_CAPTURED = hex("""
            00 00 00 00 00 00 00 70 10 00   # header
            00 00 00 00 00 00 00 2c 00 00 00 00 00 00 00 20
            6b 01 2d a9 67 72 6f 75 70 31 00 47 74 71 38 67
            59 30 34 30 4d 30 30 2f 30 30 2f 30 30 2f 66 77
            41 41 41 32 73 42 4c 61 6d 45 4b 56 55 64 41 41
            41 41 41 47 74 71 38 67 59 33 31 34 2e 74 78 74
            41 50 50 45 4e 44 45 52 2d 50 41 52 54 2d 31 0a
            41 50 50 45 4e 44 45 52 2d 50 41 52 54 2d 32 0a
            """);

    /** wire-captures/appender.txt: SYNC_UPDATE_FILE (18) that repairs the failed append, garbage after the group's NUL. */
    static final byte[] SYNC_UPDATE_APPENDER_CAPTURED = hex("""
            00 00 00 00 00 00 00 70 12 00   # header
            00 00 00 00 00 00 00 2c 00 00 00 00 00 00 00 20
            6b 01 2d a9 67 72 6f 75 70 31 00 47 74 71 38 67
            59 33 31 34 4d 30 30 2f 30 30 2f 30 30 2f 66 77
            41 41 41 32 73 42 4c 61 6d 45 4b 56 55 64 41 41
            41 41 41 47 74 71 38 67 59 33 31 34 2e 74 78 74
            41 50 50 45 4e 44 45 52 2d 50 41 52 54 2d 31 0a
            41 50 50 45 4e 44 45 52 2d 50 41 52 54 2d 32 0a
            """);

    /** wire-captures/id_mode_upload_download.txt: SYNC_CREATE_FILE (16) between the id-mode storages, garbage after the group's NUL. */
    static final byte[] SYNC_CREATE_ID_MODE_CAPTURED = hex("""
            00 00 00 00 00 00 00 7d 10 00   # header
            00 00 00 00 00 00 00 2c 00 00 00 00 00 00 00 2d
            6b 01 33 f7 67 72 6f 75 70 31 00 7f 00 00 5c 2f
            37 54 77 55 4d 30 30 2f 30 30 2f 30 31 2f 6f 59
            59 42 41 47 73 42 4d 5f 65 41 51 66 42 4f 41 41
            41 41 4c 65 69 73 30 76 49 39 37 39 2e 74 78 74
            48 65 6c 6c 6f 20 46 61 73 74 44 46 53 20 77 69
            72 65 20 63 61 70 74 75 72 65 21 20 30 31 32 33
            34 35 36 37 38 39 61 62 63 64 65 66 0a
            """);

    /** wire-captures/delete.txt: SYNC_DELETE_FILE (17) of the data file. */
    static final byte[] SYNC_DELETE = hex("""
            00 00 00 00 00 00 00 40 11 00   # header
            6b 01 2d af 67 72 6f 75 70 31 00 00 00 00 00 00
            00 00 00 00 4d 30 30 2f 30 30 2f 30 30 2f 66 77
            41 41 41 6d 73 42 4c 5a 53 41 4d 70 73 76 41 41
            41 41 4c 65 69 73 30 76 49 35 32 37 2e 74 78 74
            """);

    /** wire-captures/delete.txt: SYNC_DELETE_FILE (17) of its "-m" metadata file. */
    static final byte[] SYNC_DELETE_META = hex("""
            00 00 00 00 00 00 00 42 11 00   # header
            6b 01 2d af 67 72 6f 75 70 31 00 00 00 00 00 00
            00 00 00 00 4d 30 30 2f 30 30 2f 30 30 2f 66 77
            41 41 41 6d 73 42 4c 5a 53 41 4d 70 73 76 41 41
            41 41 4c 65 69 73 30 76 49 35 32 37 2e 74 78 74
            2d 6d
            """);

    /** wire-captures/id_mode_upload_download.txt: SYNC_DELETE_FILE answered ENOENT (the sender counts it as success). */
    static final byte[] SYNC_DELETE_REPLY_ENOENT = hex("""
            00 00 00 00 00 00 00 00 64 02   # header
            """);

    /** wire-captures/appender.txt: SYNC_APPEND_FILE (25), 16 bytes at offset 16. */
    static final byte[] SYNC_APPEND = hex("""
            00 00 00 00 00 00 00 68 19 00   # header
            00 00 00 00 00 00 00 2c 00 00 00 00 00 00 00 10
            00 00 00 00 00 00 00 10 6b 01 2d a9 67 72 6f 75
            70 31 00 00 00 00 00 00 00 00 00 00 4d 30 30 2f
            30 30 2f 30 30 2f 66 77 41 41 41 32 73 42 4c 61
            6d 45 4b 56 55 64 41 41 41 41 41 47 74 71 38 67
            59 33 31 34 2e 74 78 74 41 50 50 45 4e 44 45 52
            2d 50 41 52 54 2d 32 0a
            """);


    /** SYNC_CREATE_FILE (16) with header status 17 (EEXIST): content omitted, the body ends after the name (§5.2, §1.5). */
    static final byte[] SYNC_CREATE_OMITTED = concat(hex("""
            00 00 00 00 00 00 00 50 10 11   # header: pkg_len 80 = 36 + 44, cmd 16, status 17
            00 00 00 00 00 00 00 2c         # filename_len 44
            00 00 00 00 00 00 00 2d         # file_size 45 (no content follows)
            6b 01 2d 94                     # timestamp 1795239316
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00   # group[16] "group1"
            """), ascii(FILE));

    /** REPORT_SERVER_ID (9): id "100001" in 16 bytes (§5.1). */
    static final byte[] REPORT_SERVER_ID = hex("""
            00 00 00 00 00 00 00 10 09 00   # header: pkg_len 16, cmd 9
            31 30 30 30 30 31 00 00 00 00 00 00 00 00 00 00   # server id[16] "100001"
            """);

    /** SYNC_MODIFY_FILE (35): "XYZW" at offset 6 of APPENDER (§5.2). */
    static final byte[] SYNC_MODIFY = concat(hex("""
            00 00 00 00 00 00 00 5c 23 00   # header: pkg_len 92 = 44 + 44 + 4, cmd 35
            00 00 00 00 00 00 00 2c         # filename_len 44
            00 00 00 00 00 00 00 06         # start_offset 6
            00 00 00 00 00 00 00 04         # modify_bytes 4
            6b 01 2d c0                     # timestamp 1795239360
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00   # group[16] "group1"
            """), ascii(APPENDER), ascii("XYZW"));

    /** SYNC_TRUNCATE_FILE (37): APPENDER from 32 to 10 bytes (§5.2). */
    static final byte[] SYNC_TRUNCATE = concat(hex("""
            00 00 00 00 00 00 00 58 25 00   # header: pkg_len 88 = 44 + 44, cmd 37
            00 00 00 00 00 00 00 2c         # filename_len 44
            00 00 00 00 00 00 00 20         # old_size 32
            00 00 00 00 00 00 00 0a         # new_size 10
            6b 01 2d c1                     # timestamp 1795239361
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00   # group[16] "group1"
            """), ascii(APPENDER));

    /** SYNC_CREATE_LINK (19): SLAVE as a link to SLAVE_DATA (§5.2). */
    static final byte[] SYNC_CREATE_LINK = concat(hex("""
            00 00 00 00 00 00 00 84 13 00   # header: pkg_len 132 = 36 + 52 + 44, cmd 19
            00 00 00 00 00 00 00 34         # dest_len 52
            00 00 00 00 00 00 00 2c         # src_len 44
            6b 01 2d c2                     # timestamp 1795239362
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00   # group[16] "group1"
            """), ascii(SLAVE), ascii(SLAVE_DATA));

    /** SYNC_RENAME_FILE (40): APPENDER renamed to REGENERATED (§5.2). */
    static final byte[] SYNC_RENAME = concat(hex("""
            00 00 00 00 00 00 00 7c 28 00   # header: pkg_len 124 = 36 + 44 + 44, cmd 40
            00 00 00 00 00 00 00 2c         # dest_len 44 (the new name)
            00 00 00 00 00 00 00 2c         # src_len 44 (the old name)
            6b 01 2d b4                     # timestamp 1795239348
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00   # group[16] "group1"
            """), ascii(REGENERATED), ascii(APPENDER));

    /** FETCH_ONE_PATH_BINLOG (26): group1, store path 0 (§5.7). */
    static final byte[] FETCH_ONE_PATH_BINLOG = hex("""
            00 00 00 00 00 00 00 11 1a 00   # header: pkg_len 17, cmd 26
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00   # group[16] "group1"
            00                              # store_path_index 0
            """);

    /** Its reply: header with pkg_len 2^58, two binlog lines, the 8-byte trailer (§5.7). */
    static final byte[] FETCH_ONE_PATH_BINLOG_REPLY = concat(hex("""
            04 00 00 00 00 00 00 00 64 00   # header: pkg_len 2^58 ("unknown"), RESP, status 0
            """), ascii("1795239316 C " + FILE + "\n"), ascii("1795239362 L " + SLAVE + " " + SLAVE_DATA + "\n"), hex("""
            00 00 00 00 00 00 00 a9         # trailer: 169 = 58 + 111 line bytes
            """));

    /** The trunk slot used below: path 0, dirs 01/02, trunk file 7, offset 4096, size 1024 (§5.8). */
    static final String TRUNK_INFO_HEX = """
            00                              # store_path_index 0
            01                              # sub_path_high 1
            02                              # sub_path_low 2
            00 00 00 07                     # trunk file id 7
            00 00 10 00                     # offset 4096
            00 00 04 00                     # size 1024
            """;

    /** TRUNK_ALLOC_SPACE (27): group1, 1024 bytes, store path 0 (§5.8). */
    static final byte[] TRUNK_ALLOC_SPACE = hex("""
            00 00 00 00 00 00 00 15 1b 00   # header: pkg_len 21, cmd 27
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00   # group[16] "group1"
            00 00 04 00                     # file_size 1024
            00                              # store_path_index 0
            """);

    /** Its reply: the 15-byte trunk info block. */
    static final byte[] TRUNK_ALLOC_SPACE_REPLY = hex("""
            00 00 00 00 00 00 00 0f 64 00   # header: pkg_len 15, RESP
            """ + TRUNK_INFO_HEX);

    /** TRUNK_ALLOC_CONFIRM (28), header status 0: the upload used the slot (§5.8). */
    static final byte[] TRUNK_ALLOC_CONFIRM = hex("""
            00 00 00 00 00 00 00 1f 1c 00   # header: pkg_len 31, cmd 28, status 0 (confirm)
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00   # group[16] "group1"
            """ + TRUNK_INFO_HEX);

    /** TRUNK_ALLOC_CONFIRM (28), header status 17: the upload failed with EEXIST, the slot goes back. */
    static final byte[] TRUNK_ALLOC_CONFIRM_FAILED = hex("""
            00 00 00 00 00 00 00 1f 1c 11   # header: pkg_len 31, cmd 28, status 17 (EEXIST)
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00   # group[16] "group1"
            """ + TRUNK_INFO_HEX);

    /** TRUNK_FREE_SPACE (29): release the slot (§5.8). */
    static final byte[] TRUNK_FREE_SPACE = hex("""
            00 00 00 00 00 00 00 1f 1d 00   # header: pkg_len 31, cmd 29
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00   # group[16] "group1"
            """ + TRUNK_INFO_HEX);

    /** The trunk binlog lines of TRUNK_SYNC_BINLOG below ("timestamp op path high low id offset size"). */
    static final String TRUNK_LINES = "1795239400 A 0 1 2 7 4096 1024\n1795239401 D 0 1 2 7 4096 1024\n";

    /** TRUNK_SYNC_BINLOG (30): two trunk binlog lines (§5.8; layout from trunk_sync.c). */
    static final byte[] TRUNK_SYNC_BINLOG = concat(hex("""
            00 00 00 00 00 00 00 3e 1e 00   # header: pkg_len 62 = 2 lines of 31 bytes, cmd 30
            """), ascii(TRUNK_LINES));

    /** TRUNK_GET_BINLOG_SIZE (31): header only. */
    static final byte[] TRUNK_GET_BINLOG_SIZE = hex("00 00 00 00 00 00 00 00 1f 00   # pkg_len 0, cmd 31");

    /** Its reply: the trunk binlog size, 8 bytes. */
    static final byte[] TRUNK_GET_BINLOG_SIZE_REPLY = hex("""
            00 00 00 00 00 00 00 08 64 00   # header: pkg_len 8, RESP
            00 00 00 00 00 01 e2 40         # binlog size 123456
            """);

    /** TRUNK_DELETE_BINLOG_MARKS (32): header only. */
    static final byte[] TRUNK_DELETE_BINLOG_MARKS = hex("00 00 00 00 00 00 00 00 20 00   # pkg_len 0, cmd 32");

    /** TRUNK_TRUNCATE_BINLOG_FILE (33): header only. */
    static final byte[] TRUNK_TRUNCATE_BINLOG_FILE = hex("00 00 00 00 00 00 00 00 21 00   # pkg_len 0, cmd 33");
}
