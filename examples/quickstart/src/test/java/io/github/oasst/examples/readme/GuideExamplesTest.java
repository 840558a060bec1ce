package io.github.oasst.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Logger;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.LabelInitialPromptTask;
import io.github.oasst.client.protocol.MessageRanking;
import io.github.oasst.client.protocol.RankAssistantRepliesTask;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TextLabel;
import io.github.oasst.client.protocol.TextLabels;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.testkit.FakeOasstBackendExtension;
import io.github.oasst.client.testkit.FakeTask;
import io.github.oasst.client.testkit.InjectedFault;
import io.github.oasst.client.testkit.ReceivedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The guide's Java code for getting started, configuration, asynchronous calls and errors, run
 * against the fake backend (a 2023-01 backend). Each block between {@code tag::} and {@code end::}
 * comments is a snippet of a page under {@code docs/}, character for character ({@link
 * ReadmeSnippetsTest} checks that); the lines around it give it its variables and check what it did.
 */
class GuideExamplesTest {
    @RegisterExtension
    static FakeOasstBackendExtension oasst = FakeOasstBackendExtension.create();

    private final User user = User.discord("1234", "Alice");

    private OasstClient client() {
        return OasstClient.builder()
                .baseUrl(oasst.baseUrl())
                .apiKey(oasst.apiKey())
                .build();
    }

    @Test
    void aRankingAndLabelsAnswerTheirTasks() {
        try (OasstClient client = client()) {
            // tag::answers[]
            RankAssistantRepliesTask ranking = client.fetchTask(TaskKind.RANK_ASSISTANT_REPLIES, user);
            client.ackTask(ranking.id(), "frontend-message-6");
            int items = ranking.itemsToRank().size();
            List<Integer> bestFirst = IntStream.range(0, items).boxed().toList(); // the user's order, best first
            client.postInteraction(new MessageRanking(user, "frontend-message-6", bestFirst));

            LabelInitialPromptTask label = client.fetchTask(TaskKind.LABEL_INITIAL_PROMPT, user);
            client.ackTask(label.id(), "frontend-message-7");
            client.postInteraction(
                    TextLabels.of(user, label.messageId(), label.textToLabel(), Map.of(TextLabel.SPAM, 0.0)));
            // end::answers[]

            assertThat(bestFirst).isNotEmpty();
            assertThat(label.validLabels()).contains(TextLabel.SPAM.wireName());
            assertThat(oasst.backend().tasks())
                    .filteredOn(
                            task -> task.id().equals(ranking.id()) || task.id().equals(label.id()))
                    .extracting(FakeTask::status)
                    .containsOnly(FakeTask.Status.DONE);
        }
    }

    @Test
    void theBuilderSendsWithItsSettings() {
        String backendUrl = oasst.baseUrl();
        String apiKey = oasst.apiKey();
        // tag::configuration[]
        try (OasstClient client = OasstClient.builder()
                .baseUrl(backendUrl)
                .apiKey(apiKey)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(40)) // one attempt; Duration.ZERO turns it off
                .userAgent("my-bot/1.2") // User-Agent: my-bot/1.2 oasst-java-client/<version> (Java <n>)
                .logLevel(Logger.Level.BASIC) // SLF4J DEBUG io.github.oasst.client.http, never the key
                .build()) {
            client.fetchTask(TaskKind.INITIAL_PROMPT, user);
        }
        // end::configuration[]

