package org.fastdfs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.FrameLimits;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A request whose body follows its header in a second small write, from a sender with Nagle's algorithm
 * on (C FastDFS's storage pushing a replica does this): the second write waits for the ACK of the
 * first, which a receiver with nothing to send delays by 40 ms or more (Linux's minimum delayed ACK).
 * The server acknowledges a split request at once instead. Timed on purpose, with a wide margin: the
 * median exchange must stay under half of that delay, which only the stall itself can break.
 */
@Timeout(60)
class QuickAckTest {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(1));

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aRequestSplitBetweenTwoSmallWritesIsNotHeldUpByADelayedAck() throws IOException {
        assumeTrue(vertx.isNativeTransportEnabled(), "quick-ack mode is set through Netty's native transport");
        FrameServer server = new FrameServer(vertx, "test", FrameLimits.server(1024, 1024),
                connection -> (c, header, body) -> c.replyStatus(Status.OK));
        server.listen("127.0.0.1", 0, 0).toCompletionStage().toCompletableFuture().join();

        byte[] body = new byte[100];
        byte[] head = ByteBuffer.allocate(Header.SIZE).putLong(body.length)
                .put((byte) Command.SERVER_LIST_ALL_GROUPS.code()).put((byte) 0).array();
        long[] nanos = new long[21];
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            assertThat(s.getTcpNoDelay()).as("Nagle's algorithm on, as in the C sender").isFalse();
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            DataInputStream in = new DataInputStream(s.getInputStream());
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                out.write(head);
                out.flush();
                out.write(body); // held by Nagle until the header is acknowledged
                out.flush();
                byte[] reply = new byte[Header.SIZE];
                in.readFully(reply);
                nanos[i] = System.nanoTime() - start;
                assertThat(Header.decode(ByteBuffer.wrap(reply)).status()).isZero();
            }
        }
        Arrays.sort(nanos);
        assertThat(nanos[nanos.length / 2] / 1_000_000.0).as("median exchange, ms").isLessThan(20.0);
    }
}
