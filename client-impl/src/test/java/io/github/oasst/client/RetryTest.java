package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.protocol.TextReplyToMessage;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.event.RetryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Retries by failure class and operation, sync and async, counted in WireMock's request journal. Waits
 * run on a virtual clock, except where a test shows that async waits block no thread.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RetryTest {
    private static final UUID TASK_ID = UUID.fromString("00908626-7a35-4e1c-9582-29613f757c10");
    private static final String TASK_DONE = "{\"id\":\"dd57fdc2-6276-4cc6-a191-346dbfa253ff\",\"type\":\"task_done\"}";
    private static final String TASK =
            "{\"hint\":\"Ask the assistant about a current event.\",\"id\":\"7ce89c86-ed37-49b8-b32d-b97ccea394e9\",\"type\":\"initial_prompt\"}";
    private static final List<Fault> AMBIGUOUS_FAULTS = List.of(
            Fault.CONNECTION_RESET_BY_PEER,
            Fault.EMPTY_RESPONSE,
            Fault.MALFORMED_RESPONSE_CHUNK,
            Fault.RANDOM_DATA_THEN_CLOSE);

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

    private TestSupport.VirtualTime time;
    private final List<OasstClient> clients = new ArrayList<>();

    @BeforeEach
    void setUp() {
        time = new TestSupport.VirtualTime();
        time.install();
    }

    @AfterEach
    void tearDown() {
        clients.forEach(OasstClient::close);
        TestSupport.VirtualTime.uninstall();
    }

    private OasstClient client(RetryPolicy policy) {
        OasstClient client = OasstClient.builder()
                .baseUrl(backend.baseUrl())
                .apiKey(TestSupport.API_KEY)
                .readTimeout(Duration.ofMillis(300))
                .retryPolicy(policy)
                .nanoClock(time::nanoTime)
                .scheduler(time.scheduler())
                .build();
        clients.add(client);
        return client;
    }

    private OasstClient client() {
        return client(RetryPolicy.builder().jitter(0).build());
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static ResponseDefinitionBuilder oasstError(int status, OasstErrorCode code, String message) {
        return json(status, "{\"error_code\":" + code.code() + ",\"message\":\"" + message + "\"}");
    }

    /** Answers the path with the given responses in turn, the last one from then on. */
    private static void answer(String path, ResponseDefinitionBuilder... responses) {
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

    private static int requests(Op op) {
        return backend.findAll(postRequestedFor(urlEqualTo(op.path))).size();
    }

    static Stream<Arguments> everyOperation() {
        List<Arguments> arguments = new ArrayList<>();
        for (Op op : Op.values()) {
            for (Mode mode : Mode.values()) {
                arguments.add(Arguments.of(op, mode));
            }
        }
        return arguments.stream();
    }

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

    // ---- not processed: every operation is retried --------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyOperation")
    void everyOperationIsRetriedAfter503(Op op, Mode mode) {
        answer(op.path, json(503, "{\"detail\":\"busy\"}"), op.success());

        assertThat(op.outcome(client(), mode)).isNull();
        assertThat(requests(op)).isEqualTo(2);
        assertThat(time.waits()).containsExactly(200L);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyOperation")
    void everyOperationWaitsTheRetryAfterOfA429(Op op, Mode mode) {
        answer(op.path, json(429, "{\"detail\":\"slow down\"}").withHeader("Retry-After", "2"), op.success());

        assertThat(op.outcome(client(), mode)).isNull();
        assertThat(requests(op)).isEqualTo(2);
        assertThat(time.waits()).containsExactly(2000L);
    }

    @Test
    void theRateLimitMessageGivesTheWaitWhenThereIsNoHeader() {
        answer(
                Op.ACK.path,
                oasstError(429, OasstErrorCode.TOO_MANY_REQUESTS, "Too Many Requests. Retry After 3 seconds."),
                Op.ACK.success());

        assertThat(Op.ACK.outcome(client(), Mode.SYNC)).isNull();
        assertThat(time.waits()).containsExactly(3000L);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyOperation")
    void aRefusedConnectionIsRetriedForEveryOperation(Op op, Mode mode) throws Exception {
        int port;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        OasstClient client = OasstClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .apiKey(TestSupport.API_KEY)
                .retryPolicy(RetryPolicy.builder().jitter(0).build())
                .nanoClock(time::nanoTime)
                .scheduler(time.scheduler())
                .build();
        clients.add(client);

        Throwable failure = op.outcome(client, mode);

        assertThat(failure).isInstanceOfSatisfying(OasstTransportException.class, e -> {
            assertThat(e.kind()).isEqualTo(OasstTransportException.Kind.CONNECT_FAILED);
            assertThat(e.attempts()).isEqualTo(3);
        });
        assertThat(time.waits()).containsExactly(200L, 400L);
    }

    // ---- ambiguous: retried and reconciled, interactions not retried -------------------------------

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyOperationAndAmbiguousFault")
    void ambiguousFailuresAreRetriedExceptForInteractions(Op op, Mode mode, Fault fault) {
        answer(op.path, aResponse().withFault(fault), op.success());

        Throwable failure = op.outcome(client(), mode);

        if (fault == Fault.MALFORMED_RESPONSE_CHUNK && op != Op.FETCH) {
            // the 200 status arrived before the garbled body, and only a fetch reads the body: done
            assertThat(failure).isNull();
            assertThat(requests(op)).isEqualTo(1);
        } else if (op == Op.INTERACTION) {
            assertThat(failure).isInstanceOfSatisfying(OasstTransportException.class, e -> {
                assertThat(e.failureClass()).isEqualTo(FailureClass.AMBIGUOUS);
                assertThat(e.attempts()).isEqualTo(1);
            });
            assertThat(requests(op))
                    .as("an interaction is never sent twice without the opt-in")
                    .isEqualTo(1);
        } else {
            assertThat(failure).isNull();
            assertThat(requests(op)).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyOperation")
    void aReadTimeoutIsAmbiguous(Op op, Mode mode) {
        answer(op.path, op.success().withFixedDelay(1_000), aResponse().withStatus(500), op.success());

        Throwable failure = op.outcome(client(), mode);

        if (op == Op.INTERACTION) {
            assertThat(failure)
                    .isInstanceOfSatisfying(
                            OasstTransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(OasstTransportException.Kind.READ_TIMEOUT));
            assertThat(requests(op)).isEqualTo(1);
        } else {
            // read timeout, then 500 (ambiguous too), then success
            assertThat(failure).isNull();
            assertThat(requests(op)).isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @EnumSource(Mode.class)
    void ackNackAndCloseSucceedWhenTheRetryFindsTheWorkDone(Mode mode) {
        for (Op op : List.of(Op.ACK, Op.NACK, Op.CLOSE)) {
            answer(
                    op.path,
                    aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                    oasstError(400, op.alreadyDone(), "Task already updated."));

            assertThat(op.outcome(client(), mode)).as(op.name()).isNull();
            assertThat(requests(op)).as(op.name()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyOperation")
    void alreadyDoneAfterAFailureThatWasNotAmbiguousIsAnError(Op op, Mode mode) {
        answer(op.path, json(503, "{}"), oasstError(400, op.alreadyDone(), "Task already done."));

        Throwable failure = op.outcome(client(), mode);

        assertThat(failure).isInstanceOfSatisfying(OasstError.class, e -> {
            assertThat(e.hasErrorCode(op.alreadyDone())).isTrue();
            assertThat(e.attempts()).isEqualTo(2);
        });
        assertThat(requests(op)).isEqualTo(2);
    }

    private OasstClient clientRepeatingSafeInteractions() {
        return client(RetryPolicy.builder()
                .jitter(0)
                .retryAmbiguousInteractions(InteractionKind.SAFE_TO_REPEAT)
                .build());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void withTheOptInAnAmbiguousInteractionIsRetriedAndTaskAlreadyDoneMeansDone(Mode mode) {
        OasstClient client = clientRepeatingSafeInteractions();
        answer(
                Op.INTERACTION.path,
                aResponse().withFault(Fault.EMPTY_RESPONSE),
                oasstError(400, OasstErrorCode.TASK_ALREADY_DONE, "Task already done."));

        assertThat(Op.INTERACTION.outcome(client, mode)).isNull();
        assertThat(requests(Op.INTERACTION)).isEqualTo(2);
    }

    @Test
    void withTheOptInAnAmbiguousInteractionIsSentAgainUntilItSucceeds() {
        OasstClient client = clientRepeatingSafeInteractions();
        answer(Op.INTERACTION.path, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), Op.INTERACTION.success());

        assertThat(Op.INTERACTION.outcome(client, Mode.SYNC)).isNull();
        assertThat(requests(Op.INTERACTION)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void labelsWhoseAnswerWasLostAreNeverSentAgainAndTheFailureSaysSo(Mode mode) {
        OasstClient client = client(RetryPolicy.builder()
                .jitter(0)
                .retryAmbiguousInteractions(java.util.EnumSet.allOf(InteractionKind.class).stream()
                        .filter(kind -> kind != InteractionKind.LABELS)
                        .collect(java.util.stream.Collectors.toSet()))
                .build());
        answer(Op.INTERACTION.path, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), Op.INTERACTION.success());
        io.github.oasst.client.protocol.TextLabels labels = new io.github.oasst.client.protocol.TextLabels(
                USER, UUID.fromString("c7dad4bf-46c1-4de6-848e-66059ab855c5"), "text", java.util.Map.of("spam", 0.0));

        Throwable failure = mode == Mode.SYNC
                ? catchThrowable(() -> client.postInteraction(labels))
                : catchThrowable(() -> client.postInteractionAsync(labels).join());
        if (failure instanceof CompletionException wrapped) {
            failure = wrapped.getCause();
        }

        assertThat(failure).isInstanceOfSatisfying(OasstTransportException.class, e -> {
            assertThat(e.mayHaveTakenEffect()).isTrue();
            assertThat(e.getMessage()).endsWith("; may have been stored; not repeated to avoid a duplicate)");
        });
        assertThat(requests(Op.INTERACTION)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aRankingWhoseAnswerWasLostIsSentAgainAndARefusedRepeatSaysItMayHaveBeenStored(Mode mode) {
        OasstClient client = clientRepeatingSafeInteractions();
        answer(
                Op.INTERACTION.path,
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                oasstError(400, OasstErrorCode.TASK_INTERACTION_REQUEST_FAILED, "Interaction request failed."));
        io.github.oasst.client.protocol.MessageRanking ranking =
                new io.github.oasst.client.protocol.MessageRanking(USER, "fe-1", List.of(0, 1));

        Throwable failure = mode == Mode.SYNC
                ? catchThrowable(() -> client.postInteraction(ranking))
                : catchThrowable(() -> client.postInteractionAsync(ranking).join());
        if (failure instanceof CompletionException wrapped) {
            failure = wrapped.getCause();
        }

        assertThat(failure).isInstanceOfSatisfying(OasstError.class, e -> {
            assertThat(e.errorCode()).hasValue(1004);
            assertThat(e.mayHaveTakenEffect()).isTrue();
            assertThat(e.getMessage()).endsWith("; may have been stored by an attempt whose answer was lost)");
        });
        assertThat(requests(Op.INTERACTION)).isEqualTo(2);
    }

    // ---- definite: never retried --------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyOperation")
    void definiteErrorsAreNotRetried(Op op, Mode mode) {
        answer(op.path, oasstError(404, OasstErrorCode.TASK_NOT_FOUND, "Task not found"));

        Throwable failure = op.outcome(client(), mode);

        assertThat(failure)
                .isInstanceOfSatisfying(
                        OasstError.class, e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(requests(op)).isEqualTo(1);
        assertThat(time.waits()).isEmpty();
    }

    @Test
    void a503CarryingATaskErrorCodeIsDefinite() {
        answer(Op.FETCH.path, oasstError(503, OasstErrorCode.TASK_REQUESTED_TYPE_NOT_AVAILABLE, "No tasks"));

        assertThat(Op.FETCH.outcome(client(), Mode.SYNC)).isInstanceOf(OasstError.class);
        assertThat(requests(Op.FETCH)).isEqualTo(1);
    }

    // ---- budget, deadline, report ------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyOperation")
    void theLastExceptionTellsHowManyAttemptsWereMadeAndWhyEachFailed(Op op, Mode mode) {
        answer(
                op.path,
                json(503, "{\"detail\":\"one\"}"),
                json(429, "{\"detail\":\"two\"}"),
                json(503, "{\"detail\":\"three\"}"));

        Throwable failure = op.outcome(client(), mode);

        assertThat(failure).isInstanceOfSatisfying(OasstError.class, e -> {
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.earlierAttempts())
                    .extracting(OasstException::description)
                    .containsExactly("503 Service Unavailable: one", "429 Too Many Requests: two");
            assertThat(e.getMessage())
                    .isEqualTo("503 Service Unavailable: three (POST " + op.path + "; 3 attempts:"
                            + " 1) 503 Service Unavailable: one; 2) 429 Too Many Requests: two; 3) this)");
        });
        assertThat(requests(op)).isEqualTo(3);
        assertThat(time.waits()).containsExactly(200L, 400L);
    }

    @Test
    void backoffGrowsExponentiallyUpToItsCap() {
        OasstClient client = client(RetryPolicy.builder()
                .jitter(0)
                .maxAttempts(6)
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(500))
                .build());
        answer(Op.FETCH.path, json(503, "{}"));

        assertThat(Op.FETCH.outcome(client, Mode.SYNC)).isInstanceOf(OasstError.class);
        assertThat(time.waits()).containsExactly(100L, 200L, 400L, 500L, 500L);
        assertThat(requests(Op.FETCH)).isEqualTo(6);
    }

    @Test
    void jitterSpreadsEachWaitOverItsBand() {
        RetryPolicy policy = RetryPolicy.builder().jitter(0.5).build();
        java.util.Set<Long> waits = new java.util.TreeSet<>();
        for (int i = 0; i < 1000; i++) {
            waits.add(policy.backoff(2, new RuntimeException()).toMillis());
        }

        assertThat(waits).allSatisfy(wait -> assertThat(wait).isBetween(200L, 600L));
        assertThat(waits).as("waits drawn over the band, not one value").hasSizeGreaterThan(100);
        assertThat(((java.util.TreeSet<Long>) waits).first()).isLessThan(260L);
        assertThat(((java.util.TreeSet<Long>) waits).last()).isGreaterThan(540L);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aWaitPastTheDeadlineIsNotTakenAndNoRetryIsAnnounced(Mode mode) {
        OasstClient client = client();
        List<RetryEvent> events = new ArrayList<>();
        client.retry(OasstOperation.FETCH_TASK).getEventPublisher().onEvent(events::add);
        answer(Op.FETCH.path, json(429, "{}").withHeader("Retry-After", "60"), Op.FETCH.success());

        Throwable failure = Op.FETCH.outcome(client, mode);

        assertThat(failure)
                .isInstanceOfSatisfying(
                        OasstError.class, e -> assertThat(e.status()).isEqualTo(429));
        assertThat(requests(Op.FETCH)).isEqualTo(1);
        assertThat(time.waits()).isEmpty();
        assertThat(events).extracting(RetryEvent::getEventType).containsExactly(RetryEvent.Type.IGNORED_ERROR);
        assertThat(client.retry(OasstOperation.FETCH_TASK).getMetrics().getNumberOfFailedCallsWithoutRetryAttempt())
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aDisabledPolicySendsOnce(Mode mode) {
        answer(Op.FETCH.path, json(503, "{}"), Op.FETCH.success());

        assertThat(Op.FETCH.outcome(client(RetryPolicy.disabled()), mode)).isInstanceOf(OasstError.class);
        assertThat(requests(Op.FETCH)).isEqualTo(1);
    }

    @Test
    void operationsLeftOutOfThePolicyAreNotRetried() {
        OasstClient client = client(RetryPolicy.builder()
                .jitter(0)
                .operations(Set.of(OasstOperation.ACK_TASK))
                .build());
        answer(Op.FETCH.path, json(503, "{}"), Op.FETCH.success());
        answer(Op.ACK.path, json(503, "{}"), Op.ACK.success());

        assertThat(Op.FETCH.outcome(client, Mode.SYNC)).isInstanceOf(OasstError.class);
        assertThat(Op.ACK.outcome(client, Mode.SYNC)).isNull();
        assertThat(requests(Op.FETCH)).isEqualTo(1);
        assertThat(requests(Op.ACK)).isEqualTo(2);
    }

    @Test
    void aCustomConditionDecides() {
        RetryCondition alsoTaskNotAvailable = RetryCondition.DEFAULT.or((op, failure) ->
                failure instanceof OasstError e && e.hasErrorCode(OasstErrorCode.TASK_REQUESTED_TYPE_NOT_AVAILABLE));
        OasstClient client = client(
                RetryPolicy.builder().jitter(0).retryIf(alsoTaskNotAvailable).build());
        answer(
                Op.FETCH.path,
                oasstError(503, OasstErrorCode.TASK_REQUESTED_TYPE_NOT_AVAILABLE, "No tasks"),
                Op.FETCH.success());

        assertThat(Op.FETCH.outcome(client, Mode.SYNC)).isNull();
        assertThat(requests(Op.FETCH)).isEqualTo(2);
    }

    // ---- observability, circuit breaker, the raw interface -------------------------------------

    @Test
    void retryEventsAreObservable() {
        OasstClient client = client();
        List<RetryEvent> events = new ArrayList<>();
        client.retry(OasstOperation.FETCH_TASK).getEventPublisher().onEvent(events::add);
        answer(Op.FETCH.path, json(503, "{}"), json(503, "{}"), Op.FETCH.success());

        Op.FETCH.outcome(client, Mode.SYNC);

        assertThat(events)
                .extracting(RetryEvent::getEventType)
                .containsExactly(RetryEvent.Type.RETRY, RetryEvent.Type.RETRY, RetryEvent.Type.SUCCESS);
        assertThat(events.get(0).getLastThrowable()).isInstanceOf(OasstError.class);
        assertThat(client.retry(OasstOperation.FETCH_TASK).getName()).isEqualTo("oasst-fetch-task");
        assertThat(client.retry(OasstOperation.FETCH_TASK).getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt())
                .isEqualTo(1);
    }

    @Test
    void aCircuitBreakerSeesEachAttemptAndStopsCallsWhenOpen() {
        CircuitBreaker breaker = CircuitBreaker.of(
                "oasst",
                CircuitBreakerConfig.custom()
                        .slidingWindowSize(2)
                        .minimumNumberOfCalls(2)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofMinutes(1))
                        .build());
        OasstClient client = OasstClient.builder()
                .baseUrl(backend.baseUrl())
                .apiKey(TestSupport.API_KEY)
                .retryPolicy(RetryPolicy.builder().jitter(0).build())
                .circuitBreaker(breaker)
                .nanoClock(time::nanoTime)
                .scheduler(time.scheduler())
                .build();
        clients.add(client);
        answer(Op.FETCH.path, json(503, "{}"));

        Throwable failure = Op.FETCH.outcome(client, Mode.SYNC);

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(failure).isInstanceOf(CallNotPermittedException.class);
        assertThat(requests(Op.FETCH)).isEqualTo(2);
    }

    @Test
    void theRawInterfaceRetriesAndReconcilesToo() {
        answer(
                Op.CLOSE.path,
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                oasstError(400, OasstErrorCode.TASK_ALREADY_DONE, "Allready closed"));

        Throwable failure = catchThrowable(
                () -> client().tasksApi().closeTask(new io.github.oasst.client.protocol.TaskClose("fe-1")));

        assertThat(failure)
                .as("the second attempt's 2105 proves the first closed the task")
                .isNull();
        assertThat(requests(Op.CLOSE)).isEqualTo(2);
    }

    @Test
    void asyncWaitsAreScheduledAndBlockNoThread() {
        answer(Op.FETCH.path, json(503, "{}"), Op.FETCH.success());
        TestSupport.HeldScheduler scheduler = new TestSupport.HeldScheduler();
        OasstClient client = OasstClient.builder()
                .baseUrl(backend.baseUrl())
                .apiKey(TestSupport.API_KEY)
                .retryPolicy(RetryPolicy.builder().jitter(0).build())
                .scheduler(scheduler)
                .build();
        clients.add(client);

        CompletableFuture<?> future = Op.FETCH.call(client, Mode.ASYNC);
        await(() -> scheduler.waiting() == 1);

        assertThat(future).as("waiting for its retry, held by the scheduler").isNotDone();
        assertThat(requests(Op.FETCH)).isEqualTo(1);
        scheduler.endWaits();
        assertThat(catchThrowable(future::join)).isNull();
        assertThat(requests(Op.FETCH)).isEqualTo(2);
    }

    /** Waits (at most 10 s) until the condition holds: the async call's first answer has arrived. */
    static void await(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(end);
            Thread.onSpinWait();
        }
    }
}
