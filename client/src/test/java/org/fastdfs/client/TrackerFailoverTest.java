package org.fastdfs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.tracker.FetchTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TrackerFailoverTest {

    /** A loopback address nobody listens on: connecting is refused at once. */
    static Endpoint deadEndpoint() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new Endpoint(s.getInetAddress().getHostAddress(), s.getLocalPort());
        }
    }

    @Test
    void movesOnToTheNextTrackerWhenTheFirstIsDown() throws IOException {
        Endpoint dead = deadEndpoint();
        try (MemoryCluster cluster = new MemoryCluster();
             FdfsClient client = new FdfsClient(ClientConfig.builder().tracker(dead).tracker(cluster.tracker.endpoint()).build())) {
            for (int i = 0; i < 4; i++) { // each call starts at the next tracker: both orders are tried
                FileRef ref = client.upload(("file " + i).getBytes(StandardCharsets.US_ASCII), "txt");
                assertThat(client.downloadBytes(ref.fileId())).asString(StandardCharsets.US_ASCII).isEqualTo("file " + i);
            }
            assertThat(cluster.tracker.requests()).hasSize(8);
        }
    }

    @Test
    void failsWithANetworkErrorNamingEveryTrackerWhenAllAreDown() throws IOException {
        Endpoint a = deadEndpoint();
        Endpoint b = deadEndpoint();
        try (FdfsClient client = new FdfsClient(ClientConfig.builder().tracker(a).tracker(b).build())) {
            assertThatThrownBy(() -> client.tracker().queryStore())
                    .isInstanceOf(FdfsNetworkException.class)
                    .hasMessageContaining("no tracker answered SERVICE_QUERY_STORE_WITHOUT_GROUP_ONE")
                    .hasMessageContaining(a + ": connection refused")
                    .hasMessageContaining(b + ": connection refused")
                    .satisfies(e -> assertThat(((FdfsException) e).statusCode()).isEqualTo(Status.EIO));
        }
    }

    @Test
    void aStatusReplyIsAnAnswerAndIsNotRetriedElsewhere() throws IOException {
        FakeServer.Responder notFound = f -> Frames.status(Status.ENOENT);
        try (FakeServer first = new FakeServer(notFound); FakeServer second = new FakeServer(notFound);
             FdfsClient client = new FdfsClient(ClientConfig.builder().tracker(first.endpoint()).tracker(second.endpoint()).build())) {
            assertThatThrownBy(() -> client.tracker().queryFetch(GoldenExchangeTest.FILE_ID))
                    .isInstanceOf(FdfsException.class)
                    .isNotInstanceOf(FdfsNetworkException.class)
                    .hasMessageContaining("ENOENT");

            assertThat(first.requests().size() + second.requests().size()).isEqualTo(1);
        }
    }

    @Test
    void startsAtTheNextTrackerOnEveryCall() throws IOException {
        FakeServer.Responder target = f -> Frames.response(new FetchTarget("group1", "127.0.0.1", 23000), WireProfile.CURRENT);
        try (FakeServer first = new FakeServer(target); FakeServer second = new FakeServer(target);
             FdfsClient client = new FdfsClient(ClientConfig.builder().tracker(first.endpoint()).tracker(second.endpoint()).build())) {
            for (int i = 0; i < 6; i++) {
                client.tracker().queryUpdate(GoldenExchangeTest.FILE_ID);
            }
            assertThat(first.requests()).hasSize(3);
            assertThat(second.requests()).hasSize(3);
        }
    }

    @Test
    void movesOnWhenATrackerClosesTheConnectionInsteadOfAnswering() throws IOException {
        try (FakeServer hangingUp = new FakeServer(f -> null); MemoryCluster cluster = new MemoryCluster();
             FdfsClient client = new FdfsClient(ClientConfig.builder().tracker(hangingUp.endpoint())
                     .tracker(cluster.tracker.endpoint()).build())) {
            for (int i = 0; i < 2; i++) {
                assertThat(client.tracker().queryStore().group()).isEqualTo("group1");
            }
            assertThat(hangingUp.requests()).hasSize(1);
        }
    }

    @Test
    void movesOnWhenATrackerSendsAMalformedReply() throws IOException {
        try (FakeServer garbage = new FakeServer(f -> Frames.response(new byte[] {1, 2, 3}));
             MemoryCluster cluster = new MemoryCluster();
             FdfsClient client = new FdfsClient(ClientConfig.builder().tracker(garbage.endpoint())
                     .tracker(cluster.tracker.endpoint()).build())) {
            for (int i = 0; i < 2; i++) {
                assertThat(client.tracker().queryStore().group()).isEqualTo("group1");
            }
        }
    }

    @Test
    void aSingleTrackerReportsItsOwnFailure() throws IOException {
        Endpoint dead = deadEndpoint();
        try (FdfsClient client = new FdfsClient(ClientConfig.builder().tracker(dead).build())) {
            assertThatThrownBy(() -> client.upload(new byte[] {1}, ""))
                    .isInstanceOf(FdfsNetworkException.class)
                    .hasMessage("cannot connect to " + dead + ": connection refused");
        }
    }
}
