package org.fastdfs.tracker;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fastdfs.server.ListenerContract;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrackerStartupTest extends ListenerContract {

    @Inject
    TrackerServer server;

    @Override
    protected int port() {
        return server.port();
    }

    @Test
    void isReadyAsSoonAsItListens() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health").then().statusCode(200);
    }
}
