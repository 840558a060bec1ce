package io.github.oasst.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.RankAssistantRepliesTask;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.TextLabels;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.client.testkit.InjectedFault;
import io.github.oasst.client.testkit.ReceivedRequest;
import io.github.oasst.client.testkit.spring.WithFakeOasstBackend;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The injected {@link OasstTasksClient} against the fake backend, without the service's retries. */
@SpringBootTest(properties = "oasst.round.enabled=false")
@WithFakeOasstBackend
class OasstTasksClientTest {
    private static final User USER = User.discord("1234", "Alice");

    @Autowired
    FakeOasstBackend backend;

    @Autowired
    OasstTasksClient client;

    @Test
    void fetchesAcksAndAnswersATaskEndToEnd() {
        Task task = client.requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER));
        assertThat(task).isInstanceOf(InitialPromptTask.class);

        client.ackTask(task.id(), new TaskAck("frontend-message-1"));
        client.postInteraction(TextReplyToMessage.of(USER, "frontend-message-1", "user-message-1", "What is a tide?"));

        List<ReceivedRequest> received = backend.received();
        assertThat(received)
                .extracting(ReceivedRequest::method, ReceivedRequest::path)
                .containsExactly(
                        tuple("POST", "/api/v1/tasks/"),
                        tuple("POST", "/api/v1/tasks/" + task.id() + "/ack"),
                        tuple("POST", "/api/v1/tasks/interaction"));
        ReceivedRequest fetch = received.get(0);
        assertThat(fetch.header("X-API-Key")).isEqualTo(backend.apiKey());
        assertThat(fetch.header("Content-Type")).startsWith("application/json");
        assertThat(fetch.header("User-Agent")).startsWith("oasst-spring-cloud-example oasst-java-client/");
        assertThat(fetch.body()).contains("\"type\":\"initial_prompt\"").contains("\"auth_method\":\"discord\"");
        assertThat(received.get(2).body())
                .contains("\"type\":\"text_reply_to_message\"")
                .contains("\"message_id\":\"frontend-message-1\"");
    }

    @ParameterizedTest
    @EnumSource(
            value = TaskRequestType.class,
            names = {
                "INITIAL_PROMPT",
                "PROMPTER_REPLY",
                "ASSISTANT_REPLY",
                "RANK_INITIAL_PROMPTS",
                "RANK_PROMPTER_REPLIES",
                "RANK_ASSISTANT_REPLIES",
                "LABEL_INITIAL_PROMPT"
            })
    void decodesEachServedTaskTypeToItsRecord(TaskRequestType type) {
        Task task = client.requestTask(TaskRequest.of(type, USER));

        TaskKind<?> kind = TaskKind.of(type);
        assertThat(kind.isAnsweredBy(task)).as("%s answered by %s", type, task).isTrue();
        assertThat(task.type()).isEqualTo(type.wireName());
    }

    @Test
    void rankingTaskKeepsItsItemsInOrder() {
        Task task = client.requestTask(TaskRequest.of(TaskRequestType.RANK_ASSISTANT_REPLIES, USER));

        assertThat(task)
                .asInstanceOf(type(RankAssistantRepliesTask.class))
                .satisfies(rank -> assertThat(rank.itemsToRank()).hasSizeGreaterThan(1));
    }

    @Test
    void ackOfAnUnknownTaskIsOasstErrorTaskNotFound() {
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> client.ackTask(unknown, new TaskAck("frontend-message-1")))
                .asInstanceOf(type(OasstError.class))
                .satisfies(error -> {
                    assertThat(error.status()).isEqualTo(404);
                    assertThat(error.errorCode()).hasValue(2100);
                    assertThat(error.knownErrorCode()).contains(OasstErrorCode.TASK_NOT_FOUND);
                    assertThat(error.failureClass()).isEqualTo(FailureClass.DEFINITE);
                    assertThat(error.method()).isEqualTo("POST");
                    assertThat(error.path()).isEqualTo("/api/v1/tasks/" + unknown + "/ack");
                });
    }

    @Test
    void secondAckOfATaskIsOasstErrorTaskAlreadyUpdated() {
        Task task = client.requestTask(TaskRequest.of(TaskRequestType.ASSISTANT_REPLY, USER));
        client.ackTask(task.id(), new TaskAck("frontend-message-1"));

        assertThatThrownBy(() -> client.ackTask(task.id(), new TaskAck("frontend-message-2")))
                .asInstanceOf(type(OasstError.class))
                .satisfies(error -> {
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.hasErrorCode(OasstErrorCode.TASK_ALREADY_UPDATED))
                            .isTrue();
                    assertThat(error.serverMessage()).isEqualTo("Task already updated.");
                });
    }

    @Test
    void taskTypeTheServerCannotProduceIsOasstErrorInvalidRequestType() {
        assertThatThrownBy(() -> client.requestTask(TaskRequest.of(TaskRequestType.SUMMARIZE_STORY, USER)))
                .asInstanceOf(type(OasstError.class))
                .satisfies(error -> {
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.knownErrorCode()).contains(OasstErrorCode.TASK_INVALID_REQUEST_TYPE);
                });
    }

    @Test
    void labelTheServerDoesNotKnowIsOasstErrorWithTheValidationDetails() {
        TextLabels labels = new TextLabels(USER, UUID.randomUUID(), "text", Map.of("not_a_label", 0.5));

        assertThatThrownBy(() -> client.postInteraction(labels))
                .asInstanceOf(type(OasstError.class))
                .satisfies(error -> {
                    assertThat(error.status()).isEqualTo(422);
                    assertThat(error.errorCode()).isEmpty();
                    assertThat(error.validationErrors()).isNotEmpty();
                });
    }

    @Test
    void serviceUnavailableIsRetriedByTheClientsPolicyNotByFeign() {
        backend.injectFault(3, InjectedFault.status(503));

        assertThatThrownBy(() -> client.requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER)))
                .asInstanceOf(type(OasstError.class))
                .satisfies(error -> {
                    assertThat(error.status()).isEqualTo(503);
                    assertThat(error.failureClass()).isEqualTo(FailureClass.NOT_PROCESSED);
                    assertThat(error.attempts()).isEqualTo(3);
                });
        assertThat(backend.requestCount("/api/v1/tasks/"))
                .as("the policy's 3 attempts")
                .isEqualTo(3);
    }

    @Test
    void aConnectionResetOfLabelsIsAnOasstTransportExceptionAndNotRepeated() {
        backend.injectFault(1, "/api/v1/tasks/interaction", InjectedFault.connectionReset());
        TextLabels labels = new TextLabels(USER, UUID.randomUUID(), "text", Map.of("spam", 0.0));

        assertThatThrownBy(() -> client.postInteraction(labels))
                .asInstanceOf(type(OasstTransportException.class))
                .satisfies(error -> {
                    assertThat(error.kind()).isEqualTo(OasstTransportException.Kind.CONNECTION_LOST);
                    assertThat(error.mayHaveReachedServer()).isTrue();
                });
        assertThat(backend.requestCount("/api/v1/tasks/interaction")).isEqualTo(1);
    }
}
