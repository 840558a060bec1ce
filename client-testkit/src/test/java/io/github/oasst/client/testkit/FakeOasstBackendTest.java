package io.github.oasst.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.github.oasst.client.FetchOptions;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.protocol.AssistantReplyTask;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.LabelAssistantReplyTask;
import io.github.oasst.client.protocol.LabelInitialPromptTask;
import io.github.oasst.client.protocol.MessageRanking;
import io.github.oasst.client.protocol.MessageRating;
import io.github.oasst.client.protocol.PrompterReplyTask;
import io.github.oasst.client.protocol.RankAssistantRepliesTask;
import io.github.oasst.client.protocol.RankInitialPromptsTask;
import io.github.oasst.client.protocol.RateSummaryTask;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TextLabel;
import io.github.oasst.client.protocol.TextLabels;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fake backend driven by the real client: lifecycle, errors, faults, journal, concurrency. */
class FakeOasstBackendTest {
    private static final User USER = User.discord("42", "Ada");

    @RegisterExtension
    static FakeOasstBackendExtension oasst = FakeOasstBackendExtension.create();

    private OasstClient client;

    @BeforeEach
    void setUp() {
        client = clientWith(RetryPolicy.disabled());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private OasstClient clientWith(RetryPolicy policy) {
        return OasstClient.builder()
                .baseUrl(oasst.baseUrl())
                .apiKey(oasst.apiKey())
                .retryPolicy(policy)
                .build();
    }

    private static RetryPolicy fastRetries() {
        return RetryPolicy.builder()
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(5))
                .build();
    }

    @Test
    void servesEachTypeOfTheRealBackendWithRealisticContent() {
        InitialPromptTask initial = client.fetchTask(TaskKind.INITIAL_PROMPT, USER);
        PrompterReplyTask prompter = client.fetchTask(TaskKind.PROMPTER_REPLY, USER);
        AssistantReplyTask assistant = client.fetchTask(TaskKind.ASSISTANT_REPLY, USER);
        RankInitialPromptsTask rankPrompts = client.fetchTask(TaskKind.RANK_INITIAL_PROMPTS, USER);
        RankAssistantRepliesTask rankReplies = client.fetchTask(TaskKind.RANK_ASSISTANT_REPLIES, USER);
        LabelInitialPromptTask label = client.fetchTask(TaskKind.LABEL_INITIAL_PROMPT, USER);

        assertThat(initial.hint()).isNotBlank();
        assertThat(prompter.conversation().lastMessage().isAssistant()).isTrue();
        assertThat(assistant.conversation().lastMessage().isAssistant()).isFalse();
        assertThat(rankPrompts.prompts()).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
        assertThat(rankReplies.replies()).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
        assertThat(label.validLabels()).hasSize(22);
        assertThat(label.textToLabel()).isNotBlank();
    }

    @Test
    void answersTheFourTypesTheRealBackendCannotProduceWithItsErrors() {
        for (TaskKind<?> kind : List.of(TaskKind.SUMMARIZE_STORY, TaskKind.RATE_SUMMARY)) {
            assertThat(catchThrowableOfType(OasstError.class, () -> client.fetchTask(kind, USER))
                            .getMessage())
                    .isEqualTo("400 TASK_INVALID_REQUEST_TYPE: Invalid request type (POST /api/v1/tasks/)");
        }
        for (TaskKind<?> kind : List.of(TaskKind.LABEL_PROMPTER_REPLY, TaskKind.LABEL_ASSISTANT_REPLY)) {
            assertThat(catchThrowableOfType(OasstError.class, () -> client.fetchTask(kind, USER))
                            .getMessage())
                    .isEqualTo("400 TASK_GENERATION_FAILED: Failed to generate task. (POST /api/v1/tasks/)");
        }
    }

    @Test
    void servesEveryTypeWhenAskedTo() {
        try (FakeOasstBackend all =
                        FakeOasstBackend.builder().serveAllTaskTypes(true).start();
                OasstClient allClient = OasstClient.builder()
                        .baseUrl(all.baseUrl())
                        .apiKey(all.apiKey())
                        .build()) {
            for (TaskKind<?> kind : TaskKind.values()) {
                Task task = allClient.fetchTask(kind, USER);
                assertThat(kind.isAnsweredBy(task)).as(kind.toString()).isTrue();
            }
            RateSummaryTask rate = allClient.fetchTask(TaskKind.RATE_SUMMARY, USER);
            allClient.ackTask(rate.id(), "fe-rate");
            assertThatThrownBy(() -> allClient.postInteraction(new MessageRating(USER, "fe-rate", 9)))
                    .isInstanceOfSatisfying(
                            OasstError.class,
                            e -> assertThat(e.knownErrorCode()).contains(OasstErrorCode.RATING_OUT_OF_RANGE));
            allClient.postInteraction(new MessageRating(USER, "fe-rate", 4));
            LabelAssistantReplyTask label = allClient.fetchTask(TaskKind.LABEL_ASSISTANT_REPLY, USER);
            assertThat(label.conversation().lastMessage().isAssistant()).isTrue();
        }
    }

