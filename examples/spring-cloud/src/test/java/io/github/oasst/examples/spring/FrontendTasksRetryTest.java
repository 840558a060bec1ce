package io.github.oasst.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.protocol.AssistantReplyTask;
import io.github.oasst.client.protocol.Interaction;
import io.github.oasst.client.protocol.LabelInitialPromptTask;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.testkit.FakeOasstBackend;
import io.github.oasst.client.testkit.InjectedFault;
import io.github.oasst.client.testkit.spring.WithFakeOasstBackend;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.event.RetryEvent;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The service's Resilience4j retries around the Feign client, against faults injected into the fake
 * backend; request counts come from the backend's journal.
 */
@SpringBootTest(
        properties = {"oasst.round.enabled=false", "oasst.retry.initial-backoff=5ms", "oasst.retry.max-backoff=20ms"})
@WithFakeOasstBackend
class FrontendTasksRetryTest {
    private static final String TASKS = "/api/v1/tasks/";
    private static final String INTERACTION = "/api/v1/tasks/interaction";
    private static final User USER = User.local("user-7", "Bob");

    @Autowired
    FakeOasstBackend backend;

    @Autowired
    FrontendTasks tasks;

    @Autowired
    OasstClient client;

    private final List<RetryEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void watchRetries() {
        for (OasstOperation operation : OasstOperation.values()) {
            client.retry(operation).getEventPublisher().onEvent(events::add);
        }
    }

    private Retry retry(String name) {
        for (OasstOperation operation : OasstOperation.values()) {
            if (client.retry(operation).getName().equals(name)) {
                return client.retry(operation);
            }
        }
        throw new AssertionError("no Retry named " + name);
    }

    private static String ackPath(Task task) {
        return TASKS + task.id() + "/ack";
    }

    @Test
    void fetchGetsThroughTwoServiceUnavailableAnswersOnTheThirdAttempt() {
        long succeededAfterRetryBefore =
                retry("oasst-fetch-task").getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt();
        backend.injectFault(2, TASKS, InjectedFault.status(503));

        Task task = tasks.fetchTask(TaskRequestType.ASSISTANT_REPLY, USER);

        assertThat(task).isInstanceOf(AssistantReplyTask.class);
        assertThat(backend.requestCount(TASKS)).isEqualTo(3);
        assertThat(retry("oasst-fetch-task").getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt())
                .isEqualTo(succeededAfterRetryBefore + 1);
        assertThat(events)
                .filteredOn(event -> event.getEventType() == RetryEvent.Type.RETRY)
                .extracting(RetryEvent::getName, RetryEvent::getNumberOfRetryAttempts)
                .containsExactly(tuple("oasst-fetch-task", 1), tuple("oasst-fetch-task", 2));
    }

    @Test
    void ackWhoseAnswerIsLostIsRetriedAndReconciledWithTheFirstAttempt() {
        Task task = tasks.fetchTask(TaskRequestType.ASSISTANT_REPLY, USER);
        backend.injectFault(1, ackPath(task), InjectedFault.resetAfterProcessing());

        tasks.ackTask(task.id(), "frontend-message-1");

        // the first ack took effect; the retry was answered TASK_ALREADY_UPDATED, which reconciles it
        assertThat(backend.requestCount(ackPath(task))).isEqualTo(2);
        tasks.answer(TextReplyToMessage.of(USER, "frontend-message-1", "user-message-1", "An answer."));
        assertThat(backend.requestCount(INTERACTION)).isEqualTo(1);
    }

    @Test
    void aTextReplyWhoseAnswerIsLostIsSentAgainAndReconciled() {
        Task task = tasks.fetchTask(TaskRequestType.ASSISTANT_REPLY, USER);
        tasks.ackTask(task.id(), "frontend-message-1");
        backend.injectFault(1, INTERACTION, InjectedFault.resetAfterProcessing());

        tasks.answer(TextReplyToMessage.of(USER, "frontend-message-1", "user-message-1", "An answer."));

        // oasst.retry.ambiguous-interactions=text-reply,...: the repeat was refused as already done
        assertThat(backend.requestCount(INTERACTION)).isEqualTo(2);
        assertThat(backend.tasks())
                .filteredOn(t -> t.id().equals(task.id()))
                .singleElement()
                .satisfies(t -> assertThat(t.answersStored()).isEqualTo(1));
    }

    @Test
    void labelsWhoseAnswerIsLostAreNotSentTwice() {
        LabelInitialPromptTask task =
                (LabelInitialPromptTask) tasks.fetchTask(TaskRequestType.LABEL_INITIAL_PROMPT, USER);
        tasks.ackTask(task.id(), "frontend-message-1");
        Interaction reply =
                FrontendTasks.sampleAnswer(task, USER, "frontend-message-1").orElseThrow();
        backend.injectFault(1, INTERACTION, InjectedFault.resetAfterProcessing());

        assertThatThrownBy(() -> tasks.answer(reply))
                .asInstanceOf(type(OasstTransportException.class))
                .satisfies(error -> {
                    assertThat(error.failureClass()).isEqualTo(FailureClass.AMBIGUOUS);
                    assertThat(error.attempts()).isEqualTo(1);
                });
        assertThat(backend.requestCount(INTERACTION)).isEqualTo(1);
        assertThat(backend.tasks())
                .filteredOn(t -> t.id().equals(task.id()))
                .singleElement()
                .satisfies(t -> assertThat(t.answersStored())
                        .as("stored once, by the attempt whose answer was lost")
                        .isEqualTo(1));
    }

