package org.fastdfs.fileid;

import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;

/**
 * A file id, remote filename, extension, prefix or group name that FastDFS would refuse.
 *
 * <p>It is a {@link ProtocolException} with status {@link Status#EINVAL}: a server that parses a
 * name from a request can let it propagate and answers EINVAL, as FastDFS does (PROTOCOL.md §3.1).
 * Client code that validates user input can catch this type specifically.
 */
public class InvalidFileIdException extends ProtocolException {

    public InvalidFileIdException(String message) {
        super(Status.EINVAL, message);
    }
}
