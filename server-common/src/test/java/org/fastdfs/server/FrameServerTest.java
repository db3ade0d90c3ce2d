package org.fastdfs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.FrameLimits;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link FrameServer} with its connections on one or several event loops. */
@Timeout(30)
class FrameServerTest {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(4));
    /** The event loop threads that served requests. */
    private final Set<String> servedOn = ConcurrentHashMap.newKeySet();

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private FrameServer server() {
        return new FrameServer(vertx, "test", FrameLimits.server(1024, 1024), connection -> (c, header, body) -> {
            servedOn.add(Thread.currentThread().getName());
            c.replyStatus(Status.OK);
        });
    }

    private static <T> T await(io.vertx.core.Future<T> f) {
        return f.toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Opens {@code n} connections at once, sends a request on each (answered by the dispatcher), then closes them. */
    private static void requests(int port, int n) throws IOException {
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                open.add(new Socket("127.0.0.1", port));
            }
            for (Socket s : open) {
                s.getOutputStream().write(Frames.request(Command.SERVER_LIST_ALL_GROUPS));
                assertThat(ListenerContract.readHeader(s.getInputStream())).isEqualTo(Header.response(Status.OK, 0));
            }
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
    }

    @Test
    void workThreadsSpreadTheConnectionsOverAsManyEventLoopsOnOneEphemeralPort() throws Exception {
        FrameServer s = await(server().listen("127.0.0.1", 0, 0, 3));

        requests(s.port(), 6);

        assertThat(servedOn).as("three event loops took the six connections in turn").hasSize(3)
                .allSatisfy(name -> assertThat(name).startsWith("vert.x-eventloop-thread-"));
        await(s.close());
        assertThat(refusedWithin(s.port(), 5_000)).as("every server of the port is closed").isTrue();
    }

    /** Whether connecting to {@code port} is refused within {@code millis} (a closed listener may take a moment). */
    private static boolean refusedWithin(int port, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                if (System.nanoTime() - end >= 0) {
                    return false;
                }
                Thread.sleep(50);
            } catch (IOException refused) {
                return true;
            }
        }
    }

    @Test
    void oneWorkThreadServesEveryConnectionOnOneEventLoop() throws IOException {
        FrameServer s = await(server().listen("127.0.0.1", 0, 0, 1));

        requests(s.port(), 4);

        assertThat(servedOn).hasSize(1);
        assertThatThrownBy(() -> server().listen("127.0.0.1", 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
