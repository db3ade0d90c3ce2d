package org.fastdfs.storage.handler;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Status;
import org.fastdfs.server.FramedConnection;
import org.jboss.logging.Logger;

/**
 * Runs the blocking part of a request on a worker pool and answers from there: the reply on success,
 * the status of the failure otherwise ({@link #toProtocol}). EINVAL closes the connection, as in FastDFS.
 */
final class Blocking {

    private static final Logger LOG = Logger.getLogger(Blocking.class);

    /** The blocking work of one request. */
    @FunctionalInterface
    interface Task {
        Reply run() throws IOException;
    }

    private Blocking() {
    }

    /**
     * Runs {@code task} on {@code executor} and answers {@code command} on {@code connection};
     * {@code outcome} learns whether it succeeded (for the counters).
     */
    static void submit(FramedConnection connection, Command command, Executor executor, Task task,
                       Consumer<Boolean> outcome) {
        try {
            executor.execute(() -> {
                Reply reply;
                try {
                    reply = task.run();
                } catch (IOException | RuntimeException e) {
                    outcome.accept(false);
                    connection.replyError(command, toProtocol(e, command));
                    return;
                }
                outcome.accept(true);
                reply.send(connection);
            });
        } catch (RejectedExecutionException e) {
            outcome.accept(false);
            connection.replyStatus(Status.EINTR);
        }
    }

    /** The status a failure is answered with. */
    static ProtocolException toProtocol(Throwable e, Command command) {
        if (e instanceof ProtocolException p) {
            return p;
        }
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
            return new ProtocolException(Status.ENOENT, "no such file: " + e.getMessage());
        }
        if (e instanceof FileAlreadyExistsException) {
            return new ProtocolException(Status.EEXIST, "file exists: " + e.getMessage());
        }
        if (e instanceof AccessDeniedException) {
            return new ProtocolException(Status.EACCES, "permission denied: " + e.getMessage());
        }
        if (e instanceof DirectoryNotEmptyException) {
            return new ProtocolException(Status.EISDIR, "not a regular file: " + e.getMessage());
        }
        if (e instanceof IOException && String.valueOf(e.getMessage()).contains("No space left")) {
            return new ProtocolException(Status.ENOSPC, e.getMessage());
        }
        if (e instanceof RejectedExecutionException) {
            return new ProtocolException(Status.EINTR, "the storage is stopping");
        }
        if (e instanceof IOException || e instanceof java.io.UncheckedIOException) {
            LOG.warnf("%s failed: %s", command, e.toString());
        } else {
            LOG.errorf(e, "%s failed", command);
        }
        return new ProtocolException(Status.EIO, String.valueOf(e.getMessage()));
    }
}
