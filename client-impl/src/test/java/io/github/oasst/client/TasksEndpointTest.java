package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.oasst.client.TestSupport.API_KEY;
import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.oasst.client.api.OasstUnexpectedTaskException;
import io.github.oasst.client.fixtures.Exchanges;
import io.github.oasst.client.fixtures.Exchanges.Exchange;
import io.github.oasst.client.protocol.AssistantReplyTask;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.LabelInitialPromptTask;
import io.github.oasst.client.protocol.MessageRanking;
import io.github.oasst.client.protocol.PrompterReplyTask;
import io.github.oasst.client.protocol.RankAssistantRepliesTask;
import io.github.oasst.client.protocol.RankInitialPromptsTask;
import io.github.oasst.client.protocol.RankPrompterRepliesTask;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskDone;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.TextLabel;
import io.github.oasst.client.protocol.TextLabels;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.UnknownTask;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every endpoint against WireMock serving the recorded answers; the requests as the server recorded them. */
class TasksEndpointTest {
    @RegisterExtension
    static WireMockExtension backend = TestSupport.wireMock();

    private OasstClient client;

    @BeforeEach
    void setUp() {
        client = TestSupport.clientOf(backend).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static void answerTasks(Exchange exchange) {
        backend.stubFor(post("/api/v1/tasks/")
                .willReturn(aResponse()
                        .withStatus(exchange.status())
                        .withHeader("Content-Type", "application/json")
                        .withBody(exchange.responseText())));
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = backend.findAll(postRequestedFor(urlMatching(".*")));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

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

    @Test
    void ackAndNackPostToTheTaskAndTakeNoContent() {
        Exchange ack = Exchanges.named("ack assistant_reply task");
        Exchange nack = Exchanges.named("nack prompter_reply task");
        backend.stubFor(post(ack.path()).willReturn(aResponse().withStatus(204)));
        backend.stubFor(post(nack.path()).willReturn(aResponse().withStatus(204)));

        client.ackTask(UUID.fromString("00908626-7a35-4e1c-9582-29613f757c10"), "fe-msg-ack-1795482692");
        client.nackTask(UUID.fromString("746216f8-9715-4061-8a35-22cb7618b588"), "cannot do this task");

        backend.verify(postRequestedFor(urlEqualTo(ack.path()))
                .withHeader("X-API-Key", equalTo(API_KEY))
                .withRequestBody(equalToJson(ack.requestText())));
        backend.verify(postRequestedFor(urlEqualTo(nack.path())).withRequestBody(equalToJson(nack.requestText())));
    }

    @Test
    void interactionsPostTheRecordedBodies() {
        backend.stubFor(post("/api/v1/tasks/interaction")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Exchanges.named("interaction text_reply_to_message for the acked task")
                                .responseText())));

        client.postInteraction(TextReplyToMessage.of(
                USER, "fe-msg-ack-1795482692", "fe-user-msg-1795482692", "Here is my assistant answer."));
        client.postInteraction(new MessageRanking(USER, "fe-msg-rank2-1795482692", List.of(4, 3, 2, 1, 0)));
        client.postInteraction(TextLabels.of(
                USER,
                UUID.fromString("c06ac5f0-766e-46fe-bf10-a441573c0c14"),
                "euirdteunvglfe23908230892309832098 AAAAAAAA",
                new java.util.LinkedHashMap<>(Map.of(TextLabel.SPAM, 0.0, TextLabel.HELPFUL, 0.75))));

        for (String name : List.of(
                "interaction text_reply_to_message for the acked task",
                "interaction message_ranking with valid ranking [4, 3, 2, 1, 0]",
                "interaction text_labels (message_id = the task's message_id UUID)")) {
            backend.verify(
                    1,
                    postRequestedFor(urlEqualTo("/api/v1/tasks/interaction"))
                            .withRequestBody(equalToJson(Exchanges.named(name).requestText())));
        }
    }

