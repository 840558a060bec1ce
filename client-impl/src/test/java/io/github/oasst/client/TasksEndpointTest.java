package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.oasst.client.TestSupport.API_KEY;
import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oasst.client.fixtures.Exchanges;
import io.github.oasst.client.fixtures.Exchanges.Exchange;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.MessageRanking;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.TextLabel;
import io.github.oasst.client.protocol.TextLabels;
import io.github.oasst.client.protocol.TextReplyToMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The tasks endpoints but the fetch against WireMock serving the recorded answers (ack, nack,
 * interactions, close, availability), the requests as the server recorded them; a base URL's path
 * prefix, the async twins, and arguments checked before any request.
 */
class TasksEndpointTest extends TasksEndpointTestSupport {
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
