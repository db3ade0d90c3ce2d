package org.fastdfs.proto.storage;

import static org.fastdfs.proto.FrameFixtures.ascii;
import static org.fastdfs.proto.FrameFixtures.concat;
import static org.fastdfs.proto.FrameFixtures.hex;

/**
 * Golden client → storage frames. Those named after a capture are copied from
 * /work/shared/wire-captures (FastDFS 6.16.1; no body there is cut at 256 bytes, so every frame is
 * complete). The others are written by hand from the PROTOCOL.md §3 tables, field by field; long file
 * names are spelled with {@code ascii(...)} to keep them readable.
 */
final class StorageClientFrames {

    /** The uploaded file of upload.txt (45 bytes, IP 127.0.0.2). */
    static final String FILE = "M00/00/00/fwAAAmsBLZSAMpsvAAAALeis0vI527.txt";
    /** The appender file of appender.txt (IP 127.0.0.3). */
    static final String APPENDER = "M00/00/00/fwAAA2sBLamEKVUdAAAAAGtq8gY314.txt";
    /** The master file of PROTOCOL.md §6.1. */
    static final String MASTER = "M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg";
    /** Its slave with prefix "_150x150" and extension "jpg", PROTOCOL.md §6.8. */
    static final String SLAVE = "M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123_150x150.jpg";
    /** A normal-file name for the appender after REGENERATE (127.0.0.3, size 32, crc 0x445b63e8). */
    static final String REGENERATED = "M00/00/00/fwAAA2sBLbSAAAAAAAAAIERbY-g314.txt";
    /** A fresh name for a CREATE_LINK result (127.0.0.2, size 45, crc 0xe8acd2f2). */
    static final String LINKED = "M00/00/00/fwAAAmsBLcCAAAAAAAAALeis0vI528.txt";

    private StorageClientFrames() {
    }

    /** wire-captures/upload.txt: UPLOAD_FILE (11) of 45 bytes, store path 0, extension "txt". */
    static final byte[] UPLOAD = hex("""
            00 00 00 00 00 00 00 3c 0b 00   # header
            00 00 00 00 00 00 00 00 2d 74 78 74 00 00 00 48
            65 6c 6c 6f 20 46 61 73 74 44 46 53 20 77 69 72
            65 20 63 61 70 74 75 72 65 21 20 30 31 32 33 34
            35 36 37 38 39 61 62 63 64 65 66 0a
            """);

    /** wire-captures/upload.txt: the reply, group1 + M00/00/00/fwAAAmsBLZSAMpsvAAAALeis0vI527.txt. */
    static final byte[] UPLOAD_REPLY = hex("""
            00 00 00 00 00 00 00 3c 64 00   # header
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00
            4d 30 30 2f 30 30 2f 30 30 2f 66 77 41 41 41 6d
            73 42 4c 5a 53 41 4d 70 73 76 41 41 41 41 4c 65
            69 73 30 76 49 35 32 37 2e 74 78 74
            """);

    /** wire-captures/id_mode_upload_download.txt: the second upload's reply, a name that encodes server id 100002. */
    static final byte[] ID_MODE_UPLOAD_REPLY = hex("""
            00 00 00 00 00 00 00 3c 64 00   # header
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00
            4d 30 30 2f 30 30 2f 30 31 2f 6f 6f 59 42 41 47
            73 42 4d 5f 65 41 66 4a 6c 36 41 41 41 41 4c 65
            69 73 30 76 49 35 30 32 2e 74 78 74
            """);

    /** wire-captures/appender.txt: UPLOAD_APPENDER_FILE (23) of 16 bytes, store path 0, extension "txt". */
    static final byte[] UPLOAD_APPENDER = hex("""
            00 00 00 00 00 00 00 1f 17 00   # header
            00 00 00 00 00 00 00 00 10 74 78 74 00 00 00 41
            50 50 45 4e 44 45 52 2d 50 41 52 54 2d 31 0a
            """);

    /** wire-captures/appender.txt: the reply naming the appender file. */
    static final byte[] UPLOAD_APPENDER_REPLY = hex("""
            00 00 00 00 00 00 00 3c 64 00   # header
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00
            4d 30 30 2f 30 30 2f 30 30 2f 66 77 41 41 41 32
            73 42 4c 61 6d 45 4b 56 55 64 41 41 41 41 41 47
            74 71 38 67 59 33 31 34 2e 74 78 74
            """);

