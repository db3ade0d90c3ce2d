package org.fastdfs.storage.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fastdfs.storage.StorageFixtures.bytes;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fastdfs.storage.StorageServer;
import org.fastdfs.storage.StorageTestClient;
import org.fastdfs.storage.TempStorageBase;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TempStorageBase.class)
class ConcurrencyTest {

    @Inject
    StorageServer server;

    @Test
    void parallelUploadsOnManyConnectionsAllArriveIntact() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int seed = 100 + i;
                results.add(pool.submit(() -> {
                    byte[] content = bytes(700_000 + seed, seed);
                    try (StorageTestClient c = new StorageTestClient(server.port())) {
                        String name = c.upload("bin", content);
                        return Arrays.equals(c.download(name), content);
                    }
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentAppendsToOneFileNeverInterleave() throws Exception {
        String name;
        try (StorageTestClient c = new StorageTestClient(server.port())) {
            name = c.uploadAppender("log", new byte[0]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                byte mark = (byte) ('a' + i);
                done.add(pool.submit(() -> {
                    try (StorageTestClient c = new StorageTestClient(server.port())) {
                        byte[] block = new byte[10_000];
                        Arrays.fill(block, mark);
                        for (int k = 0; k < 5; k++) {
                            assertThat(c.append(name, block).ok()).isTrue();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (StorageTestClient c = new StorageTestClient(server.port())) {
            byte[] all = c.download(name);
            assertThat(all).hasSize(6 * 5 * 10_000);
            int[] perMark = new int[6];
            for (int b = 0; b < all.length; b += 10_000) {
                byte first = all[b];
                for (int j = b; j < b + 10_000; j++) {
                    assertThat(all[j]).as("block at %d is whole", b).isEqualTo(first);
                }
                perMark[first - 'a']++;
            }
            assertThat(perMark).containsOnly(5);
        }
    }
}