    @Test
    void nackWhoseAnswerIsLostIsRetriedAndReconciledWithTheFirstAttempt() {
        Task task = tasks.fetchTask(TaskRequestType.PROMPTER_REPLY, USER);
        String nackPath = TASKS + task.id() + "/nack";
        backend.injectFault(1, nackPath, InjectedFault.resetAfterProcessing());

        tasks.nackTask(task.id(), "the user skipped it");

        assertThat(backend.requestCount(nackPath)).isEqualTo(2);
        // the task is rejected: it can no longer be acknowledged
        assertThatThrownBy(() -> tasks.ackTask(task.id(), "frontend-message-1"))
                .asInstanceOf(type(OasstError.class))
                .satisfies(error -> assertThat(error.hasErrorCode(OasstErrorCode.TASK_ALREADY_UPDATED))
                        .isTrue());
    }

    @Test
    void fetchGivesUpAfterThreeAttemptsReportingEachFailure() {
        backend.injectFault(3, TASKS, InjectedFault.status(503));

        assertThatThrownBy(() -> tasks.fetchTask(TaskRequestType.INITIAL_PROMPT, USER))
                .asInstanceOf(type(OasstError.class))
                .satisfies(error -> {
                    assertThat(error.status()).isEqualTo(503);
                    assertThat(error.attempts()).isEqualTo(3);
                    assertThat(error.earlierAttempts())
                            .allSatisfy(earlier -> assertThat(earlier)
                                    .asInstanceOf(type(OasstError.class))
                                    .extracting(OasstError::status)
                                    .isEqualTo(503));
                });
        assertThat(backend.requestCount(TASKS)).isEqualTo(3);
    }

    @Test
    void definiteErrorIsNotRetried() {
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> tasks.ackTask(unknown, "frontend-message-1"))
                .asInstanceOf(type(OasstError.class))
                .satisfies(error -> {
                    assertThat(error.knownErrorCode()).contains(OasstErrorCode.TASK_NOT_FOUND);
                    assertThat(error.attempts()).isEqualTo(1);
                });
        assertThat(backend.requestCount(TASKS + unknown + "/ack")).isEqualTo(1);
        assertThat(events).noneMatch(event -> event.getEventType() == RetryEvent.Type.RETRY);
    }

    @Test
    void rateLimitedFetchWaitsAsTheServerSaysAndGetsThrough() {
        backend.injectFault(1, TASKS, InjectedFault.rateLimited(0));

        Task task = tasks.fetchTask(TaskRequestType.INITIAL_PROMPT, USER);

        assertThat(task.type()).isEqualTo("initial_prompt");
        assertThat(backend.requestCount(TASKS)).isEqualTo(2);
    }

    @Test
    void roundAnswersATaskWithOneRequestPerStep() {
        Round round = tasks.playRound(TaskRequestType.RANK_ASSISTANT_REPLIES, USER);

        assertThat(round.outcome()).isEqualTo(Round.Outcome.ANSWERED);
        assertThat(round.detail()).isEqualTo("message_ranking");
        assertThat(backend.requestCount(TASKS)).isEqualTo(1);
        assertThat(backend.requestCount(TASKS + round.taskId() + "/ack")).isEqualTo(1);
        assertThat(backend.requestCount(INTERACTION)).isEqualTo(1);
    }

    @Test
    void roundLabelsALabelTask() {
        Round round = tasks.playRound(TaskRequestType.LABEL_INITIAL_PROMPT, USER);

        assertThat(round.outcome()).isEqualTo(Round.Outcome.ANSWERED);
        assertThat(round.detail()).isEqualTo("text_labels");
        assertThat(backend.received().get(2).body()).contains("\"labels\":{\"spam\":0.0}");
    }

    @Test
    void roundGetsThroughFaultsOnEveryStep() {
        backend.injectFault(1, TASKS, InjectedFault.status(503));
        backend.injectFault(1, INTERACTION, InjectedFault.status(503));

        Round round = tasks.playRound(TaskRequestType.INITIAL_PROMPT, USER);

        assertThat(round.outcome()).isEqualTo(Round.Outcome.ANSWERED);
        assertThat(backend.requestCount(TASKS)).isEqualTo(2);
        assertThat(backend.requestCount(TASKS + round.taskId() + "/ack")).isEqualTo(1);
        assertThat(backend.requestCount(INTERACTION)).isEqualTo(2);
    }

    @Test
    void roundWithoutATaskForTheUserIsNoTaskNotAFailure() {
        Round round = tasks.playRound(TaskRequestType.LABEL_ASSISTANT_REPLY, USER);

        assertThat(round.outcome()).isEqualTo(Round.Outcome.NO_TASK);
        assertThat(round.detail()).contains("TASK_GENERATION_FAILED");
        assertThat(backend.requestCount(TASKS)).isEqualTo(1);
        assertThat(backend.received()).hasSize(1);
    }
}
