package org.fastdfs.client.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.fastdfs.client.ClientConfig;
import org.fastdfs.client.FdfsClient;
import org.fastdfs.client.FdfsException;
import org.fastdfs.client.MemoryCluster;
import org.fastdfs.proto.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The engine end to end against the in-memory cluster. */
@Timeout(60)
class BenchRunnerTest {

    MemoryCluster cluster;
    FdfsClient client;
    StringWriter progressText = new StringWriter();
    Progress progress = Progress.to(new PrintWriter(progressText, true), false, 60_000);

    @BeforeEach
    void start() throws IOException {
        cluster = new MemoryCluster();
        client = cluster.client(ClientConfig.builder().maxConnectionsPerServer(4));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        cluster.close();
    }

    BenchResult run(BenchSpec spec) {
        return new BenchRunner(client, spec, List.of(), progress).run();
    }

    static BenchSpec spec(String mix, long count, Long... sizes) {
        return BenchSpec.of("", OpMix.parse(mix), List.of(sizes), 4, count);
    }

    @Test
    void uploadsTheCountAndDeletesTheFilesAfterwards() {
        BenchResult r = run(spec("upload", 40, 4096L));

        assertThat(r.total().count()).isEqualTo(40);
        assertThat(r.total().errors()).isZero();
        assertThat(r.total().bytes()).isEqualTo(40 * 4096);
        assertThat(r.ops()).extracting(OpResult::op).containsExactly("upload");
        assertThat(r.uploadedIds()).hasSize(40).doesNotHaveDuplicates();
        assertThat(r.total().p50Ms()).isPositive();
        assertThat(r.total().maxMs()).isGreaterThanOrEqualTo(r.total().p99Ms());
        assertThat(r.failed()).isFalse();
        assertThat(cluster.files).isEmpty();
        assertThat(cluster.storage.received(Command.UPLOAD_FILE)).hasSize(40);
        assertThat(cluster.storage.received(Command.UPLOAD_FILE).get(0).body()).hasSize(15 + 4096);
    }

    @Test
    void keepsTheMeasuredUploadsButNotTheWarmUpOnes() {
        BenchResult r = run(spec("upload", 20, 100L).withWarmup(new BenchSpec.Warmup(7, null))
                .withKeep(BenchSpec.Keep.UPLOADS));

        assertThat(r.total().count()).isEqualTo(20);
        assertThat(cluster.storage.received(Command.UPLOAD_FILE)).hasSize(27);
        assertThat(cluster.files).hasSize(20);
        assertThat(r.uploadedIds()).allSatisfy(id -> assertThat(cluster.files).containsKey(id.substring(7)));
        assertThat(progressText.toString()).contains("upload 100B [warm-up]", "upload 100B [cleanup]");
    }

    @Test
    void takesSeveralSizesInTurn() {
        BenchResult r = run(spec("upload", 30, 10L, 20L, 30L));

        assertThat(r.total().bytes()).isEqualTo(10 * (10 + 20 + 30));
        assertThat(r.spec().displayName()).isEqualTo("upload 10B,20B,30B");
    }

    @Test
    void downloadsSetupFilesAndRemovesThem() {
        BenchResult r = run(spec("download", 50, 2000L));

        assertThat(r.total().count()).isEqualTo(50);
        assertThat(r.total().bytes()).isEqualTo(50 * 2000);
        assertThat(cluster.storage.received(Command.UPLOAD_FILE)).hasSize(50); // min(100, reads)
        assertThat(cluster.storage.received(Command.DOWNLOAD_FILE)).hasSize(50);
        assertThat(cluster.files).isEmpty();
        assertThat(progressText.toString()).contains("download 2000B [setup]");
    }

    @Test
    void cyclesOverTheGivenNumberOfFiles() {
        BenchSpec s = spec("download", 30, 10L);
        s = new BenchSpec(s.name(), s.mix(), s.sizes(), 2, 30, null, BenchSpec.Warmup.NONE, 3, List.of(),
                BenchSpec.Keep.NONE, "bin", 0, false);

        BenchResult r = run(s);

        assertThat(r.total().count()).isEqualTo(30);
        assertThat(cluster.storage.received(Command.UPLOAD_FILE)).hasSize(3);
    }