    /** wire-captures/download.txt: DOWNLOAD_FILE (14) of the whole file (offset 0, bytes 0). */
    static final byte[] DOWNLOAD = hex("""
            00 00 00 00 00 00 00 4c 0e 00   # header
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00
            4d 30 30 2f 30 30 2f 30 30 2f 66 77 41 41 41 6d
            73 42 4c 5a 53 41 4d 70 73 76 41 41 41 41 4c 65
            69 73 30 76 49 35 32 37 2e 74 78 74
            """);

    /** wire-captures/download.txt: the reply, 45 raw content bytes. */
    static final byte[] DOWNLOAD_REPLY = hex("""
            00 00 00 00 00 00 00 2d 64 00   # header
            48 65 6c 6c 6f 20 46 61 73 74 44 46 53 20 77 69
            72 65 20 63 61 70 74 75 72 65 21 20 30 31 32 33
            34 35 36 37 38 39 61 62 63 64 65 66 0a
            """);

    /** wire-captures/download_range.txt: DOWNLOAD_FILE (14) with offset 6, bytes 10. */
    static final byte[] DOWNLOAD_RANGE = hex("""
            00 00 00 00 00 00 00 4c 0e 00   # header
            00 00 00 00 00 00 00 06 00 00 00 00 00 00 00 0a
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00
            4d 30 30 2f 30 30 2f 30 30 2f 66 77 41 41 41 6d
            73 42 4c 5a 53 41 4d 70 73 76 41 41 41 41 4c 65
            69 73 30 76 49 35 32 37 2e 74 78 74
            """);

    /** wire-captures/download_range.txt: the reply, 10 raw bytes. */
    static final byte[] DOWNLOAD_RANGE_REPLY = hex("""
            00 00 00 00 00 00 00 0a 64 00   # header
            46 61 73 74 44 46 53 20 77 69
            """);

    /** wire-captures/error_not_found.txt: DOWNLOAD_FILE of a deleted file, ENOENT with an empty body. */
    static final byte[] DOWNLOAD_NOT_FOUND_REPLY = hex("""
            00 00 00 00 00 00 00 00 64 02   # header
            """);

    /** wire-captures/delete.txt: DELETE_FILE (12). */
    static final byte[] DELETE = hex("""
            00 00 00 00 00 00 00 3c 0c 00   # header
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00
            4d 30 30 2f 30 30 2f 30 30 2f 66 77 41 41 41 6d
            73 42 4c 5a 53 41 4d 70 73 76 41 41 41 41 4c 65
            69 73 30 76 49 35 32 37 2e 74 78 74
            """);

    /** wire-captures/delete.txt: the empty OK reply. */
    static final byte[] DELETE_REPLY = hex("""
            00 00 00 00 00 00 00 00 64 00   # header
            """);

    /** wire-captures/metadata_set.txt: SET_METADATA (13), op 'O', width=1024, height=768, author=anchor. */
    static final byte[] SET_METADATA_OVERWRITE = hex("""
            00 00 00 00 00 00 00 70 0d 00   # header
            00 00 00 00 00 00 00 2c 00 00 00 00 00 00 00 23
            4f 67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00
            00 4d 30 30 2f 30 30 2f 30 30 2f 66 77 41 41 41
            6d 73 42 4c 5a 53 41 4d 70 73 76 41 41 41 41 4c
            65 69 73 30 76 49 35 32 37 2e 74 78 74 77 69 64
            74 68 02 31 30 32 34 01 68 65 69 67 68 74 02 37
            36 38 01 61 75 74 68 6f 72 02 61 6e 63 68 6f 72
            """);

    /** wire-captures/metadata_set.txt: SET_METADATA (13), op 'M', height=600, color=blue. */
    static final byte[] SET_METADATA_MERGE = hex("""
            00 00 00 00 00 00 00 62 0d 00   # header
            00 00 00 00 00 00 00 2c 00 00 00 00 00 00 00 15
            4d 67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00
            00 4d 30 30 2f 30 30 2f 30 30 2f 66 77 41 41 41
            6d 73 42 4c 5a 53 41 4d 70 73 76 41 41 41 41 4c
            65 69 73 30 76 49 35 32 37 2e 74 78 74 68 65 69
            67 68 74 02 36 30 30 01 63 6f 6c 6f 72 02 62 6c
            75 65
            """);

