package org.fastdfs.client.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class CeilingsTest {

    @TempDir
    Path dir;

    @Test
    void sendfileTransfersTheFileEachTimeAndRemovesIt() throws IOException {
        CeilingResult r = Ceilings.sendfile(dir, 3 * 1024 * 1024 + 17, 3, Progress.NONE);

        assertThat(r.name()).isEqualTo("sendfile");
        assertThat(r.unit()).isEqualTo("MiB/s");
        assertThat(r.runs()).hasSize(3).allSatisfy(v -> assertThat(v).isPositive());
        assertThat(r.best()).isGreaterThanOrEqualTo(r.median());
        assertThat(r.parameters()).containsEntry("size", 3L * 1024 * 1024 + 17).containsEntry("repeat", 3);
        assertThat(list(dir)).isEmpty();
    }

    @Test
    void filesCreatesWritesAndRenamesThenCleansUp() throws IOException {
        CeilingResult r = Ceilings.files(dir, 300, 3, 4096, Progress.NONE);

        assertThat(r.name()).isEqualTo("files");
        assertThat(r.unit()).isEqualTo("files/s");
        assertThat(r.best()).isPositive();
        assertThat(r.description()).contains("4KiB", "3 threads");
        assertThat(Json.write(r.toJson())).contains("\"best\": ", "\"threads\": 3", "\"count\": 300");
        assertThat(list(dir)).isEmpty();
    }

    @Test
    void theMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
        CeilingResult r = new CeilingResult("x", "x", "MiB/s", java.util.List.of(4.0, 1.0, 3.0, 2.0), java.util.Map.of());

        assertThat(r.median()).isEqualTo(2.5);
        assertThat(r.best()).isEqualTo(4.0);
    }

    private static java.util.List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