    @Test
    void deletesOneSetupFilePerDelete() {
        BenchResult r = run(spec("delete", 25, 10L).withWarmup(new BenchSpec.Warmup(5, null)));

        assertThat(r.total().count()).isEqualTo(25);
        assertThat(r.total().errors()).isZero();
        assertThat(cluster.storage.received(Command.UPLOAD_FILE)).hasSize(30);
        assertThat(cluster.storage.received(Command.DELETE_FILE)).hasSize(30);
        assertThat(cluster.files).isEmpty();
    }

    @Test
    void deletesGivenIdsAndStopsEarlyWhenTheyRunOut() {
        List<String> ids = List.of(cluster.put(new byte[] {1}, "bin"), cluster.put(new byte[] {2}, "bin"));
        BenchSpec s = new BenchSpec("", OpMix.of(Op.DELETE), List.of(1L), 2, 0, Duration.ofSeconds(20),
                BenchSpec.Warmup.NONE, 0, ids, BenchSpec.Keep.NONE, "bin", 0, false);

        BenchResult r = run(s);

        assertThat(r.total().count()).isEqualTo(2);
        assertThat(r.stoppedEarly()).contains("no files left to delete");
        assertThat(r.seconds()).isLessThan(10);
        assertThat(cluster.files).isEmpty();
    }

    @Test
    void setsAndGetsMetadata() {
        BenchResult r = run(spec("meta", 40, 10L));

        assertThat(r.ops()).extracting(OpResult::op).containsExactly("meta-set", "meta-get");
        assertThat(r.ops()).extracting(OpResult::count).containsExactly(20L, 20L);
        assertThat(r.total().errors()).isZero();
        assertThat(cluster.storage.received(Command.SET_METADATA)).hasSizeGreaterThanOrEqualTo(20);
        assertThat(cluster.storage.received(Command.GET_METADATA)).hasSize(20);
    }

    @Test
    void locatesFilesAtTheTrackerWithoutTouchingTheStorage() {
        BenchResult r = run(spec("locate", 30, 10L));

        assertThat(r.ops()).extracting(OpResult::op).containsExactly("locate");
        assertThat(r.total().count()).isEqualTo(30);
        assertThat(r.total().errors()).isZero();
        assertThat(cluster.tracker.received(Command.SERVICE_QUERY_FETCH_ONE)).hasSize(30);
        assertThat(cluster.storage.received(Command.DOWNLOAD_FILE)).isEmpty();
        assertThat(cluster.files).as("the setup files are deleted").isEmpty();
    }

    @Test
    void runsAMixInItsProportions() {
        BenchResult r = run(spec("mixed=upload:70,download:30", 100, 64L));

        Map<String, Long> counts = r.ops().stream().collect(java.util.stream.Collectors.toMap(OpResult::op,
                OpResult::count));
        assertThat(counts).isEqualTo(Map.of("upload", 70L, "download", 30L));
        assertThat(r.total().count()).isEqualTo(100);
        assertThat(r.uploadedIds()).hasSize(70);
        assertThat(cluster.files).isEmpty();
    }

    @Test
    void runsForADuration() {
        BenchSpec s = new BenchSpec("", OpMix.of(Op.UPLOAD), List.of(10L), 2, 0, Duration.ofMillis(300),
                new BenchSpec.Warmup(0, Duration.ofMillis(100)), 0, List.of(), BenchSpec.Keep.NONE, "bin", 0, false);

        BenchResult r = run(s);

        assertThat(r.seconds()).isBetween(0.3, 5.0);
        assertThat(r.total().count()).isPositive();
        assertThat(r.stoppedEarly()).isNull();
        assertThat(cluster.files).isEmpty();
    }