    @Test
    void closePostsTheFrontendMessageId() {
        Exchange close = Exchanges.named("close collective task");
        backend.stubFor(post("/api/v1/tasks/close")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(close.responseText())));

        client.closeTask("fe-msg-col-1795482692");

        backend.verify(
                postRequestedFor(urlEqualTo("/api/v1/tasks/close")).withRequestBody(equalToJson(close.requestText())));
    }

    @Test
    void theInterfaceClosesOnTheServersTaskDone() {
        Exchange close = Exchanges.named("close collective task");
        backend.stubFor(post("/api/v1/tasks/close")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(close.responseText())));

        client.tasksApi().closeTask(new io.github.oasst.client.protocol.TaskClose("fe-msg-col-1795482692"));

        backend.verify(
                postRequestedFor(urlEqualTo("/api/v1/tasks/close")).withRequestBody(equalToJson(close.requestText())));
    }

    @Test
    void availabilitySendsLangOnlyWhenGiven() {
        backend.stubFor(post(urlPathEqualTo("/api/v1/tasks/availability"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"initial_prompt\":3,\"random\":7}")));

        assertThat(client.taskAvailability(USER, "de"))
                .containsEntry("initial_prompt", 3)
                .containsEntry("random", 7);
        assertThat(client.taskAvailability(USER, null)).hasSize(2);

        backend.verify(postRequestedFor(urlEqualTo("/api/v1/tasks/availability?lang=de"))
                .withRequestBody(equalToJson(
                        "{\"id\":\"java-verify-user\",\"display_name\":\"Java Verify\",\"auth_method\":\"local\"}")));
        backend.verify(postRequestedFor(urlEqualTo("/api/v1/tasks/availability")));
    }

    @Test
    void baseUrlPathPrefixIsKept() {
        answerTasks(Exchanges.named("tasks: type=initial_prompt"));
        backend.stubFor(post("/oasst/api/v1/tasks/")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Exchanges.named("tasks: type=initial_prompt").responseText())));

        try (OasstClient prefixed = TestSupport.clientOf(backend)
                .baseUrl(backend.baseUrl() + "/oasst/")
                .build()) {
            prefixed.fetchTask(TaskKind.INITIAL_PROMPT, USER);
        }

        backend.verify(1, postRequestedFor(urlEqualTo("/oasst/api/v1/tasks/")));
    }

    @Test
    void asyncTwinsSendTheSameRequests() throws Exception {
        answerTasks(Exchanges.named("tasks: type=initial_prompt"));
        backend.stubFor(post(urlPathEqualTo(
                        "/api/v1/tasks/" + UUID.fromString("7ce89c86-ed37-49b8-b32d-b97ccea394e9") + "/ack"))
                .willReturn(aResponse().withStatus(204)));

        InitialPromptTask task =
                client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, USER).get();
        client.ackTaskAsync(task.id(), "fe-msg-ip-1795482692").get();

        backend.verify(postRequestedFor(urlEqualTo("/api/v1/tasks/"))
                .withRequestBody(equalToJson(
                        Exchanges.named("tasks: type=initial_prompt").requestText())));
        backend.verify(postRequestedFor(urlEqualTo("/api/v1/tasks/7ce89c86-ed37-49b8-b32d-b97ccea394e9/ack"))
                .withRequestBody(equalToJson("{\"message_id\":\"fe-msg-ip-1795482692\"}")));
    }

    @Test
    void invalidArgumentsFailBeforeAnyRequest() {
        assertThatThrownBy(() -> client.ackTask(UUID.randomUUID(), " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.ackTask(null, "m")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> client.closeTaskAsync("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.fetchTask(null, USER)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(
                        () -> client.tasksApi().requestTask(new TaskRequest(TaskRequestType.RANDOM, USER, false, " ")))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(backend.getAllServeEvents()).isEmpty();
    }
}
