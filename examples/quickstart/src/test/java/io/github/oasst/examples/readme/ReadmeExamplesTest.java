package io.github.oasst.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.protocol.InitialPromptTask;
import io.github.oasst.client.protocol.Task;
import io.github.oasst.client.protocol.TaskAck;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.protocol.User;
import io.github.oasst.client.retry.InteractionKind;
import io.github.oasst.client.retry.OasstCall;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.retry.RetryCondition;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.oasst.client.testkit.FakeOasstBackendExtension;
import io.github.oasst.client.testkit.InjectedFault;
import io.github.oasst.client.testkit.ReceivedRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Java code of the README and the guide, run against the fake backend. Each block between {@code tag::} and
 * {@code end::} comments is a snippet of a page, character for character ({@link ReadmeSnippetsTest}
 * checks that); the lines around it give it its variables and check what it did.
 */
class ReadmeExamplesTest {
    private static final Logger log = LoggerFactory.getLogger(ReadmeExamplesTest.class);

    @RegisterExtension
    static FakeOasstBackendExtension oasst = FakeOasstBackendExtension.create();

    @Test
    void usage() {
        String backendUrl = oasst.baseUrl();
        String apiKey = oasst.apiKey();
        // tag::usage[]
        try (OasstClient client = OasstClient.builder()
                .baseUrl(backendUrl) // or .fromEnvironment(): OASST_BACKEND_URL, OASST_API_KEY
                .apiKey(apiKey)
                .build()) {
            User user = User.discord("1234", "Alice");
            InitialPromptTask task = client.fetchTask(TaskKind.INITIAL_PROMPT, user); // typed, no casts
            client.ackTask(task.id(), "frontend-message-1");
            client.postInteraction(
                    TextReplyToMessage.of(user, "frontend-message-1", "user-message-1", "How do tides work?"));
        }
        // end::usage[]

        assertThat(oasst.backend().received())
                .extracting(ReceivedRequest::path)
                .hasSize(4)
                .startsWith("/api/v1/tasks/")
                .contains("/api/v1/tasks/availability") // the first interaction learns the server's version
                .endsWith("/api/v1/tasks/interaction");
    }

    @Test
    void injectedInterface() {
        try (OasstClient client = OasstClient.builder()
                .baseUrl(oasst.baseUrl())
                .apiKey(oasst.apiKey())
                .build()) {
            User user = User.local("42", "Bob");
            // tag::interface[]
            OasstTasksApi tasks = client.tasksApi(); // the path the facade's own calls take
            Task task = tasks.requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, user));
            tasks.ackTask(task.id(), new TaskAck("frontend-message-2"));
            // end::interface[]

            assertThat(task).isInstanceOf(InitialPromptTask.class);
            assertThat(oasst.backend().requestCount("/api/v1/tasks/" + task.id() + "/ack"))
                    .isEqualTo(1);
        }
    }

    @Test
    void retries() {
        String backendUrl = oasst.baseUrl();
        String apiKey = oasst.apiKey();
        // tag::retries[]
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(5)
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofSeconds(2))
                .deadline(Duration.ofSeconds(10))
                .retryAmbiguousInteractions(InteractionKind.SAFE_TO_REPEAT) // text replies, rankings
                .retryIf(RetryCondition.DEFAULT.or((op, e) -> e instanceof OasstError err
                        && err.hasErrorCode(OasstErrorCode.TASK_REQUESTED_TYPE_NOT_AVAILABLE)))
                .build();
        OasstClient client = OasstClient.builder()
                .baseUrl(backendUrl)
                .apiKey(apiKey)
                .retryPolicy(policy) // RetryPolicy.disabled() turns retries off
                .circuitBreaker(CircuitBreaker.ofDefaults("oasst"))
                .build();
        client.retry(OasstOperation.ACK_TASK)
                .getEventPublisher()
                .onRetry(event -> log.warn(
                        "ack retry {}: {}",
                        event.getNumberOfRetryAttempts(),
                        event.getLastThrowable().getMessage()));
        // end::retries[]

        try (client) {
            OasstTransportException lost = new OasstTransportException(
                    OasstTransportException.Kind.CONNECTION_LOST,
                    "POST",
                    "/api/v1/tasks/interaction",
                    new IOException());
            OasstError unavailable = new OasstError(
                    400, 1006, "Requested task type not available.", "POST", "/api/v1/tasks/", "", List.of(), null);
            assertThat(lost.failureClass()).isEqualTo(FailureClass.AMBIGUOUS);
            assertThat(policy.shouldRetry(OasstOperation.POST_INTERACTION, InteractionKind.TEXT_REPLY, null, lost))
                    .as("the opt-in holds next to the condition")
                    .isTrue();
            assertThat(policy.shouldRetry(OasstOperation.POST_INTERACTION, InteractionKind.LABELS, null, lost))
                    .as("labels sent twice are stored twice")
                    .isFalse();
            assertThat(policy.shouldRetry(OasstOperation.FETCH_TASK, unavailable))
                    .as("the condition's extra case")
                    .isTrue();

            InitialPromptTask task = client.fetchTask(TaskKind.INITIAL_PROMPT, User.local("7", "Eve"));
            String ack = "/api/v1/tasks/" + task.id() + "/ack";
            oasst.backend().injectFault(1, ack, InjectedFault.status(503));
            client.ackTask(task.id(), "frontend-message-3");

            assertThat(oasst.backend().requestCount(ack)).isEqualTo(2);
            assertThat(client.retry(OasstOperation.ACK_TASK).getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt())
                    .isEqualTo(1);
        }
    }

    @Test
    void listener() {
        String backendUrl = oasst.baseUrl();
        String apiKey = oasst.apiKey();
        List<OasstCall> seen = new CopyOnWriteArrayList<>();
        // tag::listener[]
        Map<OasstCall.Outcome, LongAdder> outcomes = new ConcurrentHashMap<>();
        OasstClient client = OasstClient.builder()
                .baseUrl(backendUrl)
                .apiKey(apiKey)
                .listener(call -> {
                    outcomes.computeIfAbsent(call.outcome(), o -> new LongAdder())
                            .increment();
                    if (call.outcome() == OasstCall.Outcome.FAILED) {
                        log.warn(
                                "{} failed after {} attempts in {}",
                                call.operation(),
                                call.attempts(),
                                call.duration());
                    }
                })
                .build();
        // end::listener[]

        try (OasstClient watched = OasstClient.builder()
                .baseUrl(backendUrl)
                .apiKey(apiKey)
                .listener(seen::add)
                .build()) {
            oasst.backend().injectFault(1, "/api/v1/tasks/", InjectedFault.status(503));
            client.fetchTask(TaskKind.INITIAL_PROMPT, User.local("8", "Lin"));
            oasst.backend().injectFault(1, "/api/v1/tasks/", InjectedFault.status(503));
            watched.fetchTask(TaskKind.INITIAL_PROMPT, User.local("8", "Lin"));
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> client.ackTask(java.util.UUID.randomUUID(), "frontend-message-4"))
                    .isInstanceOf(OasstError.class);
        } finally {
            client.close();
        }
        assertThat(outcomes.get(OasstCall.Outcome.SUCCEEDED).sum()).isEqualTo(1);
        assertThat(outcomes.get(OasstCall.Outcome.FAILED).sum()).isEqualTo(1);
        assertThat(seen).singleElement().satisfies(call -> {
            assertThat(call.attempts()).isEqualTo(2);
            assertThat(call.failedAttempts())
                    .extracting(e -> ((OasstError) e).status())
                    .containsExactly(503);
        });
    }
}