    /** wire-captures/metadata_get.txt: GET_METADATA (15). */
    static final byte[] GET_METADATA = hex("""
            00 00 00 00 00 00 00 3c 0f 00   # header
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00
            4d 30 30 2f 30 30 2f 30 30 2f 66 77 41 41 41 6d
            73 42 4c 5a 53 41 4d 70 73 76 41 41 41 41 4c 65
            69 73 30 76 49 35 32 37 2e 74 78 74
            """);

    /** wire-captures/metadata_get.txt: the reply, the sidecar bytes (keys sorted after the merge). */
    static final byte[] GET_METADATA_REPLY = hex("""
            00 00 00 00 00 00 00 2e 64 00   # header
            61 75 74 68 6f 72 02 61 6e 63 68 6f 72 01 63 6f
            6c 6f 72 02 62 6c 75 65 01 68 65 69 67 68 74 02
            36 30 30 01 77 69 64 74 68 02 31 30 32 34
            """);

    /** wire-captures/file_info.txt: QUERY_FILE_INFO (22) of the appender file, header status 0. */
    static final byte[] QUERY_FILE_INFO = hex("""
            00 00 00 00 00 00 00 3c 16 00   # header
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00
            4d 30 30 2f 30 30 2f 30 30 2f 66 77 41 41 41 32
            73 42 4c 61 6d 45 4b 56 55 64 41 41 41 41 41 47
            74 71 38 67 59 33 31 34 2e 74 78 74
            """);

    /** wire-captures/file_info.txt: the 40-byte reply, size 32, crc32 0x445b63e8, source 127.0.0.3. */
    static final byte[] QUERY_FILE_INFO_REPLY = hex("""
            00 00 00 00 00 00 00 28 64 00   # header
            00 00 00 00 00 00 00 20 00 00 00 00 6b 01 2d a9
            00 00 00 00 44 5b 63 e8 31 32 37 2e 30 2e 30 2e
            33 00 00 00 00 00 00 00
            """);

    /** wire-captures/file_info.txt: QUERY_FILE_INFO (22) with flags 3 (no CRC, keep silent) in the header status byte. */
    static final byte[] QUERY_FILE_INFO_FLAGS = hex("""
            00 00 00 00 00 00 00 3c 16 03   # header
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00
            4d 30 30 2f 30 30 2f 30 30 2f 66 77 41 41 41 32
            73 42 4c 61 6d 45 4b 56 55 64 41 41 41 41 41 47
            74 71 38 67 59 33 31 34 2e 74 78 74
            """);

    /** wire-captures/file_info.txt: the reply to the flagged query, crc32 0. */
    static final byte[] QUERY_FILE_INFO_FLAGS_REPLY = hex("""
            00 00 00 00 00 00 00 28 64 00   # header
            00 00 00 00 00 00 00 20 00 00 00 00 6b 01 2d a9
            00 00 00 00 00 00 00 00 31 32 37 2e 30 2e 30 2e
            33 00 00 00 00 00 00 00
            """);

    /** wire-captures/appender.txt: APPEND_FILE (24) of 16 bytes. */
    static final byte[] APPEND = hex("""
            00 00 00 00 00 00 00 4c 18 00   # header
            00 00 00 00 00 00 00 2c 00 00 00 00 00 00 00 10
            4d 30 30 2f 30 30 2f 30 30 2f 66 77 41 41 41 32
            73 42 4c 61 6d 45 4b 56 55 64 41 41 41 41 41 47
            74 71 38 67 59 33 31 34 2e 74 78 74 41 50 50 45
            4e 44 45 52 2d 50 41 52 54 2d 32 0a
            """);


    /** QUERY_FILE_INFO reply with a CRC whose bit 31 is set, 16-byte IP (§3.8): the crc field is sign-extended. */
    static final byte[] QUERY_FILE_INFO_NEGATIVE_CRC_REPLY = hex("""
            00 00 00 00 00 00 00 28 64 00   # header: pkg_len 40, RESP, status 0
            00 00 00 00 00 00 00 2d         # file_size 45
            00 00 00 00 6b 01 2d 94         # create_timestamp 1795239316
            ff ff ff ff e8 ac d2 f2         # crc32 0xe8acd2f2 (-391326990) sign-extended
            31 32 37 2e 30 2e 30 2e 32 00 00 00 00 00 00 00   # source ip[16] "127.0.0.2"
            """);

