package org.fastdfs.client.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.fastdfs.client.ClientConfig;
import org.fastdfs.client.FdfsClient;
import org.fastdfs.client.MemoryCluster;
import org.fastdfs.proto.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A scaled-down suite against the in-memory cluster. */
@Timeout(60)
class SuiteTest {

    @TempDir
    Path dir;

    static Suite.Plan tiny() {
        return new Suite.Plan(List.of(
                new Suite.Step(Op.UPLOAD, 1024, 30, 3, Suite.Ceiling.FILES),
                new Suite.Step(Op.DOWNLOAD, 1024, 40, 3, Suite.Ceiling.NONE),
                new Suite.Step(Op.DELETE, 1024, 30, 2, Suite.Ceiling.NONE),
                new Suite.Step(Op.UPLOAD, 100_000, 4, 1, Suite.Ceiling.SENDFILE),
                new Suite.Step(Op.DOWNLOAD, 100_000, 4, 1, Suite.Ceiling.SENDFILE)),
                1 << 20, 1, 50, 1024, true, 1);
    }

    @Test
    void runsTheCeilingsAndTheScenariosAndLeavesNoFileBehind() throws IOException {
        SuiteResult r;
        try (MemoryCluster cluster = new MemoryCluster();
             FdfsClient client = cluster.client(ClientConfig.builder().maxConnectionsPerServer(2))) {
            r = Suite.run(client, tiny(), new Suite.Config(2, List.of(), dir, "test run"), Progress.NONE);

            assertThat(cluster.files).isEmpty();
            assertThat(cluster.storage.received(Command.DELETE_FILE)).hasSize(30 + 3 + 4 + 1);
        }
        assertThat(dir).as("the ceilings' files are gone too").isEmptyDirectory();

        assertThat(r.failed()).isFalse();
        assertThat(r.steps()).extracting(s -> s.step().name())
                .containsExactly("upload 1KiB", "download 1KiB", "delete 1KiB", "upload 100000B", "download 100000B");
        assertThat(r.steps()).allSatisfy(s -> assertThat(s.result()).isNotNull());
        assertThat(r.steps().get(1).result().total().count()).isEqualTo(40);
        assertThat(r.steps().get(2).result().total().count()).isEqualTo(30);
        assertThat(r.steps().get(2).result().total().errors())
                .as("the warm-up deleted 2 of the upload's 3 warm-up files, not measured ones").isZero();
        assertThat(r.ceilings()).containsKeys(Suite.Ceiling.SENDFILE, Suite.Ceiling.FILES);
        assertThat(r.ratio(r.steps().get(0))).isPositive();
        assertThat(r.ratio(r.steps().get(1))).isNaN();

        String md = r.toMarkdown();
        assertThat(md).startsWith("### Smoke run (`bench/run --quick`), ")
                .contains("> Scaled-down counts", "> test run",
                        "| scenario | ops | errors | ops/s | MiB/s | p50 ms | p90 ms | p99 ms | max ms | ceiling | of ceiling |",
                        "| upload 1KiB | 30 | 0 | ", "| delete 1KiB | 30 | 0 | ", "- sendfile: ", "- files: ",
                        "client CPU s/1k ops", "| scenario | busy cores | steal |");
        String json = Json.write(r.toJson());
        assertThat(json).contains("\"suite\": \"standard --quick\"", "\"machine\": {", "\"ceilings\": {",
                "\"sendfile\": {", "\"scenarios\": [", "\"ratio\": ", "\"label\": \"test run\"");
    }

