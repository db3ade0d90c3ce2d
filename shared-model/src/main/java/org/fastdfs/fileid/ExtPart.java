package org.fastdfs.fileid;

import java.util.random.RandomGenerator;

/**
 * The file extension and the 7-character extension part ("E7") that ends a generated file name
 * (PROTOCOL.md §6.4, storage_format_ext_name):
 *
 * <ul>
 *   <li>no extension: 7 random decimal digits ({@code "4821093"});</li>
 *   <li>an extension of k characters (1..6): 6 - k random digits, ".", the extension
 *       ({@code "jpg"} → {@code "123.jpg"}, {@code "abcdef"} → {@code ".abcdef"}).</li>
 * </ul>
 *
 * <p>The random digits are always supplied by the caller (as text or through a
 * {@link RandomGenerator}).
 *
 * <p>Extensions sent by clients (upload, slave upload) may hold only {@code [A-Za-z0-9._-]}
 * and at most 6 characters (fdfs_validate_filename; the request field is 6 bytes).
 */
public final class ExtPart {

    /** Characters in the extension part. */
    public static final int LENGTH = 7;
    /** FDFS_FILE_EXT_NAME_MAX_LEN. */
    public static final int EXT_MAX_LENGTH = 6;

    private ExtPart() {
    }

    /** True for the characters FastDFS allows in extensions and prefixes: {@code [A-Za-z0-9._-]}. */
    public static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.';
    }

    /**
     * Checks an extension (without the dot) as the storage does for uploads: at most 6 characters
     * of {@code [A-Za-z0-9._-]} (empty is allowed: no extension). We also refuse an extension that
     * starts with '.' or contains "..", because the file name would then contain ".." (which
     * {@link FileId} rejects); FastDFS itself accepts those.
     *
     * @throws InvalidFileIdException if the extension is not acceptable
     */
    public static String validateExt(String ext) {
        checkChars(ext, EXT_MAX_LENGTH, "file extension");
        if (ext.startsWith(".") || ext.contains("..")) {
            throw new InvalidFileIdException("file extension \"" + ext
                    + "\" would put \"..\" in the file name (give it without the leading dot)");
        }
        return ext;
    }

    /** Checks text made of name characters only, at most {@code max} long. */
    static void checkChars(String text, int max, String what) {
        if (text.length() > max) {
            throw new InvalidFileIdException(what + " \"" + text + "\" is longer than " + max + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isNameChar(text.charAt(i))) {
                throw new InvalidFileIdException(what + " \"" + text + "\" contains '" + text.charAt(i)
                        + "': only [A-Za-z0-9._-] are allowed");
            }
        }
    }

    /** How many random digits the extension part of {@code ext} needs: 7 for none, else 6 - length. */
    public static int randomDigitCount(String ext) {
        return ext.isEmpty() ? LENGTH : EXT_MAX_LENGTH - ext.length();
    }

    /**
     * Formats the extension part from the given digits.
     *
     * @param ext    the extension without the dot, validated with {@link #validateExt}
     * @param digits exactly {@link #randomDigitCount(String)} characters '0'..'9'
     */
    public static String format(String ext, CharSequence digits) {
        validateExt(ext);
        int n = randomDigitCount(ext);
        if (digits.length() != n || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("extension \"" + ext + "\" needs " + n + " decimal digits, got \""
                    + digits + "\"");
        }
        return ext.isEmpty() ? digits.toString() : digits + "." + ext;
    }

    /** Formats the extension part, drawing the digits from {@code random}. */
    public static String format(String ext, RandomGenerator random) {
        int n = randomDigitCount(validateExt(ext));
        StringBuilder digits = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return format(ext, digits);
    }

    /**
     * Checks a 7-character extension part taken from a name: 7 characters of {@code [A-Za-z0-9._-]}.
     * (':' is tolerated too: the C digit formula can produce it, once in 2^31 draws.)
     */
    public static String validateExtPart(String part) {
        if (part.length() != LENGTH) {
            throw new InvalidFileIdException("the extension part must be " + LENGTH + " characters, got \""
                    + part + "\"");
        }
        for (int i = 0; i < LENGTH; i++) {
            if (!NameRules.isFileNameChar(part.charAt(i))) {
                throw new InvalidFileIdException("bad character '" + part.charAt(i) + "' in the extension part \""
                        + part + "\"");
            }
        }
        return part;
    }

    /**
     * The extension a name ends with, as FastDFS finds it: the text after the first '.' among the
     * last 7 characters, or "" when there is none ({@code "...q80123.jpg"} → {@code "jpg"}).
     */
    public static String extensionOf(String name) {
        int dot = name.indexOf('.', Math.max(0, name.length() - LENGTH));
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
