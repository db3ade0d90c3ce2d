package org.fastdfs.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void parsesEndpointsWithAndWithoutPorts() {
        assertThat(Endpoint.parse("10.0.0.1:22122")).isEqualTo(new Endpoint("10.0.0.1", 22122));
        assertThat(Endpoint.parse("tracker.local", 22122)).isEqualTo(new Endpoint("tracker.local", 22122));
        assertThat(Endpoint.parse("[::1]:23000")).isEqualTo(new Endpoint("::1", 23000));
        assertThat(Endpoint.parse("::1", 22122)).isEqualTo(new Endpoint("::1", 22122));
        assertThat(new Endpoint("::1", 23000)).hasToString("[::1]:23000");
        assertThatThrownBy(() -> Endpoint.parse("host:port")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Endpoint.parse("host")).hasMessageContaining("expected host:port");
        assertThatThrownBy(() -> Endpoint.parse("host:70000")).hasMessageContaining("outside 1..65535");
    }

    @Test
    void splitsAFileIdAtTheFirstSlash() {
        FileRef ref = FileRef.parse("group1/M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg");

        assertThat(ref.group()).isEqualTo("group1");
        assertThat(ref.remoteFilename()).isEqualTo("M00/00/00/wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg");
        assertThat(ref.baseName()).isEqualTo("wKgBCmVT8QCAEjRWAAAwORI0q80123.jpg");
        assertThat(ref.parsed()).isNotNull();
        assertThat(FileRef.parse("g/odd-name").parsed()).isNull();
        assertThatThrownBy(() -> FileRef.parse("no-slash")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileRef.parse("/M00/00/00/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileRef.parse("group1/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileRef.parse("a-group-name-longer-than-16/M00/00/00/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takesTheExtensionOfALocalFileAsTheCClientDoes() {
        assertThat(UploadOptions.extensionOf("photo.jpg")).isEqualTo("jpg");
        assertThat(UploadOptions.extensionOf("archive.tar.gz")).isEqualTo("gz");
        assertThat(UploadOptions.extensionOf("notes.markdown")).isEqualTo("markdo");
        assertThat(UploadOptions.extensionOf("README")).isEmpty();
        assertThat(UploadOptions.extensionOf("trailing.")).isEmpty();
        assertThat(UploadOptions.extensionOf("weird.j+g")).isEmpty();
        assertThatThrownBy(() -> UploadOptions.DEFAULT.extension("toolong")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildsAConfigWithDefaultsAndRejectsNonsense() {
        ClientConfig c = ClientConfig.builder().trackers("10.0.0.1", "10.0.0.2:22123").build();

        assertThat(c.trackers()).containsExactly(new Endpoint("10.0.0.1", 22122), new Endpoint("10.0.0.2", 22123));
        assertThat(c.networkTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.toBuilder().build().trackers()).isEqualTo(c.trackers());
        assertThatThrownBy(() -> ClientConfig.builder().build()).hasMessageContaining("no tracker");
        assertThatThrownBy(() -> ClientConfig.builder().trackers("a:1").maxConnectionsPerServer(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientConfig.builder().trackers("a:1").connectTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describesAServerStatusInTheExceptionMessage() {
        FdfsException e = FdfsException.ofStatus(2, "DOWNLOAD_FILE group1/M00/00/00/x on 127.0.0.2:23000");

        assertThat(e).hasMessage("DOWNLOAD_FILE group1/M00/00/00/x on 127.0.0.2:23000 failed: "
                + "ENOENT (2): no such file, group or storage");
        assertThat(FdfsException.ofStatus(99, "X")).hasMessage("X failed: status 99");
        assertThat(FdfsException.ofStatus(99, "X").statusCode()).isNull();
    }
}
