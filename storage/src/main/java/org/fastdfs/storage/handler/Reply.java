package org.fastdfs.storage.handler;

import java.nio.channels.FileChannel;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Status;
import org.fastdfs.server.FramedConnection;

/** The successful answer to a request, made on a worker and sent by the connection. */
sealed interface Reply {

    /** Header-only success. */
    Reply OK = new Frame(Frames.status(Status.OK));

    void send(FramedConnection connection);

    /** A complete response frame. */
    record Frame(byte[] frame) implements Reply {
        @Override
        public void send(FramedConnection connection) {
            connection.reply(frame);
        }
    }

    /** A complete response frame in a Netty buffer (small downloads: header and content in one write). */
    record Buffer(io.netty.buffer.ByteBuf frame) implements Reply {
        @Override
        public void send(FramedConnection connection) {
            connection.replyFrame(frame);
        }
    }

    /**
     * A response header and then {@code length} bytes of {@code file} from {@code offset}, by sendfile.
     * The channel is opened on the worker that built the reply and closed once sent.
     */
    record File(FileChannel file, long offset, long length) implements Reply {
        @Override
        public void send(FramedConnection connection) {
            connection.replyFile(file, offset, length);
        }
    }
}
