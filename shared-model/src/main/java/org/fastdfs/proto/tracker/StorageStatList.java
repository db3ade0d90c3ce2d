package org.fastdfs.proto.tracker;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireMessage;
import org.fastdfs.proto.WireProfile;

/**
 * Reply to SERVER_LIST_STORAGE (92), PROTOCOL.md §2.6: one {@link StorageStat} per storage in the
 * group's id order, with no count (612 bytes each classic, 487 or 517 current). The struct size
 * comes from the profile and the body must be a multiple of it.
 *
 * @param storages the storage stats in wire order
 */
public record StorageStatList(List<StorageStat> storages) implements WireMessage {

    public StorageStatList {
        storages = Fields.checkList(storages, "storages");
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return storages.size() * StorageStat.size(profile);
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        for (StorageStat s : storages) {
            s.encode(out, profile);
        }
    }

    public static StorageStatList decode(ByteBuffer body, WireProfile profile) {
        int count = Wire.requireMultiple(body, StorageStat.size(profile), "list storages reply (" + profile + ")");
        List<StorageStat> storages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            storages.add(StorageStat.read(body, profile));
        }
        return new StorageStatList(storages);
    }
}
