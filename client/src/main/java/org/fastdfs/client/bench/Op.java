package org.fastdfs.client.bench;

import java.util.Locale;

/** The operations a benchmark can run. */
public enum Op {
    /** UPLOAD_FILE of an in-memory payload. */
    UPLOAD("upload"),
    /** DOWNLOAD_FILE of a file uploaded in the setup phase (or read from --ids-in) to a discarding stream. */
    DOWNLOAD("download"),
    /** DELETE_FILE of a file uploaded in the setup phase (or read from --ids-in); each file once. */
    DELETE("delete"),
    /** SET_METADATA (overwrite, two items) on an existing file. */
    META_SET("meta-set"),
    /** GET_METADATA of an existing file that has metadata. */
    META_GET("meta-get"),
    /**
     * QUERY_FETCH_ONE of an existing file: the tracker's answer where to download it from, as for an HTTP
     * URL, with no storage involved (a download is this plus the storage's part).
     */
    LOCATE("locate");

    private final String label;

    Op(String label) {
        this.label = label;
    }

    /** The name used on the command line and in results ("meta-set"). */
    public String label() {
        return label;
    }

    /** True when the operation works on a file that exists before it runs. */
    public boolean needsFile() {
        return this != UPLOAD;
    }

    public static Op parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        for (Op op : values()) {
            if (op.label.equals(s)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown operation '" + text
                + "' (use upload, download, delete, meta-set, meta-get or locate)");
    }

    @Override
    public String toString() {
        return label;
    }
}
