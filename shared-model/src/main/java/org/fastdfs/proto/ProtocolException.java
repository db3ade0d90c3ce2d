package org.fastdfs.proto;

/**
 * A malformed or unacceptable message. Carries the status a server answers with (usually
 * {@link Status#EINVAL}); a decoder that throws it never resumes on the same stream.
 */
public class ProtocolException extends RuntimeException {

    private final Status status;

    public ProtocolException(Status status, String message) {
        super(message);
        this.status = status;
    }

    public static ProtocolException invalid(String message) {
        return new ProtocolException(Status.EINVAL, message);
    }

    public Status status() {
        return status;
    }
}