    @Test
    void runsTheTaskLifecycle() {
        InitialPromptTask task = client.fetchTask(TaskKind.INITIAL_PROMPT, USER);
        client.ackTask(task.id(), "fe-1");

        assertThat(errorOf(() -> client.ackTask(task.id(), "fe-2"))).isEqualTo(OasstErrorCode.TASK_ALREADY_UPDATED);
        client.postInteraction(TextReplyToMessage.of(USER, "fe-1", "u-1", "What makes a rainbow?"));
        assertThat(errorOf(() -> client.postInteraction(TextReplyToMessage.of(USER, "fe-1", "u-2", "again"))))
                .isEqualTo(OasstErrorCode.TASK_ALREADY_DONE);
        assertThat(errorOf(() -> client.closeTask("fe-1"))).isEqualTo(OasstErrorCode.TASK_NOT_COLLECTIVE);
        assertThat(errorOf(() -> client.ackTask(UUID.randomUUID(), "fe-3"))).isEqualTo(OasstErrorCode.TASK_NOT_FOUND);
        assertThat(errorOf(() -> client.postInteraction(TextReplyToMessage.of(USER, "never-acked", "u", "x"))))
                .isEqualTo(OasstErrorCode.TASK_NOT_FOUND);
    }

    @Test
    void aSubmittedPromptJoinsThePromptsToRank() {
        InitialPromptTask task = client.fetchTask(TaskKind.INITIAL_PROMPT, USER);
        client.ackTask(task.id(), "fe-1");
        client.postInteraction(TextReplyToMessage.of(USER, "fe-1", "u-1", "How do bees find flowers?"));

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            seen.addAll(client.fetchTask(TaskKind.RANK_INITIAL_PROMPTS, USER).prompts());
        }
        assertThat(seen).contains("How do bees find flowers?");
    }

    @Test
    void nackEndsATask() {
        PrompterReplyTask task = client.fetchTask(TaskKind.PROMPTER_REPLY, USER);
        client.nackTask(task.id(), "not for me");

        assertThat(errorOf(() -> client.nackTask(task.id(), "again"))).isEqualTo(OasstErrorCode.TASK_ALREADY_UPDATED);
        assertThat(errorOf(() -> client.ackTask(task.id(), "fe"))).isEqualTo(OasstErrorCode.TASK_ALREADY_UPDATED);
    }

    @Test
    void collectiveTasksAreClosedOnce() {
        InitialPromptTask task =
                client.fetchTask(TaskKind.INITIAL_PROMPT, USER, FetchOptions.DEFAULT.withCollective(true));
        client.ackTask(task.id(), "fe-col");
        client.postInteraction(TextReplyToMessage.of(USER, "fe-col", "u-1", "First answer"));
        client.postInteraction(TextReplyToMessage.of(USER, "fe-col", "u-2", "Second answer"));
        client.closeTask("fe-col");

        assertThat(errorOf(() -> client.closeTask("fe-col"))).isEqualTo(OasstErrorCode.TASK_ALREADY_DONE);
        assertThat(catchThrowableOfType(OasstError.class, () -> client.closeTask("unknown"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void rankingsMustBePermutationsAndLabelsNameTheMessageAndRepeatsDoWhatTheBackendDoes() {
        RankInitialPromptsTask ranking = client.fetchTask(TaskKind.RANK_INITIAL_PROMPTS, USER);
        client.ackTask(ranking.id(), "fe-rank");
        assertThat(errorOf(() -> client.postInteraction(new MessageRanking(USER, "fe-rank", List.of(0)))))
                .isEqualTo(OasstErrorCode.INVALID_RANKING_VALUE);
        List<Integer> order =
                IntStream.range(0, ranking.prompts().size()).boxed().toList();
        client.postInteraction(new MessageRanking(USER, "fe-rank", order));
        assertThat(errorOf(() -> client.postInteraction(new MessageRanking(USER, "fe-rank", order))))
                .as("a repeated ranking collides in the database")
                .isEqualTo(OasstErrorCode.TASK_INTERACTION_REQUEST_FAILED);

        LabelInitialPromptTask label = client.fetchTask(TaskKind.LABEL_INITIAL_PROMPT, USER);
        assertThat(errorOf(() -> client.postInteraction(labels(label)))).isEqualTo(OasstErrorCode.MESSAGE_NOT_FOUND);
        client.ackTask(label.id(), "fe-label");
        client.postInteraction(labels(label));
        client.postInteraction(labels(label));
        assertThat(oasst.backend().tasks())
                .extracting(FakeTask::type, FakeTask::answersStored)
                .as("the repeated label is stored again, the repeated ranking is not")
                .containsExactly(tuple("rank_initial_prompts", 1), tuple("label_initial_prompt", 2));
    }

    private static TextLabels labels(LabelInitialPromptTask task) {
        return TextLabels.of(
                USER, task.messageId(), task.textToLabel(), Map.of(TextLabel.SPAM, 0.0, TextLabel.HELPFUL, 1.0));
    }

    @Test
    void aWrongKeyIsRefusedWithCode2() {
        try (OasstClient wrong =
                OasstClient.builder().baseUrl(oasst.baseUrl()).apiKey("wrong").build()) {
            OasstError error =
                    catchThrowableOfType(OasstError.class, () -> wrong.fetchTask(TaskKind.INITIAL_PROMPT, USER));

            assertThat(error.getMessage())
                    .isEqualTo("403 API_CLIENT_NOT_AUTHORIZED: Could not validate credentials (POST /api/v1/tasks/)");
        }
    }

    @Test
    void injectedStatusesAnswerTheNextRequestsOfThePathOnly() {
        oasst.backend().injectFault(2, "/api/v1/tasks/", InjectedFault.status(503));

        assertThat(catchThrowableOfType(OasstError.class, () -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER))
                        .status())
                .isEqualTo(503);
        assertThat(catchThrowableOfType(OasstError.class, () -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER))
                        .status())
                .isEqualTo(503);
        assertThat(client.fetchTask(TaskKind.INITIAL_PROMPT, USER).hint()).isNotBlank();
        assertThat(oasst.backend().requestCount("/api/v1/tasks/")).isEqualTo(3);
    }

    @Test
    void aRetryingClientGetsThroughInjectedFaults() {
        try (OasstClient retrying = clientWith(fastRetries())) {
            oasst.backend().injectFault(1, InjectedFault.rateLimited(0));
            oasst.backend().injectFault(1, InjectedFault.connectionReset());
            InitialPromptTask task = retrying.fetchTask(TaskKind.INITIAL_PROMPT, USER);

            oasst.backend().injectFault(1, "/api/v1/tasks/" + task.id() + "/ack", InjectedFault.resetAfterProcessing());
            retrying.ackTask(task.id(), "fe-1");

            assertThat(oasst.backend().requestCount("/api/v1/tasks/")).isEqualTo(3);
            assertThat(oasst.backend().requestCount("/api/v1/tasks/" + task.id() + "/ack"))
                    .as("the ack took effect, the retry was answered 2103 and reconciled")
                    .isEqualTo(2);
        }
    }

    @Test
    void anInteractionLostAfterProcessingIsNotSentTwice() {
        try (OasstClient retrying = clientWith(fastRetries())) {
            InitialPromptTask task = retrying.fetchTask(TaskKind.INITIAL_PROMPT, USER);
            retrying.ackTask(task.id(), "fe-1");
            oasst.backend().injectFault(1, "/api/v1/tasks/interaction", InjectedFault.resetAfterProcessing());

            assertThatThrownBy(() -> retrying.postInteraction(TextReplyToMessage.of(USER, "fe-1", "u-1", "Hello")))
                    .isInstanceOf(OasstTransportException.class);
            assertThat(oasst.backend().requestCount("/api/v1/tasks/interaction"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aDelayPastTheReadTimeoutIsAReadTimeout() {
        oasst.backend().injectFault(1, InjectedFault.delay(Duration.ofSeconds(2)));
        try (OasstClient impatient = OasstClient.builder()
                .baseUrl(oasst.baseUrl())
                .apiKey(oasst.apiKey())
                .readTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.disabled())
                .build()) {
            assertThat(catchThrowableOfType(
                                    OasstTransportException.class,
                                    () -> impatient.fetchTask(TaskKind.INITIAL_PROMPT, USER))
                            .kind())
                    .isEqualTo(OasstTransportException.Kind.READ_TIMEOUT);
        }
    }

    @Test
    void theJournalHoldsWhatWasReceivedWithoutShowingTheKey() {
        client.fetchTask(TaskKind.INITIAL_PROMPT, USER);

        List<ReceivedRequest> received = oasst.backend().received();
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/v1/tasks/");
            assertThat(request.header("X-API-Key")).isEqualTo(oasst.apiKey());
            assertThat(request.body()).contains("\"type\":\"initial_prompt\"");
            assertThat(request.toString()).doesNotContain(oasst.apiKey());
        });
    }

    @Test
    void eachTestStartsFromAFreshBackend(FakeOasstBackend backend) {
        assertThat(backend).isSameAs(oasst.backend());
        assertThat(backend.received()).isEmpty();
    }

    @Test
    void servesManyClientsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<UUID>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                calls.add(() -> {
                    InitialPromptTask task = client.fetchTask(TaskKind.INITIAL_PROMPT, USER);
                    client.ackTask(task.id(), "fe-" + n);
                    client.postInteraction(TextReplyToMessage.of(USER, "fe-" + n, "u-" + n, "Prompt " + n));
                    return task.id();
                });
            }
            Set<UUID> ids = new HashSet<>();
            for (Future<UUID> result : pool.invokeAll(calls)) {
                ids.add(result.get());
            }
            assertThat(ids).hasSize(200);
            assertThat(oasst.backend().received())
                    .filteredOn(request -> !request.path().equals("/api/v1/tasks/availability"))
                    .as("besides the one that learns the server's version")
                    .hasSize(600);
        } finally {
            pool.shutdown();
        }
    }

    private static OasstErrorCode errorOf(Runnable call) {
        OasstError error = catchThrowableOfType(OasstError.class, call::run);
        assertThat(error).as("an OasstError").isNotNull();
        return error.knownErrorCode().orElseThrow();
    }
}