    /** The same reply in the IPv6 width (response_ip_addr_size 46): 24 + 46 = 70 bytes (§3.8, §1.7). */
    static final byte[] QUERY_FILE_INFO_IPV6_REPLY = hex("""
            00 00 00 00 00 00 00 46 64 00   # header: pkg_len 70, RESP, status 0
            00 00 00 00 00 00 00 2d         # file_size 45
            00 00 00 00 6b 01 2d 94         # create_timestamp 1795239316
            ff ff ff ff e8 ac d2 f2         # crc32 sign-extended
            66 64 30 30 3a 3a 32 00 00 00 00 00 00 00 00 00   # source ip[46] "fd00::2" ...
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00         # ... 46 bytes in all
            """);

    /** UPLOAD_SLAVE_FILE (21) of 5 bytes "thumb" for MASTER, prefix "_150x150", ext "jpg" (§3.3). */
    static final byte[] UPLOAD_SLAVE = concat(hex("""
            00 00 00 00 00 00 00 57 15 00   # header: pkg_len 87 = 38 + 44 + 5, cmd 21
            00 00 00 00 00 00 00 2c         # master_filename_len 44
            00 00 00 00 00 00 00 05         # file_size 5
            5f 31 35 30 78 31 35 30 00 00 00 00 00 00 00 00   # prefix[16] "_150x150"
            6a 70 67 00 00 00               # ext[6] "jpg"
            """), ascii(MASTER), ascii("thumb"));

    /** The UPLOAD_SLAVE_FILE reply: group1 + the slave name (§3.3, §6.8). */
    static final byte[] UPLOAD_SLAVE_REPLY = concat(hex("""
            00 00 00 00 00 00 00 44 64 00   # header: pkg_len 68 = 16 + 52
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00   # group[16] "group1"
            """), ascii(SLAVE));

    /** MODIFY_FILE (34): write "XYZW" at offset 6 of APPENDER (§3.7). */
    static final byte[] MODIFY = concat(hex("""
            00 00 00 00 00 00 00 48 22 00   # header: pkg_len 72 = 24 + 44 + 4, cmd 34
            00 00 00 00 00 00 00 2c         # appender_filename_len 44
            00 00 00 00 00 00 00 06         # file_offset 6
            00 00 00 00 00 00 00 04         # file_size 4
            """), ascii(APPENDER), ascii("XYZW"));

    /** TRUNCATE_FILE (36): truncate APPENDER to 10 bytes (§3.7). */
    static final byte[] TRUNCATE = concat(hex("""
            00 00 00 00 00 00 00 3c 24 00   # header: pkg_len 60 = 16 + 44, cmd 36
            00 00 00 00 00 00 00 2c         # appender_filename_len 44
            00 00 00 00 00 00 00 0a         # new_size 10
            """), ascii(APPENDER));

    /** REGENERATE_APPENDER_FILENAME (38): the body is the name alone (§3.9). */
    static final byte[] REGENERATE = concat(hex("""
            00 00 00 00 00 00 00 2c 26 00   # header: pkg_len 44, cmd 38
            """), ascii(APPENDER));

    /** Its reply: group1 + the new normal-file name (§3.9). */
    static final byte[] REGENERATE_REPLY = concat(hex("""
            00 00 00 00 00 00 00 3c 64 00   # header: pkg_len 60 = 16 + 44
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00   # group[16] "group1"
            """), ascii(REGENERATED));

    /** CREATE_LINK (20) without master, to FILE, signature "e8acd2f2-0000002d", no prefix, ext "txt" (§3.10). */
    static final byte[] CREATE_LINK = concat(hex("""
            00 00 00 00 00 00 00 7b 14 00   # header: pkg_len 123 = 62 + 0 + 44 + 17, cmd 20
            00 00 00 00 00 00 00 00         # master_filename_len 0
            00 00 00 00 00 00 00 2c         # src_filename_len 44
            00 00 00 00 00 00 00 11         # src_file_sig_len 17
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00   # group[16] "group1"
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   # prefix[16] empty
            74 78 74 00 00 00               # ext[6] "txt"
                                            # master file name: none
            """), ascii(FILE), ascii("e8acd2f2-0000002d"));

    /** Its reply: group1 + the link's name (§3.10). */
    static final byte[] CREATE_LINK_REPLY = concat(hex("""
            00 00 00 00 00 00 00 3c 64 00   # header: pkg_len 60 = 16 + 44
            67 72 6f 75 70 31 00 00 00 00 00 00 00 00 00 00   # group[16] "group1"
            """), ascii(LINKED));
}
