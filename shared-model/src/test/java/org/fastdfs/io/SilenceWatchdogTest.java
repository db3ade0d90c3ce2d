package org.fastdfs.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SilenceWatchdogTest {

    /** Counts its closes. */
    static final class Target implements Closeable {
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    /** A blocking channel connected to a peer socket on the loopback. */
    record Link(ServerSocket server, SocketChannel ch, Socket peer) implements AutoCloseable {
        static Link open() throws IOException {
            ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            SocketChannel ch = SocketChannel.open(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()));
            return new Link(server, ch, server.accept());
        }

        @Override
        public void close() throws IOException {
            try (server; ch; peer) {
                // all three closed
            }
        }
    }

    @Test
    void closesAnArmedConnectionOnlyOnceItIsOverdue() {
        Target t = new Target();
        try (SilenceWatchdog.Guard g = SilenceWatchdog.guard(t, Duration.ofHours(1))) {
            g.arm();
            SilenceWatchdog.closeOverdue(System.nanoTime());
            assertThat(t.closes).hasValue(0);
            assertThat(g.fired()).isFalse();

            SilenceWatchdog.closeOverdue(System.nanoTime() + TimeUnit.HOURS.toNanos(2));
            assertThat(t.closes).hasValue(1);
            assertThat(g.fired()).isTrue();
            IOException cause = new IOException("Socket closed");
            assertThat(g.explain(cause)).isInstanceOf(SocketTimeoutException.class)
                    .hasMessage("no answer within 3600000 ms").hasCause(cause);
        }
    }

    @Test
    void leavesDisarmedAndClosedGuardsAlone() {
        Target t = new Target();
        SilenceWatchdog.Guard g = SilenceWatchdog.guard(t, Duration.ofMillis(1));
        g.arm();
        g.disarm();
        SilenceWatchdog.closeOverdue(System.nanoTime() + TimeUnit.HOURS.toNanos(1));
        assertThat(t.closes).hasValue(0);
        IOException other = new IOException("reset");
        assertThat(g.explain(other)).isSameAs(other);

        int before = SilenceWatchdog.guarded();
        g.arm();
        g.close();
        assertThat(SilenceWatchdog.guarded()).isEqualTo(before - 1);
        SilenceWatchdog.closeOverdue(System.nanoTime() + TimeUnit.HOURS.toNanos(1));
        assertThat(t.closes).hasValue(0);
    }

    @Test
    void rejectsTimeoutsThatAreNotPositive() {
        assertThatThrownBy(() -> SilenceWatchdog.guard(new Target(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endsABlockedReadOfASilentPeerWithATimeout() throws Exception {
        try (Link link = Link.open();
             SilenceWatchdog.Guard g = SilenceWatchdog.guard(link.ch, Duration.ofMillis(200))) {
            SocketChannel ch = link.ch;
            Socket peer = link.peer;
            InputStream in = g.input(ch.socket().getInputStream());
            long start = System.nanoTime();
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class)
                    .hasMessage("no answer within 200 ms");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(millis).isGreaterThanOrEqualTo(200);
            assertThat(ch.isOpen()).isFalse();
            assertThat(peer.getInputStream().read()).isEqualTo(-1); // the peer sees the close
        }
    }

    @Test
    @Timeout(20) // without the watchdog the write would block for good
    void endsAWriteToAPeerThatStopsReadingWithATimeout() throws Exception {
        try (Link link = Link.open();
             SilenceWatchdog.Guard g = SilenceWatchdog.guard(link.ch, Duration.ofMillis(200))) {
            OutputStream out = g.output(link.ch.socket().getOutputStream());
            byte[] chunk = new byte[1 << 20];
            assertThatThrownBy(() -> {
                for (int i = 0; i < 1024; i++) { // the peer never reads: the socket buffers fill, a write blocks
                    out.write(chunk);
                }
            }).isInstanceOf(SocketTimeoutException.class).hasMessage("no answer within 200 ms");
            assertThat(g.fired()).isTrue();
            assertThat(link.ch.isOpen()).isFalse();
        }
    }

    @Test
    void aPeerThatAnswersInTimeIsNeverCut() throws Exception {
        try (Link link = Link.open();
             SilenceWatchdog.Guard g = SilenceWatchdog.guard(link.ch, Duration.ofMillis(300))) {
            SocketChannel ch = link.ch;
            Socket peer = link.peer;
            InputStream in = g.input(ch.socket().getInputStream());
            OutputStream out = g.output(ch.socket().getOutputStream());
            Thread echo = Thread.ofPlatform().start(() -> {
                try {
                    InputStream pin = peer.getInputStream();
                    OutputStream pout = peer.getOutputStream();
                    for (int b; (b = pin.read()) >= 0; ) {
                        Thread.sleep(100); // each answer within the timeout, all of them well beyond it
                        pout.write(b);
                    }
                } catch (IOException | InterruptedException ignored) {
                    // the test ends
                }
            });
            for (int i = 0; i < 8; i++) {
                out.write(i);
                out.flush();
                assertThat(in.read()).isEqualTo(i);
            }
            assertThat(g.fired()).isFalse();
            assertThat(ch.isOpen()).isTrue();
            ch.close();
            echo.join(5_000);
        }
    }
}