    @Test
    void measuresEachScenarioInRoundsAndDeletesEachRoundsOwnFiles() throws IOException {
        Suite.Plan plan = new Suite.Plan(List.of(
                new Suite.Step(Op.UPLOAD, 1024, 10, 2, Suite.Ceiling.FILES),
                new Suite.Step(Op.DOWNLOAD, 1024, 10, 2, Suite.Ceiling.NONE),
                new Suite.Step(Op.DELETE, 1024, 10, 2, Suite.Ceiling.NONE)),
                1 << 20, 1, 50, 1024, true, 3);
        SuiteResult r;
        try (MemoryCluster cluster = new MemoryCluster();
             FdfsClient client = cluster.client(ClientConfig.builder().maxConnectionsPerServer(2))) {
            r = Suite.run(client, plan, new Suite.Config(2, List.of(), dir, ""), Progress.NONE);

            assertThat(cluster.files).isEmpty();
            assertThat(cluster.storage.received(Command.UPLOAD_FILE))
                    .as("warm-up, a second one after the pause (a quarter, rounded up), rounds")
                    .hasSize(2 + 1 + 3 * 10);
            assertThat(cluster.storage.received(Command.DELETE_FILE)).as("each measured file once, warm-ups too")
                    .hasSize(2 + 1 + 3 * 10);
        }

        assertThat(r.failed()).isFalse();
        assertThat(r.steps()).allSatisfy(s -> assertThat(s.result().rounds()).hasSize(3)
                .allSatisfy(round -> assertThat(round.total().count()).isEqualTo(10)));
        assertThat(r.steps().get(0).result().uploadedIds()).hasSize(30);
        assertThat(r.steps().get(2).result().rounds()).allSatisfy(round -> assertThat(round.total().errors()).isZero());
        assertThat(r.toMarkdown()).contains("Each scenario was measured in rounds after its warm-up, a pause",
                "- upload 1KiB: ", "- delete 1KiB: ", "; shown: round ");
        assertThat(Json.write(r.toJson())).contains("\"rounds\": [", "\"shown_round\": ");
    }

    @Test
    void theReportNamesTheErrorsOfARoundThatIsNotShown() {
        Suite.Step step = new Suite.Step(Op.UPLOAD, 64, 2, 0, Suite.Ceiling.NONE);
        OpResult ok = new OpResult("total", 2, 0, 128, 1, 1, 1, 1, 1, 1, 1, List.of());
        OpResult failed = new OpResult("total", 0, 2, 0, 1, 1, 1, 1, 1, 1, 1,
                List.of(new OpStats.ErrorSample("FastDFS error: UPLOAD_FILE ENOSPC", 2)));
        List<BenchResult.Round> rounds = new java.util.ArrayList<>();
        for (OpResult t : List.of(ok, ok, failed)) {
            rounds.add(new BenchResult.Round(java.time.Instant.EPOCH, 1, List.of(t), t, List.of(), null, null));
        }
        BenchResult r = new BenchResult(BenchSpec.of("upload 64B", OpMix.of(Op.UPLOAD), List.of(64L), 1, 2),
                List.of(), "classic", rounds, 0, List.of());
        SuiteResult suite = new SuiteResult(java.time.Instant.EPOCH, false, "", Map.of("host", "h"), List.of(),
                "classic", 1, Map.of(), List.of(new Suite.StepResult(step, r, null)));

        assertThat(r.total().errors()).as("the median round had none").isZero();
        assertThat(suite.failed()).isTrue();
        assertThat(suite.toMarkdown()).contains("- upload 64B: 2 ops/s; 2 ops/s; 0 ops/s, 2 errors: FastDFS error: "
                + "UPLOAD_FILE ENOSPC; shown: round ");
    }

