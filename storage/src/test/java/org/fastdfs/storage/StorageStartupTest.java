package org.fastdfs.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.Frames;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.Status;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StorageStartupTest {

    @Inject
    StorageServer server;

    @Test
    void answersActiveTestOnItsTcpPortAgainAndAgain() throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            for (int i = 0; i < 3; i++) {
                s.getOutputStream().write(Frames.request(Command.ACTIVE_TEST));
                assertThat(readHeader(s.getInputStream())).isEqualTo(Header.response(Status.OK, 0));
            }
        }
    }

    @Test
    void answersAnUnknownCommandWithEinvalAndCloses() throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(new Header(0, 200, 0).toBytes());
            assertThat(readHeader(s.getInputStream()).status()).isEqualTo(Status.EINVAL.code());
            assertThat(s.getInputStream().read()).as("closed after EINVAL").isEqualTo(-1);
        }
    }

    @Test
    void closesOnQuitWithoutAnswering() throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(Frames.request(Command.QUIT));
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void reportsHealthOverHttp() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    static Header readHeader(InputStream in) throws IOException {
        byte[] b = new byte[Header.SIZE];
        new DataInputStream(in).readFully(b);
        return Header.decode(java.nio.ByteBuffer.wrap(b));
    }
}
