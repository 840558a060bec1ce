package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.oasst.client.TestSupport.API_KEY;
import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oasst.client.api.OasstUnexpectedTaskException;
import io.github.oasst.client.fixtures.Exchanges;
import io.github.oasst.client.fixtures.Exchanges.Exchange;
import io.github.oasst.client.protocol.AssistantReplyTask;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.LabelInitialPromptTask;
import io.github.oasst.client.protocol.PrompterReplyTask;
import io.github.oasst.client.protocol.RankAssistantRepliesTask;
import io.github.oasst.client.protocol.RankInitialPromptsTask;
import io.github.oasst.client.protocol.RankPrompterRepliesTask;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskDone;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.UnknownTask;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Fetching a task against WireMock serving the recorded answers: each served type typed, a random
 * one, the request with and without user, collective and lang; task_done, another type than asked
 * and a newer type than the client knows.
 */
class FetchTaskEndpointTest extends TasksEndpointTestSupport {
    private <T extends Task> T fetchRecorded(TaskKind<T> kind, String exchangeName) {
        Exchange exchange = Exchanges.named(exchangeName);
        answerTasks(exchange);
        T task = client.fetchTask(kind, USER);
        backend.verify(postRequestedFor(urlEqualTo("/api/v1/tasks/"))
                .withHeader("X-API-Key", equalTo(API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("*/*"))
                .withHeader("User-Agent", matching("oasst-java-client/\\S+ \\(Java \\d+\\)"))
                .withRequestBody(equalToJson(exchange.requestText())));
        assertThat(task.id()).hasToString(exchange.responseBody().get("id").textValue());
        return task;
    }

    @Test
    void fetchTaskReturnsEachServedTypeTyped() {
        InitialPromptTask initial = fetchRecorded(TaskKind.INITIAL_PROMPT, "tasks: type=initial_prompt");
        assertThat(initial.hint()).isEqualTo("Ask the assistant about a current event.");

        backend.resetAll();
        PrompterReplyTask prompter = fetchRecorded(TaskKind.PROMPTER_REPLY, "tasks: type=prompter_reply");
        assertThat(prompter.conversation().messages()).hasSize(2);

        backend.resetAll();
        AssistantReplyTask assistant = fetchRecorded(TaskKind.ASSISTANT_REPLY, "tasks: type=assistant_reply");
        assertThat(assistant.conversation().lastMessage().text()).isEqualTo("What is the capital of France?");

        backend.resetAll();
        RankInitialPromptsTask rankPrompts =
                fetchRecorded(TaskKind.RANK_INITIAL_PROMPTS, "tasks: type=rank_initial_prompts");
        assertThat(rankPrompts.prompts()).hasSize(4);

        backend.resetAll();
        RankPrompterRepliesTask rankPrompter =
                fetchRecorded(TaskKind.RANK_PROMPTER_REPLIES, "tasks: type=rank_prompter_replies");
        assertThat(rankPrompter.replies()).hasSize(2);

        backend.resetAll();
        RankAssistantRepliesTask rankAssistant =
                fetchRecorded(TaskKind.RANK_ASSISTANT_REPLIES, "tasks: type=rank_assistant_replies");
        assertThat(rankAssistant.replies()).hasSize(3);

        backend.resetAll();
        LabelInitialPromptTask label = fetchRecorded(TaskKind.LABEL_INITIAL_PROMPT, "tasks: type=label_initial_prompt");
        assertThat(label.validLabels()).hasSize(22);
    }

    @Test
    void fetchRandomTaskReturnsWhateverTheServerChose() {
        Task task = fetchRecorded(TaskKind.RANDOM, "tasks: type=random");

        assertThat(task).isInstanceOf(RankInitialPromptsTask.class);
        assertThat(client.fetchRandomTask(USER)).isInstanceOf(RankInitialPromptsTask.class);
    }

    @Test
    void fetchTaskWithoutUserSendsNoUser() {
        answerTasks(Exchanges.named("tasks: no user, type=initial_prompt"));

        client.fetchTask(TaskKind.INITIAL_PROMPT, null);

        assertThat(onlyRequest().getBodyAsString()).isEqualTo("{\"type\":\"initial_prompt\",\"collective\":false}");
    }

    @Test
    void fetchTaskSendsCollectiveAndLangWhenAsked() {
        answerTasks(Exchanges.named("tasks: collective initial_prompt"));

        client.fetchTask(
                TaskKind.INITIAL_PROMPT,
                USER,
                FetchOptions.DEFAULT.withCollective(true).withLang("de"));

        backend.verify(
                postRequestedFor(urlEqualTo("/api/v1/tasks/"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"type\":\"initial_prompt\",\"collective\":true,\"lang\":\"de\","
                                                + "\"user\":{\"id\":\"java-verify-user\",\"display_name\":\"Java Verify\",\"auth_method\":\"local\"}}")));
    }

    @Test
    void taskDoneInPlaceOfATaskMeansNoTaskAvailable() {
        backend.stubFor(post("/api/v1/tasks/")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"task_done\"}")));

        assertThatThrownBy(() -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER))
                .isInstanceOfSatisfying(OasstUnexpectedTaskException.class, e -> {
                    assertThat(e.noTaskAvailable()).isTrue();
                    assertThat(e.actual()).isInstanceOf(TaskDone.class);
                    assertThat(e.expected()).isSameAs(TaskKind.INITIAL_PROMPT);
                    assertThat(e.getMessage())
                            .isEqualTo("no task available: asked for initial_prompt, the server answered task_done"
                                    + " (POST /api/v1/tasks/)");
                });
        assertThatThrownBy(() -> client.fetchRandomTask(USER))
                .isInstanceOfSatisfying(
                        OasstUnexpectedTaskException.class,
                        e -> assertThat(e.noTaskAvailable()).isTrue());
    }

    @Test
    void anotherTypeThanAskedIsATypedFailureNotAClassCastException() {
        answerTasks(Exchanges.named("tasks: type=rank_initial_prompts"));

        assertThatThrownBy(() -> client.fetchTask(TaskKind.ASSISTANT_REPLY, USER))
                .isInstanceOfSatisfying(OasstUnexpectedTaskException.class, e -> {
                    assertThat(e.noTaskAvailable()).isFalse();
                    assertThat(e.actual()).isInstanceOf(RankInitialPromptsTask.class);
                    assertThat(e.getMessage())
                            .startsWith("asked for assistant_reply, the server answered a rank_initial_prompts task");
                });
    }

    @Test
    void aNewerTaskTypeArrivesAsUnknownTask() {
        UUID id = UUID.randomUUID();
        backend.stubFor(post("/api/v1/tasks/")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + id
                                + "\",\"type\":\"rank_summaries\",\"summaries\":[\"a\"],\"extra\":1}")));

        Task task = client.fetchRandomTask(USER);

        assertThat(task).isInstanceOfSatisfying(UnknownTask.class, unknown -> {
            assertThat(unknown.type()).isEqualTo("rank_summaries");
            assertThat(unknown.id()).isEqualTo(id);
            assertThat(unknown.fields())
                    .containsEntry("summaries", List.of("a"))
                    .containsEntry("extra", 1);
        });
    }
}
