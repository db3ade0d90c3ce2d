package org.fastdfs.storage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fastdfs.server.ListenerContract;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TempStorageBase.class)
class StorageStartupTest extends ListenerContract {

    @Inject
    StorageServer server;

    @Override
    protected int port() {
        return server.port();
    }

    @Test
    void withoutTrackersItIsReadyToServeFilesAndSaysSo() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks[0].data.joinedTrackers", equalTo(0))
                .body("checks[0].data.listening", equalTo(true));
    }

    @Test
    void describesItselfOverRest() {
        given().get("/storage").then().statusCode(200)
                .body("group", equalTo("group1"))
                .body("storePaths[0].path", equalTo("M00"));
    }
}
