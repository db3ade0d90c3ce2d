package org.fastdfs.fileid;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.fastdfs.proto.Wire;

/**
 * A FastDFS file id, {@code <group>/M<PP>/<HH>/<LL>/<name>} (PROTOCOL.md §6.1).
 *
 * <p>{@code PP} is the store path index and {@code HH}/{@code LL} the two sub-directories, each two
 * upper-case hex digits. The name starts with the 27 base64url characters of the
 * {@link FileIdBlock}; what follows is the 7-character {@link ExtPart} for normal and appender
 * files, the 16-character {@link TrunkInfo} plus the extension part for trunk files, and anything
 * derived by {@link SlaveName} for slaves. The name is kept as text, so {@link #format()} gives back
 * exactly what was parsed.
 *
 * <p>Checks ({@link InvalidFileIdException}, i.e. EINVAL): the group is 1..16 characters of
 * {@code [A-Za-z0-9]}; the remote filename is at most 127 characters; the store path is "M" + two
 * upper-case hex digits + "/" (a remote filename without the "M" prefix is a pre-1.12 name on store
 * path 0, see {@code legacyPath}); the directories are two upper-case hex digits each; the name is at
 * least 28 characters, starts with 27 base64url characters, holds no '/' and no "..",
 * and otherwise only {@code [A-Za-z0-9._-]} (and ':', which the C random-digit formula can emit).
 * The store path index is not checked against a storage's path count: the storage does that.
 *
 * @param groupName      the group, 1..16 alphanumeric characters
 * @param storePathIndex 0..255
 * @param subDirHigh     first-level directory, 0..255
 * @param subDirLow      second-level directory, 0..255
 * @param fileName       the name after "HH/LL/"
 * @param legacyPath     true for a remote filename written without the "Mxx/" prefix (store path 0)
 */
