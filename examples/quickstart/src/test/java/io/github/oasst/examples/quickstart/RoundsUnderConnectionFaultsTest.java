package io.github.oasst.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.RetryPolicy;
import io.github.oasst.client.protocol.User;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Many rounds of the main job against a backend behind a faulty proxy: a fifth of the requests
 * refused, answered 503, or handled and then their answer dropped or cut, each equally often, at a
 * fixed seed. The backend's state afterwards shows that nothing the rounds report was lost and
 * nothing was stored twice, and that the rounds went on.
 */
class RoundsUnderConnectionFaultsTest {
    private static final int ROUNDS = 40;
    private static final double RATE = 0.2;
    private static final long SEED = 20230106;

    @Test
    void roundsGoOnWithNothingLostAndNothingStoredTwice() {
        List<Step> steps = new ArrayList<>();
        Tally tally = new Tally();
        ConnectionFaults faults = ConnectionFaults.of(RATE, SEED, Quickstart.FAULTS);
        try (FakeOasstBackend backend =
                        FakeOasstBackend.builder().connectionFaults(faults).start();
                OasstClient client = Quickstart.client(
                                backend.baseUrl(),
                                backend.apiKey(),
                                // the main job's policy, with shorter waits
                                RetryPolicy.builder()
                                        .initialBackoff(Duration.ofMillis(2))
                                        .maxBackoff(Duration.ofMillis(20)))
                        .listener(tally)
                        .build()) {
            User user = User.local("soak", "Soak Test");
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            for (int round = 1; round <= ROUNDS; round++) {
                FrontendRound.Result result = new FrontendRound(client, user, quiet, false, "r" + round, tally).play();
                assertThat(result.stop()).as("round %d stopped early", round).isNull();
                steps.addAll(result.steps());
            }
            Map<UUID, FakeTask> tasks =
                    backend.tasks().stream().collect(Collectors.toMap(FakeTask::id, Function.identity()));

            assertThat(steps).hasSize(ROUNDS * FrontendRound.length());
            for (Step step : steps) {
                FakeTask task = step.taskId() == null ? null : tasks.get(step.taskId());
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
            assertThat(tasks.values())
                    .as("no text reply, ranking or label stored twice")
                    .allSatisfy(task -> assertThat(task.answersStored()).isLessThanOrEqualTo(1));

            long servable = steps.stream().filter(s -> s.outcome().servable()).count();
            long complete = steps.stream().filter(s -> s.outcome().complete()).count();
            assertThat(complete)
                    .as("complete of %d servable steps", servable)
                    .isGreaterThanOrEqualTo(servable * 9 / 10);

            Map<ConnectionFault, Long> injected = faults.injected();
            long faulted = injected.values().stream().mapToLong(Long::longValue).sum();
            assertThat(injected).as("each kind injected").containsOnlyKeys(Quickstart.FAULTS);
            assertThat(injected.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(faulted / 8));
            assertThat((double) faulted / tally.requests()).isBetween(0.15, 0.25);
            assertThat(tally.retries()).isPositive();
            assertThat(tally.reconciled()).isPositive();

            ByteArrayOutputStream report = new ByteArrayOutputStream();
            tally.print(new PrintStream(report, true, StandardCharsets.UTF_8), ROUNDS, Duration.ZERO);
            System.out.println("Injected " + injected + " into " + tally.requests() + " requests");
            System.out.print(report.toString(StandardCharsets.UTF_8));
        }
    }
}
