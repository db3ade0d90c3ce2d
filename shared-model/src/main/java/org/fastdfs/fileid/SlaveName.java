package org.fastdfs.fileid;

/**
 * Slave file names (PROTOCOL.md §6.8; fdfs_gen_slave_filename, storage_upload_slave_file).
 *
 * <p>From the master's file name: if a '.' occurs within its last 7 characters, cut the name at
 * the first such dot; append the prefix; append "." + ext when ext is not empty (an ext that already
 * starts with '.' is used as is); with an empty ext the slave has no extension. The directories
 * and store path stay the master's.
 *
 * <p>Example: master {@code wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg}, prefix {@code _150x150}, ext
 * {@code jpg} → {@code wKgBCmVT8QCAEjRWAAAwORI0q80123_150x150.jpg}.
 */
public final class SlaveName {

    /** FDFS_FILE_PREFIX_MAX_LEN. */
    public static final int PREFIX_MAX_LENGTH = 16;

    private SlaveName() {
    }

    /**
     * The slave's file name (the part after "HH/LL/") for a master file name.
     *
     * @param masterFileName the master's name after "HH/LL/" (at least 28 characters, as in C)
     * @param prefix         1..16 characters of {@code [A-Za-z0-9._-]}
     * @param ext            0..6 characters of {@code [A-Za-z0-9._-]}, without the dot
     * @throws InvalidFileIdException for an empty, too long or badly formed prefix or ext, or the
     *                                prefix "-m" with no ext (it would clash with the master's
     *                                metadata sidecar)
     */
    public static String of(String masterFileName, String prefix, String ext) {
        if (prefix.isEmpty()) {
            throw new InvalidFileIdException("the slave prefix must not be empty");
        }
        ExtPart.checkChars(prefix, PREFIX_MAX_LENGTH, "slave prefix");
        ExtPart.checkChars(ext, ExtPart.EXT_MAX_LENGTH, "slave file extension");
        if (masterFileName.length() < FileIdBlock.TEXT_LENGTH + 1) {
            throw new InvalidFileIdException("master file name \"" + masterFileName + "\" is too short");
        }
        String trueExt = ext.isEmpty() ? "" : ext.startsWith(".") ? ext : "." + ext;
        if (trueExt.isEmpty() && prefix.equals(FileId.META_SUFFIX)) {
            throw new InvalidFileIdException("the slave prefix \"-m\" needs an extension: without one the slave"
                    + " name would be the master's metadata file");
        }
        int dot = masterFileName.indexOf('.', masterFileName.length() - ExtPart.LENGTH);
        String base = dot < 0 ? masterFileName : masterFileName.substring(0, dot);
        return base + prefix + trueExt;
    }
}