public record FileId(String groupName, int storePathIndex, int subDirHigh, int subDirLow, String fileName,
        boolean legacyPath) {

    /** FDFS_GROUP_NAME_MAX_LEN. */
    public static final int GROUP_NAME_MAX_LENGTH = Wire.GROUP_NAME_SIZE;
    /** Remote filenames must be shorter than 128 bytes (the C buffers are char[128]). */
    public static final int REMOTE_FILENAME_MAX_LENGTH = 127;
    /** FDFS_LOGIC_FILE_PATH_LEN: "M00/00/00/". */
    public static final int LOGIC_PATH_LENGTH = 10;
    /** FDFS_TRUE_FILE_PATH_LEN: "00/00/". */
    public static final int TRUE_PATH_LENGTH = 6;
    /** Length of a normal or appender name (after "HH/LL/"): block text + extension part. */
    public static final int NORMAL_FILE_NAME_LENGTH = FileIdBlock.TEXT_LENGTH + ExtPart.LENGTH;
    /**
     * The shortest name: the block text and one more character. Slave names can be shorter than
     * normal ones (master ".abcdef" + prefix "_t" + ".gz" gives 27 + 5 characters).
     */
    public static final int MIN_FILE_NAME_LENGTH = FileIdBlock.TEXT_LENGTH + 1;
    /** Length of a trunk name (after "HH/LL/"). */
    public static final int TRUNK_FILE_NAME_LENGTH = FileIdBlock.TEXT_LENGTH + TrunkInfo.TEXT_LENGTH + ExtPart.LENGTH;
    /** FDFS_STORAGE_META_FILE_EXT_STR: the metadata sidecar suffix. */
    public static final String META_SUFFIX = "-m";
    /** FDFS_STORAGE_STORE_PATH_PREFIX_CHAR. */
    public static final char STORE_PATH_PREFIX = 'M';
    /** The directory under a store path that holds the data directories. */
    public static final String DATA_DIR = "data";

        public FileId {
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(fileName, "fileName");
        validateGroupName(groupName);
        NameRules.checkByte(storePathIndex, "store path index");
        NameRules.checkByte(subDirHigh, "first-level directory");
        NameRules.checkByte(subDirLow, "second-level directory");
        if (legacyPath && storePathIndex != 0) {
            throw new InvalidFileIdException("a remote filename without the \"Mxx/\" prefix is on store path 0, not "
                    + storePathIndex);
        }
        NameRules.validateFileName(fileName);
        int remoteLength = (legacyPath ? TRUE_PATH_LENGTH : LOGIC_PATH_LENGTH) + fileName.length();
        if (remoteLength > REMOTE_FILENAME_MAX_LENGTH) {
            throw new InvalidFileIdException("remote filename of " + remoteLength + " characters is longer than "
                    + REMOTE_FILENAME_MAX_LENGTH + ": \"" + fileName + "\"");
        }
    }

    /** A file id with the "Mxx/" prefix (every name FastDFS generates since 1.12). */
    public FileId(String groupName, int storePathIndex, int subDirHigh, int subDirLow, String fileName) {
        this(groupName, storePathIndex, subDirHigh, subDirLow, fileName, false);
    }

    // ------------------------------------------------------------------ parsing

    /**
     * Parses {@code "group1/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg"}: the group is what comes
     * before the first '/', as the C and Java clients split it.
     */
    public static FileId parse(CharSequence fileId) {
        String s = fileId.toString();
        int slash = s.indexOf('/');
        if (slash < 0) {
            throw new InvalidFileIdException("file id \"" + s + "\" has no '/' between the group and the remote filename");
        }
        return parseRemote(s.substring(0, slash), s.substring(slash + 1));
    }

    /** Parses a remote filename ("M00/00/00/...") that belongs to {@code groupName}. */
    public static FileId parseRemote(String groupName, String remoteFilename) {
        validateGroupName(groupName);
        String r = remoteFilename;
        if (r.length() > REMOTE_FILENAME_MAX_LENGTH) {
            throw new InvalidFileIdException("remote filename of " + r.length() + " characters is longer than "
                    + REMOTE_FILENAME_MAX_LENGTH + ": \"" + r + "\"");
        }
        int storePath = 0;
        boolean legacy = true;
        String rest = r;
        if (!r.isEmpty() && r.charAt(0) == STORE_PATH_PREFIX) {
            if (r.length() <= LOGIC_PATH_LENGTH) {
                throw new InvalidFileIdException("remote filename \"" + r + "\" is too short");
            }
            if (r.charAt(3) != '/') {
                throw new InvalidFileIdException("remote filename \"" + r
                        + "\" must start with \"M\", two upper-case hex digits and '/'");
            }
            storePath = NameRules.hexByte(r, 1, "store path index");
            legacy = false;
            rest = r.substring(4);
        }
        if (rest.length() < TRUE_PATH_LENGTH || rest.charAt(2) != '/' || rest.charAt(5) != '/') {
            throw new InvalidFileIdException("remote filename \"" + r
                    + "\" must be \"Mxx/HH/LL/name\" with two upper-case hex digits per directory");
        }
        int high = NameRules.hexByte(rest, 0, "first-level directory");
        int low = NameRules.hexByte(rest, 3, "second-level directory");
        return new FileId(groupName, storePath, high, low, rest.substring(TRUE_PATH_LENGTH), legacy);
    }

    // ---------------------------------------------------------------- building

    /**
     * A normal or appender file id: the block's text followed by the 7-character extension part.
     *
     * @param extPart from {@link ExtPart#format}
     */
    public static FileId of(String groupName, int storePathIndex, int subDirHigh, int subDirLow,
            FileIdBlock block, String extPart) {
        if (block.isTrunk()) {
            throw new IllegalArgumentException("a trunk block needs its trunk part: use FileId.trunk");
        }
        return new FileId(groupName, storePathIndex, subDirHigh, subDirLow,
                block.encode() + ExtPart.validateExtPart(extPart));
    }

    /** A trunk file id (60-character remote filename): block text + trunk part + extension part (§6.7). */
    public static FileId trunk(String groupName, int storePathIndex, int subDirHigh, int subDirLow,
            FileIdBlock block, TrunkInfo trunk, String extPart) {
        if (!block.isTrunk()) {
            throw new IllegalArgumentException("a trunk file id needs a block made with FileIdBlock.trunk");
        }
        return new FileId(groupName, storePathIndex, subDirHigh, subDirLow,
                block.encode() + trunk.encode() + ExtPart.validateExtPart(extPart));
    }

    /**
     * The slave of this (master) file: same group, store path and directories; the name from
     * {@link SlaveName#of}.
     */
    public FileId slave(String prefix, String ext) {
        return new FileId(groupName, storePathIndex, subDirHigh, subDirLow, SlaveName.of(fileName, prefix, ext),
                legacyPath);
    }

    /**
     * The normal-file name REGENERATE_APPENDER_FILENAME (§3.9) gives this appender file: a new block
     * for {@code size}, {@code crc32} and {@code timestamp} from {@code source} (the storage doing
     * the rename), the same store path and directories, and the same last 7 characters.
     *
     * @throws InvalidFileIdException if this is not an appender file
     */
    public FileId regenerated(FileSource source, long timestamp, long size, int crc32, int random23) {
        if (fileType() != FileType.APPENDER) {
            throw new InvalidFileIdException("\"" + remoteFilename() + "\" is not an appender file");
        }
        FileIdBlock block = FileIdBlock.normal(source, timestamp, size, crc32, random23);
        return new FileId(groupName, storePathIndex, subDirHigh, subDirLow,
                block.encode() + fileName.substring(fileName.length() - ExtPart.LENGTH), legacyPath);
    }

    /** The same file in another group (e.g. to build a reply). */
    public FileId withGroup(String otherGroup) {
        return new FileId(otherGroup, storePathIndex, subDirHigh, subDirLow, fileName, legacyPath);
    }

    // -------------------------------------------------------------- formatting

    /** The full file id, exactly as parsed: {@code group/Mxx/HH/LL/name}. */
    public String format() {
        return groupName + "/" + remoteFilename();
    }

    @Override
    public String toString() {
        return format();
    }

    /** The remote filename: {@code Mxx/HH/LL/name} (or {@code HH/LL/name} for a legacy name). */
    public String remoteFilename() {
        StringBuilder b = new StringBuilder(LOGIC_PATH_LENGTH + fileName.length());
        if (!legacyPath) {
            b.append(STORE_PATH_PREFIX).append(NameRules.hex2(storePathIndex)).append('/');
        }
        return b.append(NameRules.hex2(subDirHigh)).append('/')
                .append(NameRules.hex2(subDirLow)).append('/')
                .append(fileName).toString();
    }

    /** The remote filename's length as FastDFS counts it for the file type: with the "Mxx/" prefix. */
    public int logicLength() {
        return LOGIC_PATH_LENGTH + fileName.length();
    }

    // ----------------------------------------------------------- on-disk paths

    /** The data file relative to its store path: {@code data/HH/LL/name} (§6.9). */
    public String relativePath() {
        return dataDir(subDirHigh, subDirLow) + fileName;
    }

    /** The metadata sidecar's name: {@code name-m}. */
    public String metaFileName() {
        return fileName + META_SUFFIX;
    }

    /** The metadata sidecar relative to its store path: {@code data/HH/LL/name-m}. */
    public String metaRelativePath() {
        return relativePath() + META_SUFFIX;
    }

    /** The sidecar's remote filename as the binlog records it: {@code Mxx/HH/LL/name-m}. */
    public String metaRemoteFilename() {
        return remoteFilename() + META_SUFFIX;
    }

    /**
     * Checks a group name: 1..16 characters of {@code [A-Za-z0-9]} (fdfs_validate_group_name).
     *
     * @return the name
     * @throws InvalidFileIdException if it is empty, too long or has other characters
     */
    public static String validateGroupName(String groupName) {
        return NameRules.validateGroupName(groupName);
    }

    /** {@code data/HH/LL/}. */
    static String dataDir(int subDirHigh, int subDirLow) {
        NameRules.checkByte(subDirHigh, "first-level directory");
        NameRules.checkByte(subDirLow, "second-level directory");
        return DATA_DIR + "/" + NameRules.hex2(subDirHigh) + "/" + NameRules.hex2(subDirLow) + "/";
    }

    // ----------------------------------------------------------- derived facts

    /** The 27 base64url characters at the start of the name. */
    public String blockText() {
        return fileName.substring(0, FileIdBlock.TEXT_LENGTH);
    }

    /** The decoded block. */
    public FileIdBlock block() {
        return FileIdBlock.decode(blockText());
    }

    /** NORMAL, APPENDER, SLAVE or TRUNK, by the rule of §6.6 (see {@link FileType}). */
    public FileType fileType() {
        return FileType.of(logicLength(), block().sizeWord());
    }

    /** The file size for NORMAL and TRUNK files; empty for APPENDER and SLAVE files (query it). */
    public OptionalLong sizeFromName() {
        return fileType().sizeInName() ? OptionalLong.of(block().sizeFromWord()) : OptionalLong.empty();
    }

    /** True when the size is not in the name (APPENDER and SLAVE files). */
    public boolean mustQuerySize() {
        return fileType().mustQuerySize();
    }

    /** The CRC32 for NORMAL and TRUNK files; empty for APPENDER and SLAVE files (it must be computed). */
    public OptionalInt crc32FromName() {
        return fileType().sizeInName() ? OptionalInt.of(block().crc32()) : OptionalInt.empty();
    }

    /** The source storage: an IPv4 address or a server id. */
    public FileSource source() {
        return block().source();
    }

    /** The source IP text when the name holds an IPv4 address. */
    public Optional<String> sourceIp() {
        return source() instanceof FileSource.Ipv4 ip ? Optional.of(ip.text()) : Optional.empty();
    }

    /** The source server id when the name holds one. */
    public OptionalInt sourceServerId() {
        return source() instanceof FileSource.ServerId id ? OptionalInt.of(id.id()) : OptionalInt.empty();
    }

    /** The create timestamp (unix seconds) from the name. */
    public long createTimestamp() {
        return block().createTimestamp();
    }

    /** The create time from the name. */
    public Instant createTime() {
        return block().createTime();
    }

    /**
     * The 7-character extension part of a normal, appender or trunk name (its last 7 characters).
     *
     * @throws IllegalStateException for other (slave) names, which have no such part
     */
    public String extPart() {
        if (fileName.length() != NORMAL_FILE_NAME_LENGTH && fileName.length() != TRUNK_FILE_NAME_LENGTH) {
            throw new IllegalStateException("\"" + fileName + "\" is not a normal or trunk name: no extension part");
        }
        return fileName.substring(fileName.length() - ExtPart.LENGTH);
    }

    /** The file's extension without the dot ("jpg"), or "" (see {@link ExtPart#extensionOf}). */
    public String extension() {
        return ExtPart.extensionOf(fileName);
    }

    /**
     * The trunk slot, when the content lives in a trunk file: the name has the trunk length (60 with
     * the prefix) and the size word has the trunk bit, which is how the storage decides.
     */
    public Optional<TrunkInfo> trunkInfo() {
        if (fileName.length() != TRUNK_FILE_NAME_LENGTH || !block().isTrunk()) {
            return Optional.empty();
        }
        return Optional.of(TrunkInfo.decode(
                fileName.substring(FileIdBlock.TEXT_LENGTH, FileIdBlock.TEXT_LENGTH + TrunkInfo.TEXT_LENGTH)));
    }
}