    @Test
    void countsErrorsByKindAndFailsBeyondTheTolerance() {
        List<String> ids = List.of(cluster.put(new byte[] {1}, "bin"), "group1/M00/00/00/missingfile1.bin");
        BenchResult r = run(spec("download", 10, 1L).withIdsIn(ids));

        assertThat(r.total().count()).isEqualTo(5);
        assertThat(r.total().errors()).isEqualTo(5);
        assertThat(r.ops().get(0).errorSamples()).singleElement().satisfies(e -> {
            assertThat(e.count()).isEqualTo(5);
            assertThat(e.message()).startsWith("FastDFS error: DOWNLOAD_FILE FILE").contains("ENOENT");
        });
        assertThat(r.failed()).isTrue();
        assertThat(Json.write(r.toJson())).contains("\"error_samples\"", "\"failed\": true");
        assertThat(cluster.files).hasSize(1); // ids-in files are not the run's to delete
    }

    @Test
    void aFailedSetupThrowsItsFirstErrorAndLeavesNothingBehind() {
        FdfsClient broken = cluster.client(ClientConfig.builder().maxConnectionsPerServer(4)
                .addressMapper(e -> new org.fastdfs.client.Endpoint("127.0.0.1", 1)));
        try (broken) {
            BenchRunner runner = new BenchRunner(broken, spec("download", 10, 1L), List.of(), Progress.NONE);
            assertThatThrownBy(runner::run).isInstanceOf(FdfsException.class).hasMessageContaining("127.0.0.1:1");
        }
        assertThat(cluster.files).isEmpty();
    }

    @Test
    void aWarmUpThatSettlesGoesOnInRoundsWhileTheCompilersAreBusy() {
        // compiler ticks of the one watched process and the client: at the start, then after each round
        Iterator<long[]> readings = List.of(new long[] {0, 0}, new long[] {40, 0}, new long[] {45, 1},
                new long[] {99, 1}, new long[] {100, 2}, new long[] {104, 2}, new long[] {500, 500}).iterator();
        BenchSpec s = spec("download", 30, 10L).withWarmup(new BenchSpec.Warmup(5, null)
                .settlingFor(Duration.ofSeconds(30)));
        BenchResult r = new BenchRunner(client, s, List.of(new BenchRunner.Watched("me", 1)), progress)
                .compilerReader(all -> readings.next()).run();

        // round 1: 40 ticks (0.4 of a core) is busy; round 2 quiet (5 and 1 ticks); round 3 busy again;
        // rounds 4 and 5 quiet twice in a row
        assertThat(r.settleSeconds()).isBetween(5.0, 7.0);
        assertThat(readings.hasNext()).isTrue();
        assertThat(r.total().count()).isEqualTo(30);
        assertThat(cluster.storage.received(Command.DOWNLOAD_FILE).size()).isGreaterThan(35 + 5);
        assertThat(progressText.toString()).contains("download 10B [warm-up until the JIT settles]");
        assertThat(Json.write(r.toJson())).contains("\"settle_max_s\": 30", "\"settle_s\": ");
    }

    @Test
    void aWarmUpGivesUpOnTheCompilersAfterItsLimit() {
        long[] busy = {0};
        BenchSpec s = spec("upload", 10, 10L).withWarmup(new BenchSpec.Warmup(0, null)
                .settlingFor(Duration.ofMillis(1500)));
        BenchResult r = new BenchRunner(client, s, List.of(), progress)
                .compilerReader(all -> new long[] {busy[0] += 50}).run();

        assertThat(r.settleSeconds()).isBetween(2.0, 4.0);
        assertThat(r.total().count()).isEqualTo(10);
        assertThat(progressText.toString()).contains("upload 10B: JIT compilers still busy after 2 s of extra warm-up");
        assertThat(cluster.files).isEmpty();
    }

