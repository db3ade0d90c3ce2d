package org.fastdfs.client;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import org.fastdfs.proto.WireProfile;

/**
 * A fake tracker and a fake storage that both replay one capture, and a client wired to them: the
 * storage address the captured tracker announces (127.0.0.2:23000 or 127.0.0.3:23000) is mapped to
 * the fake storage's ephemeral port.
 */
final class CapturedCluster implements AutoCloseable {

    final Capture capture;
    final FakeServer tracker;
    final FakeServer storage;
    final FdfsClient client;

    CapturedCluster(String captureName) throws IOException {
        this(captureName, WireProfile.CURRENT);
    }

    CapturedCluster(String captureName, WireProfile profile) throws IOException {
        capture = Capture.load(captureName);
        tracker = new FakeServer(FakeServer.replay(capture));
        storage = new FakeServer(FakeServer.replay(capture));
        client = new FdfsClient(ClientConfig.builder().tracker(tracker.endpoint()).profile(profile)
                .addressMapper(announced -> storage.endpoint()).build());
    }

    /** The request frames a fake received (QUIT and ACTIVE_TEST left out), as hex. */
    static List<String> hex(List<FakeServer.Frame> frames) {
        return frames.stream().map(FakeServer.Frame::hex).toList();
    }

    /** Captured request frames as hex. */
    static List<String> hexOf(Capture.Message... messages) {
        return java.util.Arrays.stream(messages).map(m -> HexFormat.of().formatHex(m.frame())).toList();
    }

    @Override
    public void close() throws IOException {
        client.close();
        tracker.close();
        storage.close();
    }
}
