package io.github.oasst.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.oasst.client.testkit.ConnectionFault;
import io.github.oasst.client.testkit.ConnectionFaults;
import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.client.testkit.FakeTask;
import io.github.oasst.examples.quickstart.Step.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Many rounds of the main job against a backend behind a faulty proxy: a fifth of the requests
 * refused, answered 503, or handled and then their answer dropped or cut, each equally often, at
 * three seeds, against the fake backend of either version. The backend's state afterwards shows that
 * nothing the rounds report was lost and nothing was stored twice, and that the rounds went on: at
 * least 95 % of the servable steps complete, not counting on a 2023-01 server the steps its rules
 * leave uncertain (a ranking or labels whose answer was lost, which it cannot tell apart from new).
 */
class RoundsUnderConnectionFaultsTest {
    private static final int ROUNDS = 40;
    private static final double RATE = 0.2;
    private static final long SEED = 20230106;
    private static final long[] SEEDS = {1, 2, 3};

    /** What a run of rounds did, and the backend's state afterwards. */
    private record Run(List<Step> steps, Tally tally, Map<UUID, FakeTask> tasks, Map<ConnectionFault, Long> injected) {
        long count(Outcome outcome) {
            return steps.stream().filter(step -> step.outcome() == outcome).count();
        }
    }

    private static Run play(OasstServerVersion version, int rounds, long seed) {
        List<Step> steps = new ArrayList<>();
        Tally tally = new Tally();
        ConnectionFaults faults = ConnectionFaults.of(RATE, seed, Quickstart.FAULTS);
        try (FakeOasstBackend backend = FakeOasstBackend.builder()
                        .serverVersion(version)
                        .connectionFaults(faults)
                        .start();
                OasstClient client = Quickstart.client(
                                backend.baseUrl(),
                                backend.apiKey(),
                                version,
                                // the main job's policy, with shorter waits
                                RetryPolicy.builder()
                                        .initialBackoff(Duration.ofMillis(2))
                                        .maxBackoff(Duration.ofMillis(20)))
                        .listener(tally)
                        .build()) {
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            for (int round = 1; round <= rounds; round++) {
                OasstClient view = client.forUser(Quickstart.user("soak-" + seed, round)); // as the main job does
                FrontendRound.Result result =
                        new FrontendRound(view, new HashSet<>(), quiet, false, "r" + round, tally).play();
                assertThat(result.stop()).as("round %d stopped early", round).isNull();
                steps.addAll(result.steps());
            }
            Map<UUID, FakeTask> tasks =
                    backend.tasks().stream().collect(Collectors.toMap(FakeTask::id, Function.identity()));
            return new Run(steps, tally, tasks, faults.injected());
        }
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> versionsAndSeeds() {
        return java.util.Arrays.stream(OasstServerVersion.values())
                .flatMap(version -> java.util.Arrays.stream(SEEDS)
                        .mapToObj(seed -> org.junit.jupiter.params.provider.Arguments.of(version, seed)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @org.junit.jupiter.params.provider.MethodSource("versionsAndSeeds")
    void roundsGoOnWithNothingLostAndNothingStoredTwice(OasstServerVersion version, long seed) {
        Run run = play(version, ROUNDS, seed);

        assertThat(run.steps()).hasSize(ROUNDS * FrontendRound.length());
        for (Step step : run.steps()) {
            FakeTask task = step.taskId() == null ? null : run.tasks().get(step.taskId());
            if (step.messageId() != null) {
                assertThat(task).as("acknowledged: %s", step).isNotNull();
                assertThat(task.frontendMessageId())
                        .as("acknowledged: %s", step)
                        .isEqualTo(step.messageId());
            }
            if (step.outcome() == Outcome.ANSWERED) {
                assertThat(task.status()).as("answered: %s", step).isEqualTo(FakeTask.Status.DONE);
                assertThat(task.answersStored()).as("answered: %s", step).isEqualTo(1);
            }
            if (step.outcome() == Outcome.NACKED) {
                assertThat(task.status()).as("rejected: %s", step).isEqualTo(FakeTask.Status.NACKED);
            }
        }
        assertThat(run.tasks().values())
                .as("no text reply, ranking or label stored twice")
                .allSatisfy(task -> assertThat(task.answersStored()).isLessThanOrEqualTo(1));

        long servable = run.steps().stream().filter(s -> s.outcome().servable()).count();
        long complete = run.steps().stream().filter(s -> s.outcome().complete()).count();
        long uncertainByTheServersRules = version != OasstServerVersion.V2023_01
                ? 0
                : run.steps().stream()
                        .filter(step -> step.outcome() == Outcome.UNCERTAIN)
                        .filter(step -> step.received().matches("(rank|label)_.*"))
                        .count();
        assertThat(complete * 100.0 / (servable - uncertainByTheServersRules))
                .as(
                        "%% complete of %d servable steps (%d uncertain by the server's rules)",
                        servable, uncertainByTheServersRules)
                .isGreaterThanOrEqualTo(95.0);
        assertThat(run.count(Outcome.FAILED) * 100.0 / servable).as("%% failed").isLessThanOrEqualTo(3.0);

        long faulted =
                run.injected().values().stream().mapToLong(Long::longValue).sum();
        assertThat(run.injected()).as("each kind injected").containsOnlyKeys(Quickstart.FAULTS);
        assertThat(run.injected().values())
                .allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(faulted / 8));
        assertThat((double) faulted / run.tally().requests()).isBetween(0.15, 0.25);
        assertThat(run.tally().retries()).isPositive();
        assertThat(run.tally().reconciled()).isPositive();

        ByteArrayOutputStream report = new ByteArrayOutputStream();
        run.tally().print(new PrintStream(report, true, StandardCharsets.UTF_8), ROUNDS, Duration.ZERO);
        System.out.println(version + ": injected " + run.injected() + " into "
                + run.tally().requests() + " requests");
        System.out.print(report.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a2023_05ServerLeavesFewerStepsUncertainThanA2023_01Server() {
        Run older = play(OasstServerVersion.V2023_01, 20, SEED);
        Run newer = play(OasstServerVersion.V2023_05, 20, SEED);

        assertThat(older.count(Outcome.UNCERTAIN))
                .as("a lost answer to labels is not repeated against 2023-01")
                .isPositive();
        assertThat(newer.count(Outcome.UNCERTAIN))
                .as("2023-05 refuses every repeat with 2105, so lost answers reconcile")
                .isLessThan(older.count(Outcome.UNCERTAIN));
    }
}