    @Test
    void aWarmUpWithoutSettlingDoesNotWaitForTheCompilers() {
        BenchResult r = new BenchRunner(client, spec("upload", 10, 10L).withWarmup(new BenchSpec.Warmup(3, null)),
                List.of(), progress).compilerReader(all -> {
                    throw new AssertionError("read the compilers");
                }).run();

        assertThat(r.settleSeconds()).isZero();
        assertThat(cluster.storage.received(Command.UPLOAD_FILE)).hasSize(13);
    }

    @Test
    void recordsWatchedProcessesAndTheClient() {
        long self = ProcessHandle.current().pid();
        BenchResult r = new BenchRunner(client, spec("upload", 10, 10L), List.of(new BenchRunner.Watched("me", self)),
                Progress.NONE).run();

        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(r.processes()).singleElement().satisfies(p -> {
                assertThat(p.name()).isEqualTo("me");
                assertThat(p.known()).isTrue();
                assertThat(p.cpuSeconds()).isGreaterThanOrEqualTo(0);
                assertThat(p.ops()).isEqualTo(10);
            });
            assertThat(Json.write(r.toJson())).contains("\"cpu_s_per_1000_ops\"", "\"rss_kib_after\"",
                    "\"busy_cores\": ", "\"steal_share\": ");
            assertThat(r.machine().cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(r.machine().busyCores()).isBetween(0.0, (double) r.machine().cores());
        }
    }

    @Test
    void measuresRoundsAfterAWarmUpAPauseAndASecondWarmUpAndShowsTheMedian() {
        int[] pauses = {0};
        BenchResult r = new BenchRunner(client, spec("upload", 12, 10L).withWarmup(new BenchSpec.Warmup(8, null))
                .withKeep(BenchSpec.Keep.UPLOADS), List.of(), progress)
                .rounds(3, () -> pauses[0]++).run();

        assertThat(r.rounds()).hasSize(3).allSatisfy(round -> assertThat(round.total().count()).isEqualTo(12));
        assertThat(pauses[0]).as("a pause after the warm-up and before every round").isEqualTo(4);
        assertThat(cluster.storage.received(Command.UPLOAD_FILE)).as("a warm-up and a quarter of it after the pause")
                .hasSize(8 + 2 + 3 * 12);
        assertThat(progressText.toString()).contains("upload 10B [warm-up after a pause]");
        assertThat(r.uploadedIds()).as("every round's uploads").hasSize(36).doesNotHaveDuplicates();
        assertThat(cluster.files).as("the warm-ups' files are deleted, the measured kept").hasSize(36);
        List<Double> rates = r.rounds().stream().map(x -> x.total().opsPerSecond()).sorted().toList();
        assertThat(r.total().opsPerSecond()).isEqualTo(rates.get(1));
        assertThat(progressText.toString()).contains("upload 10B [round 2 of 3]");
        assertThat(Json.write(r.toJson())).contains("\"shown_round\": " + (r.shownRound() + 1), "\"rounds\": [",
                "\"ops_per_s\": ");
    }

    @Test
    void deletesGetSetupFilesForEveryRoundAndBothWarmUps() {
        BenchResult r = new BenchRunner(client, spec("delete", 10, 10L).withWarmup(new BenchSpec.Warmup(7, null)),
                List.of(), progress).rounds(2, () -> { }).run();

        assertThat(r.rounds()).extracting(x -> x.total().count()).containsExactly(10L, 10L);
        assertThat(r.failed()).isFalse();
        assertThat(cluster.storage.received(Command.UPLOAD_FILE)).as("rounds, warm-up, a quarter of it rounded up")
                .hasSize(20 + 7 + 2);
        assertThat(cluster.storage.received(Command.DELETE_FILE)).hasSize(29);
        assertThat(cluster.files).isEmpty();
    }

