package org.fastdfs.storage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fastdfs.fileid.FileSource;
import org.fastdfs.proto.ProtocolException;
import org.junit.jupiter.api.Test;

class StorageIdentityTest {

    @Test
    void theReportedIpWinsThenTheBoundOneThenTheConnectionsLocalAddress() {
        StorageIdentity any = new StorageIdentity("0.0.0.0");
        assertThat(any.source("127.0.0.1")).isEqualTo(FileSource.ip("127.0.0.1"));
        assertThat(any.source("::ffff:10.0.0.7")).isEqualTo(FileSource.ip("10.0.0.7"));
        StorageIdentity bound = new StorageIdentity("192.168.1.10");
        assertThat(bound.source("127.0.0.1")).isEqualTo(FileSource.ip("192.168.1.10"));
        bound.setIp("10.1.2.3");
        assertThat(bound.source("127.0.0.1")).isEqualTo(FileSource.ip("10.1.2.3"));
        bound.setIp(null);
        assertThat(bound.ip()).hasValue("192.168.1.10");
    }

    @Test
    void aServerIdReplacesTheIpAndIpv6AloneIsRefused() {
        StorageIdentity id = new StorageIdentity("");
        assertThatThrownBy(() -> id.source("::1")).isInstanceOf(ProtocolException.class);
        id.setServerId(100001);
        assertThat(id.source("::1")).isEqualTo(FileSource.serverId(100001));
        assertThatThrownBy(() -> id.setServerId(1 << 24)).isInstanceOf(IllegalArgumentException.class);
    }
}
