package org.fastdfs.tracker.cluster;

import org.fastdfs.rules.ReservedSpace;

/**
 * The tracker.conf settings that drive the model (PROTOCOL.md §7, §4.10).
 *
 * @param storeLookup           0 round robin, 1 specified group, 2 load balance
 * @param storeGroup            group for storeLookup 1
 * @param storeServer           0 round robin, 1 first by id, 2 first by priority
 * @param storePath             0 round robin, 2 load balance (most free)
 * @param downloadServer        0 round robin, 1 source first
 * @param reserved              reserved_storage_space
 * @param checkActiveSeconds    ACTIVE -> OFFLINE after this long without a beat
 * @param syncFileMaxDelay      storage_sync_file_max_delay (seconds)
 * @param syncFileMaxTime       storage_sync_file_max_time (seconds)
 */
public record TrackerRules(int storeLookup, String storeGroup, int storeServer, int storePath, int downloadServer,
                           ReservedSpace reserved, int checkActiveSeconds, int syncFileMaxDelay, int syncFileMaxTime) {

    public TrackerRules {
        check(storeLookup, "store_lookup", 0, 1, 2);
        check(storeServer, "store_server", 0, 1, 2);
        check(storePath, "store_path", 0, 2);
        check(downloadServer, "download_server", 0, 1);
        if (storeLookup == 1 && (storeGroup == null || !storeGroup.matches("[A-Za-z0-9]{1,16}"))) {
            throw new IllegalArgumentException("store_lookup=1 needs store_group set to a valid group name");
        }
    }

    public static TrackerRules defaults() {
        return new TrackerRules(0, "", 0, 0, 0, ReservedSpace.parse("10%"), 100, 86400, 300);
    }

    private static void check(int value, String key, int... allowed) {
        for (int a : allowed) {
            if (a == value) {
                return;
            }
        }
        throw new IllegalArgumentException(key + "=" + value + " is not one of " + java.util.Arrays.toString(allowed));
    }
}