    @Test
    void onceOnlyLargeUploadsAreLeftLargeLeftoversAreDeletedBeforeTheNextScenario() throws IOException {
        int mib = 1 << 20;
        Suite.Plan plan = new Suite.Plan(List.of(
                new Suite.Step(Op.UPLOAD, 1024, 6, 3, Suite.Ceiling.FILES),
                new Suite.Step(Op.DELETE, 1024, 6, 2, Suite.Ceiling.NONE),
                new Suite.Step(Op.UPLOAD, mib, 2, 3, Suite.Ceiling.SENDFILE),
                new Suite.Step(Op.DOWNLOAD, mib, 2, 1, Suite.Ceiling.SENDFILE),
                new Suite.Step(Op.UPLOAD, 2 * mib, 1, 1, Suite.Ceiling.SENDFILE)),
                1 << 20, 1, 50, 1024, true, 1);
        try (MemoryCluster cluster = new MemoryCluster();
             FdfsClient client = cluster.client(ClientConfig.builder().maxConnectionsPerServer(2))) {
            List<String> seen = new java.util.ArrayList<>();
            Progress watch = phaseStarts(seen, label -> {
                long oneMib = cluster.files.values().stream().filter(f -> f.length == mib).count();
                long small = cluster.files.values().stream().filter(f -> f.length == 1024).count();
                return oneMib + " of 1 MiB, " + small + " of 1 KiB";
            });
            Suite.run(client, plan, new Suite.Config(2, List.of(), dir, ""), watch);

            assertThat(seen).as("the 1 KiB warm-up file the delete left stays while 1 MiB files are uploaded")
                    .contains("upload 1MiB [warm-up]: 0 of 1 MiB, 1 of 1 KiB");
            assertThat(seen).as("the 1 MiB warm-up files are gone before the 1 MiB downloads")
                    .contains("download 1MiB [warm-up]: 2 of 1 MiB, 1 of 1 KiB")
                    .as("and the downloaded files before the 2 MiB uploads; the small file waits for the end")
                    .contains("upload 2MiB [warm-up]: 0 of 1 MiB, 1 of 1 KiB");
            assertThat(cluster.files).isEmpty();
        }
    }

    @Test
    void everyRoundOfALargeUploadStartsWithNoneOfItsEarlierFilesAndTheDownloadGetsTheLastRounds() throws IOException {
        int mib = 1 << 20;
        Suite.Plan plan = new Suite.Plan(List.of(
                new Suite.Step(Op.UPLOAD, mib, 2, 4, Suite.Ceiling.SENDFILE),
                new Suite.Step(Op.DOWNLOAD, mib, 2, 1, Suite.Ceiling.SENDFILE)),
                1 << 20, 1, 50, 1024, true, 3);
        SuiteResult r;
        try (MemoryCluster cluster = new MemoryCluster();
             FdfsClient client = cluster.client(ClientConfig.builder().maxConnectionsPerServer(2))) {
            List<String> seen = new java.util.ArrayList<>();
            Progress watch = phaseStarts(seen, label -> label.contains("[cleanup]") || label.contains("[deleting")
                    ? null : Integer.toString(cluster.files.size()));
            r = Suite.run(client, plan, new Suite.Config(2, List.of(), dir, ""), watch);

            assertThat(seen).as("the files on the cluster when each phase starts").containsSubsequence(
                    "upload 1MiB [warm-up]: 0",
                    "upload 1MiB [warm-up after a pause]: 0",
                    "upload 1MiB [round 1 of 3]: 0",
                    "upload 1MiB [round 2 of 3]: 0",
                    "upload 1MiB [round 3 of 3]: 0",
                    "download 1MiB [warm-up]: 2",
                    "download 1MiB [round 1 of 3]: 2");
            assertThat(cluster.files).isEmpty();
            assertThat(cluster.storage.received(Command.DELETE_FILE)).as("every upload deleted once")
                    .hasSize(cluster.storage.received(Command.UPLOAD_FILE).size());
        }
        assertThat(r.steps().get(0).result().uploadedIds()).as("the last round's").hasSize(2);
        assertThat(r.steps().get(0).result().rounds()).hasSize(3);
        assertThat(r.steps().get(1).result().rounds()).allSatisfy(round -> assertThat(round.total().errors()).isZero());
    }

    /** A progress that notes each phase's label as it starts, with what {@code state} says then (null: not noted). */
    private static Progress phaseStarts(List<String> seen, Function<String, String> state) {
        return new Progress() {
            @Override
            public Phase start(String label, long target, long durationNanos, Counters counters) {
                String now = state.apply(label);
                if (now != null) {
                    seen.add(label + ": " + now);
                }
                return () -> { };
            }

            @Override
            public void note(String message) {
            }
        };
    }

