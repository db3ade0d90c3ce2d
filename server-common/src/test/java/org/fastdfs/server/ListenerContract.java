package org.fastdfs.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.Status;
import org.junit.jupiter.api.Test;

/**
 * What every FastDFS server must do on its TCP port and its HTTP health endpoints, whatever it
 * serves: the tracker's and the storage's startup tests extend this with their running app.
 */
public abstract class ListenerContract {

    /** The app's FastDFS port (an ephemeral one in tests). */
    protected abstract int port();

    @Test
    void answersActiveTestOnItsTcpPortAgainAndAgain() throws IOException {
        try (Socket s = new Socket("127.0.0.1", port())) {
            for (int i = 0; i < 3; i++) {
                s.getOutputStream().write(Frames.request(Command.ACTIVE_TEST));
                assertThat(readHeader(s.getInputStream())).isEqualTo(Header.response(Status.OK, 0));
            }
        }
    }

    @Test
    void answersAnUnknownCommandWithEinvalAndCloses() throws IOException {
        try (Socket s = new Socket("127.0.0.1", port())) {
            s.getOutputStream().write(new Header(0, 200, 0).toBytes());
            assertThat(readHeader(s.getInputStream()).status()).isEqualTo(Status.EINVAL.code());
            assertThat(s.getInputStream().read()).as("closed after EINVAL").isEqualTo(-1);
        }
    }

    @Test
    void closesOnQuitWithoutAnswering() throws IOException {
        try (Socket s = new Socket("127.0.0.1", port())) {
            s.getOutputStream().write(Frames.request(Command.QUIT));
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void reportsItselfLiveOverHttp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    protected static Header readHeader(InputStream in) throws IOException {
        byte[] b = new byte[Header.SIZE];
        new DataInputStream(in).readFully(b);
        return Header.decode(ByteBuffer.wrap(b));
    }
}
