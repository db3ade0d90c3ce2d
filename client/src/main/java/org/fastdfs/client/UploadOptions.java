package org.fastdfs.client;

import java.util.Map;
import java.util.Objects;
import org.fastdfs.meta.Metadata;
import org.fastdfs.proto.storage.FileFields;

/**
 * How to upload: into which group, with which extension, as an appender file or not, with which
 * metadata, reporting progress where.
 *
 * <pre>{@code
 * UploadOptions.DEFAULT.group("group2").extension("jpg").metadata(Map.of("width", "1024"))
 * }</pre>
 *
 * @param group     the group to store in; "" lets the tracker choose (QUERY_STORE 101 vs 104)
 * @param extension the extension without the dot (0..6 characters of {@code [A-Za-z0-9._-]});
 *                  {@code null} takes it from the local file name, as the C client does
 * @param appender  store an appender file (UPLOAD_APPENDER_FILE, 23) that can be appended to,
 *                  modified and truncated later
 * @param metadata  metadata set (overwrite) right after the upload, on the same storage; empty for none
 * @param progress  told about the bytes sent
 */
public record UploadOptions(String group, String extension, boolean appender, Metadata metadata,
                            ProgressListener progress) {

    /** Tracker's choice of group, extension from the file name, normal file, no metadata. */
    public static final UploadOptions DEFAULT = new UploadOptions("", null, false, Metadata.EMPTY, ProgressListener.NONE);

    public UploadOptions {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(progress, "progress");
        if (group.length() > 16) {
            throw new IllegalArgumentException("group '" + group + "' is longer than 16 characters");
        }
        if (extension != null && (extension.length() > FileFields.EXT_SIZE || !FileFields.allowedChars(extension))) {
            throw new IllegalArgumentException("extension '" + extension + "' must be at most "
                    + FileFields.EXT_SIZE + " characters of [A-Za-z0-9._-]");
        }
    }

    public UploadOptions group(String group) {
        return new UploadOptions(group == null ? "" : group, extension, appender, metadata, progress);
    }

    public UploadOptions extension(String extension) {
        return new UploadOptions(group, extension, appender, metadata, progress);
    }

    public UploadOptions appender(boolean appender) {
        return new UploadOptions(group, extension, appender, metadata, progress);
    }

    public UploadOptions metadata(Metadata metadata) {
        return new UploadOptions(group, extension, appender, metadata, progress);
    }

    /** Metadata from a map, in its iteration order. */
    public UploadOptions metadata(Map<String, String> metadata) {
        return metadata(Metadata.of(metadata));
    }

    public UploadOptions progress(ProgressListener progress) {
        return new UploadOptions(group, extension, appender, metadata, progress);
    }

    /** The extension to send for {@code content}: the explicit one, or the file name's. */
    String extensionFor(Content content) {
        return extension != null ? extension : extensionOf(content.fileName());
    }

    /**
     * The extension of a local file name as the C client takes it (fdfs_get_file_ext_name): the
     * text after the last '.', cut to 6 characters; "" when there is none or it has characters the
     * storage refuses.
     */
    public static String extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return "";
        }
        String ext = fileName.substring(dot + 1);
        if (ext.length() > FileFields.EXT_SIZE) {
            ext = ext.substring(0, FileFields.EXT_SIZE);
        }
        return FileFields.allowedChars(ext) ? ext : "";
    }
}
