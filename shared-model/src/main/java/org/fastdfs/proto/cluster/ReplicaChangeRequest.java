package org.fastdfs.proto.cluster;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.WireProfile;
import org.fastdfs.proto.stat.StorageBrief;

/**
 * STORAGE_REPLICA_CHG (85) request, PROTOCOL.md §4.8: 1..32 storage briefs (67 bytes each current, 37
 * classic), the storages the tracker lacks. Logged in only. Reply: empty.
 */
public record ReplicaChangeRequest(List<StorageBrief> storages) implements Request {

    public static final int MAX_STORAGES = 32;

    public ReplicaChangeRequest {
        storages = List.copyOf(storages);
        ClusterFields.range(storages.size(), 1, MAX_STORAGES, "brief count");
    }

    @Override
    public Command command() {
        return Command.STORAGE_REPLICA_CHG;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return storages.size() * StorageBrief.size(profile);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        for (StorageBrief b : storages) {
            b.encode(out, profile);
        }
    }

    public static ReplicaChangeRequest decode(ByteBuffer body, WireProfile profile) {
        int size = StorageBrief.size(profile);
        int n = body.remaining() / size;
        if (body.remaining() % size != 0 || n < 1) {
            throw ProtocolException.invalid("REPLICA_CHG body of " + body.remaining() + " bytes is not a non-zero "
                    + "multiple of the " + size + "-byte brief");
        }
        if (n > MAX_STORAGES) {
            throw ProtocolException.invalid("REPLICA_CHG lists " + n + " storages, at most " + MAX_STORAGES);
        }
        List<StorageBrief> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(StorageBrief.decode(body, profile));
        }
        return new ReplicaChangeRequest(list);
    }
}
