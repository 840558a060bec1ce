package io.github.oasst.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.client.testkit.FakeTask;
import io.github.oasst.client.testkit.InjectedFault;
import io.github.oasst.examples.quickstart.Step.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One round meets a lost answer in one step: that step's outcome says so, the round goes on. */
class FrontendRoundTest {
    private static final User USER = User.local("round-test", "Round Test");

    private final FakeOasstBackend backend = FakeOasstBackend.start();
    private final OasstClient client = Quickstart.client(
                    backend.baseUrl(),
                    backend.apiKey(),
                    OasstServerVersion.V2023_01,
                    RetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)))
            .build();

    @AfterEach
    void tearDown() {
        client.close();
        backend.close();
    }

    /** Plays a round whose answer to the given task type is lost after the backend stored it. */
    private FrontendRound.Result roundLosingTheAnswerTo(String requested, String stepBefore) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrontendRound round = new FrontendRound(
                client.forUser(USER),
                new HashSet<>(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                false,
                "t",
                step -> {
                    if (step.requested().equals(stepBefore)) {
                        backend.injectFault(1, "/api/v1/tasks/interaction", InjectedFault.resetAfterProcessing());
                    }
                });
        FrontendRound.Result result = round.play();
        assertThat(result.stop()).isNull();
        assertThat(result.steps()).hasSize(FrontendRound.length());
        assertThat(result.steps().get(result.steps().size() - 1).outcome())
                .as("the round went on to its last step")
                .isEqualTo(Outcome.NACKED);
        assertThat(result.steps())
                .filteredOn(step -> step.requested().equals(requested))
                .hasSize(1);
        return result;
    }

    private Step step(FrontendRound.Result result, String requested) {
        return result.steps().stream()
                .filter(step -> step.requested().equals(requested))
                .findFirst()
                .orElseThrow();
    }

    private FakeTask task(Step step) {
        return backend.tasks().stream()
                .filter(task -> task.id().equals(step.taskId()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aTextReplyWhoseAnswerWasLostIsRepeatedAndReconciled() {
        FrontendRound.Result result = roundLosingTheAnswerTo("initial_prompt", "rate_summary");

        Step step = step(result, "initial_prompt");
        assertThat(step.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(task(step).answersStored()).isEqualTo(1);
        assertThat(backend.requestCount("/api/v1/tasks/interaction"))
                .as("8 answers, one sent twice")
                .isEqualTo(9);
    }

    @Test
    void aRankingWhoseAnswerWasLostIsRepeatedAndItsFateIsUncertain() {
        FrontendRound.Result result = roundLosingTheAnswerTo("rank_initial_prompts", "assistant_reply");

        Step step = step(result, "rank_initial_prompts");
        assertThat(step.outcome()).isEqualTo(Outcome.UNCERTAIN);
        assertThat(step.detail())
                .contains("400 TASK_INTERACTION_REQUEST_FAILED")
                .contains("may have been stored by an attempt whose answer was lost");
        assertThat(task(step).answersStored())
                .as("stored once, by the attempt whose answer was lost")
                .isEqualTo(1);
    }

    @Test
    void aLabelWhoseAnswerWasLostIsNotRepeated() {
        FrontendRound.Result result = roundLosingTheAnswerTo("label_initial_prompt", "rank_assistant_replies");

        Step step = step(result, "label_initial_prompt");
        assertThat(step.outcome()).isEqualTo(Outcome.UNCERTAIN);
        assertThat(step.detail())
                .contains("connection lost", "may have been stored; not repeated to avoid a duplicate");
        assertThat(task(step).answersStored()).isEqualTo(1);
        assertThat(backend.requestCount("/api/v1/tasks/interaction")).isEqualTo(8);
        assertThat(result.steps())
                .filteredOn(s -> s.outcome() == Outcome.ANSWERED)
                .hasSize(7);
    }

    @Test
    void theRoundStopsWhenTheBackendIsUnreachableForThreeStepsInARow() {
        backend.injectFault(100, "/api/v1/tasks/", InjectedFault.status(503));

        FrontendRound.Result result = new FrontendRound(
                        client.forUser(USER),
                        new HashSet<>(),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        false,
                        "t",
                        step -> {})
                .play();

        assertThat(result.steps()).hasSize(FrontendRound.UNREACHABLE_STEPS);
        assertThat(result.stop()).isNotNull();
        assertThat(result.stop().keyRefused()).isFalse();
        assertThat(result.stop().reason()).startsWith("the backend was unreachable for 3 steps in a row; last: 503");
    }
}