        assertThat(oasst.backend().received())
                .singleElement()
                .satisfies(request -> assertThat(request.header("User-Agent"))
                        .startsWith("my-bot/1.2 oasst-java-client/")
                        .endsWith("(Java " + Runtime.version().feature() + ")"));
    }

    @Test
    void theVirtualThreadSettingsBuildAClientThatAnswersOnAnyJdk() {
        String backendUrl = oasst.baseUrl();
        String apiKey = oasst.apiKey();
        // tag::virtual-threads[]
        try (OasstClient client = OasstClient.builder()
                .baseUrl(backendUrl)
                .apiKey(apiKey)
                .virtualThreads(true) // the default where the JVM has them; false: platform threads
                .maxAsyncRequests(1_024) // the default on virtual threads; 64 on platform threads
                .build()) {
            client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, user).join();
        }
        // end::virtual-threads[]

        assertThat(oasst.backend().received())
                .singleElement()
                .satisfies(request ->
                        assertThat(request.method() + " " + request.path()).isEqualTo("POST /api/v1/tasks/"));
    }

    @Test
    void anAsynchronousRoundHandsSlowWorkToAnExecutor() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (OasstClient client = client()) {
            // tag::async[]
            CompletableFuture<Void> answered = client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, user)
                    .thenCompose(task -> client.ackTaskAsync(task.id(), "frontend-message-8"))
                    .thenApplyAsync(acked -> askTheUser(), executor) // slow work off OkHttp's threads
                    .thenCompose(text -> client.postInteractionAsync(
                            TextReplyToMessage.of(user, "frontend-message-8", "user-message-8", text)));
            // end::async[]

            answered.join();
            assertThat(oasst.backend().messages())
                    .anySatisfy(message -> assertThat(message.text()).isEqualTo(askTheUser()));
        } finally {
            executor.shutdown();
        }
    }

    private static String askTheUser() {
        return "Why is the sea salty?";
    }

    @Test
    void anAsynchronousFailureIsTheBlockingCallsException() {
        try (OasstClient client = client()) {
            UUID taskId = UUID.randomUUID(); // a task the server never handed out
            // tag::async-failure[]
            String outcome = client.ackTaskAsync(taskId, "frontend-message-9")
                    .handle((ignored, failure) -> failure instanceof OasstError error // the blocking call's exception
                            ? "refused: " + error.knownErrorCode().orElseThrow()
                            : "acknowledged")
                    .join();
            // end::async-failure[]

            assertThat(outcome).isEqualTo("refused: TASK_NOT_FOUND");
        }
    }

    @Test
    void anErrorSaysWhetherTheInteractionMayHaveBeenStored() {
        try (OasstClient client = client()) {
            LabelInitialPromptTask task = client.fetchTask(TaskKind.LABEL_INITIAL_PROMPT, user);
            client.ackTask(task.id(), "frontend-message-10");
            Interaction labels = TextLabels.of(user, task.messageId(), task.textToLabel(), Map.of(TextLabel.SPAM, 1.0));
            Interaction notAcked = TextReplyToMessage.of(user, "never-acknowledged", "user-message-10", "Hello?");

            assertThat(shown(client, notAcked))
                    .isEqualTo("400 TASK_NOT_FOUND: Task for frontend_message_id='never-acknowledged' not found");
            oasst.backend().injectFault(1, "/api/v1/tasks/interaction", InjectedFault.resetAfterProcessing());
            assertThat(shown(client, labels))
                    .isEqualTo("may have been stored: may have been stored; not repeated to avoid a duplicate");
            assertThat(oasst.backend().requestCount("/api/v1/tasks/interaction"))
                    .as("labels are never sent twice to a 2023-01 server")
                    .isEqualTo(2);
            assertThat(oasst.backend().received())
                    .extracting(ReceivedRequest::path)
                    .contains("/api/v1/tasks/availability");
        }
    }

    /** What a frontend shows of posting the labels: the errors page's snippet. */
    private static String shown(OasstClient client, Interaction labels) {
        // tag::errors[]
        String shown;
        try {
            client.postInteraction(labels);
            shown = "stored";
        } catch (OasstError e) { // the server answered
            shown = e.status() + " " + e.knownErrorCode().map(Enum::name).orElse("?") + ": " + e.serverMessage();
        } catch (OasstException e) { // no answer: the network, a timeout, a body cut short
            shown = e.mayHaveTakenEffect() ? "may have been stored: " + e.note().orElse("") : "not stored";
        }
        // end::errors[]
        return shown;
    }
}