    @Test
    void roundsThatRunOutOfFilesStopAndErrorsOfAnyRoundCount() {
        List<String> ids = List.of(cluster.put(new byte[] {1}, "bin"), cluster.put(new byte[] {2}, "bin"),
                cluster.put(new byte[] {3}, "bin"));
        BenchResult r = new BenchRunner(client, spec("delete", 2, 1L).withIdsIn(ids), List.of(), progress)
                .rounds(3, () -> { }).run();

        assertThat(r.rounds()).as("the second round ran out, the third did not start").hasSize(2);
        assertThat(r.stoppedEarly()).contains("no files left to delete");
        assertThat(r.rounds()).extracting(x -> x.total().count()).containsExactly(2L, 1L);
        assertThat(cluster.files).isEmpty();

        BenchResult failing = new BenchRunner(client, spec("delete", 1, 1L).withIdsIn(List.of(
                "group1/M00/00/00/missing.bin", cluster.put(new byte[] {4}, "bin"), cluster.put(new byte[] {5}, "bin"))),
                List.of(), progress).rounds(3, () -> { }).run();
        assertThat(failing.rounds()).extracting(x -> x.total().errors()).containsExactly(1L, 0L, 0L);
        assertThat(failing.total().errors()).as("the median round had none").isZero();
        assertThat(failing.failed()).isTrue();
    }

    @Test
    void aRoundTheHypervisorDisturbedIsMeasuredAgainAndLeftOutOfTheMedian() {
        // steal per round (share of 100 ticks): 2 %, 30 %, 5 %, 12 %, 1 %
        Iterator<Long> steal = List.of(2L, 30L, 5L, 12L, 1L).iterator();
        long[] ticks = {0, 0};
        BenchResult r = new BenchRunner(client, spec("upload", 6, 10L), List.of(), progress).rounds(3, () -> { })
                .machineReader(() -> {
                    MachineStats m = new MachineStats(ticks[0], ticks[1], ticks[0], 0, 2);
                    if (ticks[0] % 200 == 0 && steal.hasNext()) { // a round starts: its end comes 100 ticks later
                        ticks[1] += steal.next();
                    }
                    ticks[0] += 100;
                    return m;
                }).run();

        assertThat(r.rounds()).hasSize(5).extracting(BenchResult.Round::disturbed)
                .containsExactly(false, true, false, true, false);
        List<Double> clean = java.util.stream.Stream.of(0, 2, 4)
                .map(i -> r.rounds().get(i).total().opsPerSecond()).sorted().toList();
        assertThat(r.total().opsPerSecond()).as("the median of the three undisturbed rounds").isEqualTo(clean.get(1));
        assertThat(progressText.toString()).contains("upload 10B [round 2 of 3]: the hypervisor stole 30 % of the round",
                "upload 10B [round 4, in place of a disturbed one]");
        assertThat(Json.write(r.toJson())).contains("\"disturbed\": true", "\"disturbed\": false");
    }

