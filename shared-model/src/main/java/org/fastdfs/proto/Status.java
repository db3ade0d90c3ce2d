package org.fastdfs.proto;

/**
 * Status bytes seen in FastDFS responses: 0 for success, otherwise a Linux errno value
 * (PROTOCOL.md §1.6). The byte is a C {@code char}, so every value is at most 127.
 */
public enum Status {
    OK(0, "success"),
    EPERM(1, "operation not permitted"),
    ENOENT(2, "no such file, group or storage"),
    EINTR(4, "server is stopping"),
    EIO(5, "input/output error"),
    EAGAIN(11, "try again"),
    ENOMEM(12, "out of memory"),
    EACCES(13, "permission denied (not joined)"),
    EFAULT(14, "bad status"),
    EBUSY(16, "busy"),
    EEXIST(17, "already exists"),
    EISDIR(21, "not a regular file"),
    EINVAL(22, "invalid argument"),
    ENOSPC(28, "no space left"),
    ENAMETOOLONG(36, "name too long"),
    ECONNREFUSED(61, "connection refused"),
    ENONET(64, "storage not active"),
    EOPNOTSUPP(95, "operation not supported"),
    ETIMEDOUT(110, "timed out"),
    EALREADY(114, "already done");

    private static final Status[] BY_CODE = new Status[256];

    static {
        for (Status s : values()) {
            BY_CODE[s.code] = s;
        }
    }

    private final int code;
    private final String description;

    Status(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    public boolean isError() {
        return this != OK;
    }

    /** The status for a wire byte, or {@code null} for a value not listed here. */
    public static Status of(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }

    /** A readable name for any status byte, e.g. {@code "ENOENT (2): no such file, group or storage"}. */
    public static String describe(int code) {
        Status s = of(code);
        return s == null ? "status " + code : s.name() + " (" + code + "): " + s.description;
    }
}