    @Test
    void aScenarioWithoutFilesIsSkippedAndTheSuiteFails() throws IOException {
        Suite.Plan plan = new Suite.Plan(List.of(new Suite.Step(Op.DOWNLOAD, 10, 5, 0, Suite.Ceiling.NONE)),
                1024, 1, 10, 10, false, 1);
        SuiteResult r;
        try (MemoryCluster cluster = new MemoryCluster(); FdfsClient client = cluster.client()) {
            r = Suite.run(client, plan, new Suite.Config(1, List.of(), dir, ""), Progress.NONE);
        }

        assertThat(r.failed()).isTrue();
        assertThat(r.steps().get(0).error()).startsWith("skipped");
        assertThat(r.toMarkdown()).startsWith("### Benchmark, ").contains("| download 10B | skipped");
    }

    @Test
    void theStandardPlanIsTheIssuesScenariosAndQuickIsATenth() {
        Suite.Plan p = Suite.Plan.standard();

        assertThat(p.steps()).extracting(Suite.Step::name, Suite.Step::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("upload 4KiB", 20_000L),
                org.assertj.core.groups.Tuple.tuple("download 4KiB", 20_000L),
                org.assertj.core.groups.Tuple.tuple("delete 4KiB", 20_000L),
                org.assertj.core.groups.Tuple.tuple("upload 1MiB", 200L),
                org.assertj.core.groups.Tuple.tuple("download 1MiB", 200L),
                org.assertj.core.groups.Tuple.tuple("upload 64MiB", 20L),
                org.assertj.core.groups.Tuple.tuple("download 64MiB", 20L));
        assertThat(p.sendfileSize()).isEqualTo(64L << 20);
        assertThat(p.filesCount()).isEqualTo(20_000);
        assertThat(Suite.Plan.smoke().steps()).extracting(Suite.Step::count)
                .containsExactly(2000L, 2000L, 2000L, 20L, 20L, 2L, 2L);
        assertThat(Suite.Plan.smoke().quick()).isTrue();
        assertThat(p.rounds()).isEqualTo(3);
        assertThat(Suite.Plan.smoke().rounds()).isEqualTo(1);
    }

    @Test
    void aScenarioWaitsForIdleServersAndNotForAProcessThatIsGone() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            long t0 = System.nanoTime();
            Suite.awaitIdle(List.of(new BenchRunner.Watched("idle", sleeper.pid()),
                    new BenchRunner.Watched("gone", Long.MAX_VALUE)), () -> null, Progress.NONE);
            assertThat((System.nanoTime() - t0) / 1_000_000).as("one window of a second")
                    .isBetween(900L, 10_000L);
        } finally {
            sleeper.destroy();
        }
        long t0 = System.nanoTime();
        Suite.awaitIdle(List.of(), () -> null, Progress.NONE);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("nothing to watch: no wait").isLessThan(100L);
    }

    @Test
    void aScenarioAlsoWaitsForAnIdleMachineWithItsUploadsWrittenBack() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        // readings one second apart: half the cores busy, then idle but 1 GiB unwritten (written back
        // at once), still 512 MiB unwritten (not written back again), then quiet
        Iterator<MachineStats> readings = List.of(
                new MachineStats(0, 0, 0, 0, 2), new MachineStats(100, 0, 200, 0, 2),
                new MachineStats(100, 0, 200, 0, 2), new MachineStats(105, 0, 400, 1 << 20, 2),
                new MachineStats(105, 0, 400, 1 << 20, 2), new MachineStats(108, 0, 600, 1 << 19, 2),
                new MachineStats(108, 0, 600, 1 << 19, 2), new MachineStats(110, 0, 800, 1024, 2)).iterator();
        int[] writeBacks = {0};
        try {
            long t0 = System.nanoTime();
            Suite.awaitIdle(List.of(new BenchRunner.Watched("idle", sleeper.pid())), readings::next,
                    () -> writeBacks[0]++, Progress.NONE);
            assertThat((System.nanoTime() - t0) / 1_000_000).as("four windows of a second")
                    .isBetween(3_600L, 20_000L);
            assertThat(readings.hasNext()).isFalse();
            assertThat(writeBacks[0]).as("written back once, when nothing but unwritten data was left").isEqualTo(1);
        } finally {
            sleeper.destroy();
        }
    }
}
