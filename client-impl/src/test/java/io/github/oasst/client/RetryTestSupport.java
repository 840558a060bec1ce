package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.oasst.client.TestSupport.USER;
import static io.github.oasst.client.TestSupport.json;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Shared setup of the retry tests: a WireMock backend for each test class, virtual time (of each
 * test's own) for the retries' waits and deadline, clients closed after each test, the operations with their paths and
 * successful answers, and helpers that script a path's answers in turn, count its requests and read
 * a {@code Retry}'s counts.
 */
@org.junit.jupiter.api.parallel.ResourceLock("the retry tests' WireMock backend") // one server for all of them
abstract class RetryTestSupport {
    private static final UUID TASK_ID = UUID.fromString("00908626-7a35-4e1c-9582-29613f757c10");
    private static final String TASK_DONE = "{\"id\":\"dd57fdc2-6276-4cc6-a191-346dbfa253ff\",\"type\":\"task_done\"}";
    private static final String TASK =
            "{\"hint\":\"Ask the assistant about a current event.\",\"id\":\"7ce89c86-ed37-49b8-b32d-b97ccea394e9\",\"type\":\"initial_prompt\"}";
    private static final List<Fault> AMBIGUOUS_FAULTS = List.of(
            Fault.CONNECTION_RESET_BY_PEER,
            Fault.EMPTY_RESPONSE,
            Fault.MALFORMED_RESPONSE_CHUNK,
            Fault.RANDOM_DATA_THEN_CLOSE);
    /** The path of the fetch, whose answers {@link #answer(ResponseDefinitionBuilder...)} scripts. */
    static final String TASKS = "/api/v1/tasks/";

    @RegisterExtension
    static WireMockExtension backend = TestSupport.wireMock();

    /** The operations, each with its path and its successful answer. */
    enum Op {
        FETCH("/api/v1/tasks/", () -> json(200, TASK)),
        ACK("/api/v1/tasks/" + TASK_ID + "/ack", () -> aResponse().withStatus(204)),
        NACK("/api/v1/tasks/" + TASK_ID + "/nack", () -> aResponse().withStatus(204)),
        INTERACTION("/api/v1/tasks/interaction", () -> json(200, TASK_DONE)),
        CLOSE("/api/v1/tasks/close", () -> json(200, TASK_DONE));

        final String path;
        private final Supplier<ResponseDefinitionBuilder> success;

        Op(String path, Supplier<ResponseDefinitionBuilder> success) {
            this.path = path;
            this.success = success;
        }

        /** A new builder of the successful answer (builders are mutable). */
        ResponseDefinitionBuilder success() {
            return success.get();
        }

        CompletableFuture<?> call(OasstClient client, Mode mode) {
            if (mode == Mode.SYNC) {
                try {
                    switch (this) {
                        case FETCH -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER);
                        case ACK -> client.ackTask(TASK_ID, "fe-1");
                        case NACK -> client.nackTask(TASK_ID, "no");
                        case INTERACTION -> client.postInteraction(TextReplyToMessage.of(USER, "fe-1", "u-1", "Hi"));
                        case CLOSE -> client.closeTask("fe-1");
                    }
                    return CompletableFuture.completedFuture(null);
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
            return switch (this) {
                case FETCH -> client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, USER);
                case ACK -> client.ackTaskAsync(TASK_ID, "fe-1");
                case NACK -> client.nackTaskAsync(TASK_ID, "no");
                case INTERACTION -> client.postInteractionAsync(TextReplyToMessage.of(USER, "fe-1", "u-1", "Hi"));
                case CLOSE -> client.closeTaskAsync("fe-1");
            };
        }

        /** Runs the call to its end: null on success, else the failure. */
        Throwable outcome(OasstClient client, Mode mode) {
            Throwable failure = catchThrowable(() -> call(client, mode).join());
            return failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
        }

        OasstErrorCode alreadyDone() {
            return this == ACK || this == NACK ? OasstErrorCode.TASK_ALREADY_UPDATED : OasstErrorCode.TASK_ALREADY_DONE;
        }
    }

    enum Mode {
        SYNC,
        ASYNC
    }

    TestSupport.VirtualTime time;
    final List<OasstClient> clients = new ArrayList<>();

    @BeforeEach
    void setUp() {
        time = new TestSupport.VirtualTime();
    }

    @AfterEach
    void tearDown() {
        clients.forEach(OasstClient::close);
    }

    /** A client of the backend on virtual time, with the given policy and a read timeout of 800 ms (wide enough for a loaded machine). */
    OasstClient client(RetryPolicy policy) {
        OasstClient client = OasstClient.builder()
                .baseUrl(backend.baseUrl())
                .apiKey(TestSupport.API_KEY)
                .readTimeout(Duration.ofMillis(800))
                .retryPolicy(policy)
                .nanoClock(time::nanoTime)
                .scheduler(time.scheduler())
                .build();
        clients.add(client);
        return client;
    }

    /** A client of the backend on virtual time, with the default policy without jitter. */
    OasstClient client() {
        return client(RetryPolicy.builder().jitter(0).build());
    }

    /** A builder of a client of the backend on virtual time, with the default policy without jitter. */
    OasstClientBuilder builder() {
        return OasstClient.builder()
                .baseUrl(backend.baseUrl())
                .apiKey(TestSupport.API_KEY)
                .retryPolicy(RetryPolicy.builder().jitter(0).build())
                .nanoClock(time::nanoTime)
                .scheduler(time.scheduler());
    }

    /** Builds the client, closed after the test. */
    OasstClient client(OasstClientBuilder builder) {
        OasstClient client = builder.build();
        clients.add(client);
        return client;
    }

    /** An OASST error: the status, the error code and its message. */
    static ResponseDefinitionBuilder oasstError(int status, OasstErrorCode code, String message) {
        return json(status, "{\"error_code\":" + code.code() + ",\"message\":\"" + message + "\"}");
    }

    /** Answers the path with the given responses in turn, the last one from then on. */
    static void answer(String path, ResponseDefinitionBuilder... responses) {
        String state = STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = i == responses.length - 1 ? state : "answer-" + (i + 1);
            backend.stubFor(post(path)
                    .inScenario(path)
                    .whenScenarioStateIs(state)
                    .willReturn(responses[i])
                    .willSetStateTo(next));
            state = next;
        }
    }

    /** Answers the fetch with the given responses in turn, the last one from then on. */
    static void answer(ResponseDefinitionBuilder... responses) {
        answer(TASKS, responses);
    }

    /** The requests to the operation's path. */
    static int requests(Op op) {
        return backend.findAll(postRequestedFor(urlEqualTo(op.path))).size();
    }

    /** The requests to the fetch. */
    static int requests() {
        return backend.findAll(postRequestedFor(urlEqualTo(TASKS))).size();
    }

    /** An answer with the given status and JSON body. */
    static ResponseDefinitionBuilder status(int status, String body) {
        return json(status, body);
    }

    /** A task, the fetch's successful answer. */
    static ResponseDefinitionBuilder task() {
        return status(
                200,
                "{\"hint\":\"Ask about tides.\",\"id\":\"7ce89c86-ed37-49b8-b32d-b97ccea394e9\",\"type\":\"initial_prompt\"}");
    }

    /** The counts of the Retry: success without/with retry, failure without/with retry. */
    static List<Long> counts(Retry retry) {
        Retry.Metrics metrics = retry.getMetrics();
        return List.of(
                metrics.getNumberOfSuccessfulCallsWithoutRetryAttempt(),
                metrics.getNumberOfSuccessfulCallsWithRetryAttempt(),
                metrics.getNumberOfFailedCallsWithoutRetryAttempt(),
                metrics.getNumberOfFailedCallsWithRetryAttempt());
    }

    /** The ack's first answer is lost, its repeat answered 2103: the first one took effect. */
    static void ackLostThenAlreadyUpdated() {
        String ack = "/api/v1/tasks/00908626-7a35-4e1c-9582-29613f757c10/ack";
        backend.stubFor(post(ack)
                .inScenario("ack")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("done"));
        backend.stubFor(post(ack)
                .inScenario("ack")
                .whenScenarioStateIs("done")
                .willReturn(status(400, "{\"error_code\":2103,\"message\":\"Task already updated.\"}")));
    }

    /** Each operation, sync and async. */
    static Stream<Arguments> everyOperation() {
        List<Arguments> arguments = new ArrayList<>();
        for (Op op : Op.values()) {
            for (Mode mode : Mode.values()) {
                arguments.add(Arguments.of(op, mode));
            }
        }
        return arguments.stream();
    }

    /** Each operation, sync and async, with each fault that loses the answer. */
    static Stream<Arguments> everyOperationAndAmbiguousFault() {
        List<Arguments> arguments = new ArrayList<>();
        for (Op op : Op.values()) {
            for (Mode mode : Mode.values()) {
                for (Fault fault : AMBIGUOUS_FAULTS) {
                    arguments.add(Arguments.of(op, mode, fault));
                }
            }
        }
        return arguments.stream();
    }
}
