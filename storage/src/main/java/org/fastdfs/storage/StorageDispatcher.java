package org.fastdfs.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import org.fastdfs.proto.Header;
import org.fastdfs.proto.Status;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.server.FramedConnection;
import org.fastdfs.server.RequestDispatcher;

/** Routes the requests of one storage connection to their handlers. */
final class StorageDispatcher implements RequestDispatcher {

    private final WireProfile profile;

    private StorageDispatcher(WireProfile profile) {
        this.profile = profile;
    }

    @Override
    public void onRequest(FramedConnection connection, Header header, ByteBuffer body) {
        connection.replyStatus(Status.EOPNOTSUPP);
    }

    /** Makes one dispatcher per connection. */
    @ApplicationScoped
    static class Factory {
        RequestDispatcher create(FramedConnection connection, WireProfile profile) {
            return new StorageDispatcher(profile);
        }
    }
}
