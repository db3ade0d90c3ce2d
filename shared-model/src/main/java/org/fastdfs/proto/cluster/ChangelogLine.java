package org.fastdfs.proto.cluster;

import org.fastdfs.proto.ProtocolException;

/**
 * One line of the tracker's {@code storage_changelog.dat}, PROTOCOL.md §4.8 and §9.3:
 * {@code "<unix_ts> <group> <storage_id> <status> <new_id>\n"}. For DELETED the new id is empty and the
 * line ends in a space before the newline.
 *
 * @param timestamp unix seconds when the change was written
 * @param status    DELETED (4) or IP_CHANGED (3) in practice; any number is carried
 * @param newId     the new id (IP) for IP_CHANGED, "" otherwise
 */
public record ChangelogLine(long timestamp, String groupName, String storageId, int status, String newId) {

    public ChangelogLine {
        word(groupName, "group name", false);
        word(storageId, "storage id", false);
        word(newId, "new id", true);
    }

    public ChangelogLine(long timestamp, String groupName, String storageId, StorageStatus status, String newId) {
        this(timestamp, groupName, storageId, status.code(), newId);
    }

    private static void word(String s, String what, boolean mayBeEmpty) {
        if (s == null || (!mayBeEmpty && s.isEmpty()) || s.indexOf(' ') >= 0 || s.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(what + " '" + s + "' must be " + (mayBeEmpty ? "" : "non-empty ")
                    + "text without spaces or newlines");
        }
    }

    /** The line as the tracker writes it, newline included. */
    public String format() {
        return timestamp + " " + groupName + " " + storageId + " " + status + " " + newId + "\n";
    }

    /** Parses one line, with or without its trailing newline. Fails with EINVAL unless it has exactly 5 fields. */
    public static ChangelogLine parse(String line) {
        String text = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        String[] f = text.split(" ", -1);
        if (f.length != 5) {
            throw ProtocolException.invalid("changelog line '" + text + "' has " + f.length + " fields, expected 5");
        }
        if (f[1].isEmpty() || f[2].isEmpty()) {
            throw ProtocolException.invalid("changelog line '" + text + "' lacks a group or storage id");
        }
        try {
            return new ChangelogLine(Long.parseLong(f[0]), f[1], f[2], Integer.parseInt(f[3]), f[4]);
        } catch (NumberFormatException e) {
            throw ProtocolException.invalid("changelog line '" + text + "' has a non-numeric timestamp or status");
        }
    }
}
