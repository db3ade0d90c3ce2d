package org.fastdfs.client;

import java.util.Objects;
import org.fastdfs.fileid.FileId;
import org.fastdfs.fileid.InvalidFileIdException;
import org.fastdfs.proto.Wire;

/**
 * A stored file as the servers name it: group and remote filename. The file id clients pass around
 * is {@code group + "/" + remoteFilename}, e.g. {@code group1/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg}.
 *
 * <p>Parsing is lenient, as in the C and Java clients: the group is what precedes the first '/'.
 * The servers check the rest; {@link #parsed()} gives the structured {@link FileId} when the name
 * follows PROTOCOL.md §6.
 *
 * @param group          the group, 1..16 bytes
 * @param remoteFilename the name inside the group ("M00/00/00/..."), 1..127 bytes
 */
public record FileRef(String group, String remoteFilename) {

    public FileRef {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(remoteFilename, "remoteFilename");
        if (group.isEmpty() || group.length() > Wire.GROUP_NAME_SIZE || group.indexOf('/') >= 0) {
            throw new IllegalArgumentException("group '" + group + "' must be 1.." + Wire.GROUP_NAME_SIZE
                    + " characters without '/'");
        }
        if (remoteFilename.isEmpty() || remoteFilename.length() > FileId.REMOTE_FILENAME_MAX_LENGTH) {
            throw new IllegalArgumentException("remote filename '" + remoteFilename + "' must be 1.."
                    + FileId.REMOTE_FILENAME_MAX_LENGTH + " characters");
        }
    }

    /** Splits a file id at its first '/'. */
    public static FileRef parse(String fileId) {
        Objects.requireNonNull(fileId, "fileId");
        int slash = fileId.indexOf('/');
        if (slash <= 0 || slash == fileId.length() - 1) {
            throw new IllegalArgumentException("file id '" + fileId + "' is not group/remote_filename");
        }
        return new FileRef(fileId.substring(0, slash), fileId.substring(slash + 1));
    }

    /** {@code group/remoteFilename}. */
    public String fileId() {
        return group + "/" + remoteFilename;
    }

    /** The structured file id, or {@code null} when the name does not follow the FastDFS pattern. */
    public FileId parsed() {
        try {
            return FileId.parseRemote(group, remoteFilename);
        } catch (InvalidFileIdException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The last path element of the remote filename ("wKgB...123.jpg"). */
    public String baseName() {
        return remoteFilename.substring(remoteFilename.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return fileId();
    }
}