    @Test
    void disturbedRoundsAreMeasuredAgainAtMostAsOftenAsAskedAndDeletesOnlyWithFilesLeft() {
        MachineStats[] m = {new MachineStats(0, 0, 0, 0, 2)};
        Supplier<MachineStats> stolen = () -> m[0] = new MachineStats(m[0].busyTicks() + 100,
                m[0].stealTicks() + 50, m[0].totalTicks() + 100, 0, 2);
        BenchResult up = new BenchRunner(client, spec("upload", 3, 10L), List.of(), progress).rounds(2, () -> { })
                .machineReader(stolen).run();
        assertThat(up.rounds()).hasSize(4).allMatch(BenchResult.Round::disturbed);
        assertThat(up.total().count()).isEqualTo(3);

        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(cluster.put(new byte[] {(byte) i}, "bin"));
        }
        BenchRunner deletes = new BenchRunner(client, spec("delete", 2, 1L).withIdsIn(ids), List.of(), progress)
                .rounds(2, () -> { }).machineReader(stolen);
        BenchResult del = deletes.run();
        assertThat(del.rounds()).as("7 files: two rounds and one more whole round of 2").hasSize(3);
        assertThat(progressText.toString()).contains("no files left to measure a disturbed round again");
        assertThat(deletes.undeleted()).hasSize(1);
        assertThat(cluster.files).hasSize(1);
    }

    @Test
    void theMedianRoundIsTheLowerMiddleOneOfAnEvenCount() {
        BenchSpec s = spec("upload", 1, 1L);
        BenchResult r = new BenchResult(s, List.of(), "classic", List.of(round(400), round(100), round(300), round(200)),
                0, List.of());
        assertThat(r.shownRound()).isEqualTo(3);
        assertThat(r.total().count()).isEqualTo(200);
        assertThat(new BenchResult(s, List.of(), "classic", List.of(round(5), round(9), round(7)), 0, List.of())
                .total().count()).isEqualTo(7);
        assertThatThrownBy(() -> new BenchResult(s, List.of(), "classic", List.of(), 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRoundTooShortToJudgeItsStealIsNotDisturbed() {
        OpResult total = new OpResult("total", 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, List.of());
        MachineUsage fewTicks = new MachineUsage(new MachineStats(0, 0, 0, 0, 2), new MachineStats(6, 3, 6, 0, 2));
        MachineUsage enough = new MachineUsage(new MachineStats(0, 0, 0, 0, 2), new MachineStats(40, 5, 40, 0, 2));

        assertThat(new BenchResult.Round(java.time.Instant.EPOCH, 0.03, List.of(total), total, List.of(), fewTicks,
                null).disturbed()).as("3 of 6 ticks stolen").isFalse();
        assertThat(new BenchResult.Round(java.time.Instant.EPOCH, 0.2, List.of(total), total, List.of(), enough,
                null).disturbed()).as("5 of 40 ticks stolen").isTrue();
    }

    @Test
    void theMedianIsTakenOverTheUndisturbedRoundsOnly() {
        BenchSpec s = spec("upload", 1, 1L);
        // undisturbed 100 and 300; disturbed 50, 500, 600: the median of all would be 300
        BenchResult r = new BenchResult(s, List.of(), "classic", List.of(round(50, true), round(100, false),
                round(500, true), round(300, false), round(600, true)), 0, List.of());
        assertThat(r.total().count()).isEqualTo(100);
        BenchResult oneClean = new BenchResult(s, List.of(), "classic", List.of(round(50, true), round(70, true),
                round(900, false), round(60, true)), 0, List.of());
        assertThat(oneClean.total().count()).isEqualTo(900);
        BenchResult allDisturbed = new BenchResult(s, List.of(), "classic", List.of(round(50, true), round(70, true),
                round(60, true)), 0, List.of());
        assertThat(allDisturbed.total().count()).isEqualTo(60);
    }

    /** A round of one second with {@code ops} operations. */
    static BenchResult.Round round(long ops) {
        return round(ops, false);
    }

    /** A round of one second with {@code ops} operations, with a quarter of 100 ticks stolen if {@code stolen}. */
    static BenchResult.Round round(long ops, boolean stolen) {
        OpResult total = new OpResult("total", ops, 0, 0, 1, 1, 1, 1, 1, 1, 1, List.of());
        MachineUsage machine = new MachineUsage(new MachineStats(0, 0, 0, 0, 2),
                new MachineStats(100, stolen ? 25 : 0, 100, 0, 2));
        return new BenchResult.Round(java.time.Instant.EPOCH, 1, List.of(total), total, List.of(), machine, null);
    }

    @Test
    void writesTheResultAsJson() {
        BenchResult r = run(spec("upload", 5, 10L));

        String json = Json.write(r.toJson());
        assertThat(json).startsWith("{\n  \"name\": \"upload 10B\",")
                .contains("\"trackers\": [\"" + cluster.tracker.endpoint() + "\"]", "\"connections\": 4",
                        "\"mix\": {\n    \"upload\": 1\n  }", "\"sizes\": [10]", "\"count\": 5", "\"duration_s\": null",
                        "\"ops\": {\n    \"upload\": {\n      \"count\": 5,", "\"latency_ms\": {", "\"p99\": ",
                        "\"total\": {", "\"failed\": false");
    }
}
