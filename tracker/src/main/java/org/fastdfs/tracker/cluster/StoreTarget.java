package org.fastdfs.tracker.cluster;

import java.util.List;

/** Where to upload: a group, its chosen storages (one for ONE queries, all writable for ALL) and the path. */
public record StoreTarget(String group, List<StorageNode> storages, int storePathIndex) {
}
