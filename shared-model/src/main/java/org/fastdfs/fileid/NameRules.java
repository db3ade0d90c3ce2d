package org.fastdfs.fileid;

/** The character and format checks behind {@link FileId} (PROTOCOL.md §3.1, §6.1). */
final class NameRules {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private NameRules() {
    }

    static String validateGroupName(String groupName) {
        if (groupName.isEmpty()) {
            throw new InvalidFileIdException("the group name is empty");
        }
        if (groupName.length() > FileId.GROUP_NAME_MAX_LENGTH) {
            throw new InvalidFileIdException("group name \"" + groupName + "\" is longer than "
                    + FileId.GROUP_NAME_MAX_LENGTH + " bytes");
        }
        for (int i = 0; i < groupName.length(); i++) {
            char c = groupName.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                throw new InvalidFileIdException("group name \"" + groupName + "\" contains '" + c
                        + "': only letters and digits are allowed");
            }
        }
        return groupName;
    }

    /** Characters allowed in a file name: {@code [A-Za-z0-9._-]} and ':'. */
    static boolean isFileNameChar(char c) {
        return ExtPart.isNameChar(c) || c == ':';
    }

    static void validateFileName(String name) {
        if (name.length() < FileId.MIN_FILE_NAME_LENGTH) {
            throw new InvalidFileIdException("file name \"" + name + "\" is too short: " + name.length()
                    + " characters, at least " + FileId.MIN_FILE_NAME_LENGTH);
        }
        if (name.indexOf('/') >= 0) {
            throw new InvalidFileIdException("file name \"" + name + "\" contains '/'");
        }
        if (name.contains("..")) {
            throw new InvalidFileIdException("file name \"" + name + "\" contains \"..\"");
        }
        FileIdBlock.decode(name.substring(0, FileIdBlock.TEXT_LENGTH));
        for (int i = FileIdBlock.TEXT_LENGTH; i < name.length(); i++) {
            if (!isFileNameChar(name.charAt(i))) {
                throw new InvalidFileIdException("file name \"" + name + "\" contains '" + name.charAt(i)
                        + "' at position " + i + ": only [A-Za-z0-9._-] are allowed");
            }
        }
    }

    static void checkByte(int value, String what) {
        if (value < 0 || value > 255) {
            throw new InvalidFileIdException(what + " " + value + " is outside 0..255");
        }
    }

    /** Two upper-case hex digits at {@code at}; lower case or anything else is refused. */
    static int hexByte(String s, int at, String what) {
        int hi = upperHex(s.charAt(at));
        int lo = upperHex(s.charAt(at + 1));
        if (hi < 0 || lo < 0) {
            throw new InvalidFileIdException(what + " \"" + s.substring(at, at + 2) + "\" in \"" + s
                    + "\" is not two upper-case hex digits");
        }
        return hi << 4 | lo;
    }

    private static int upperHex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static String hex2(int v) {
        return new String(new char[] {HEX[(v >> 4) & 0xF], HEX[v & 0xF]});
    }
}
