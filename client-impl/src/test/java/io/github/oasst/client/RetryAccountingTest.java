package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.protocol.TaskKind;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.retry.event.RetryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Resilience4j counts every call once, in the right count, and announces only the retries that
 * happen: read from each operation's {@code Retry.Metrics} and event stream, for every way a call
 * can end. Waits run on virtual time.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RetryAccountingTest {
    private static final String TASKS = "/api/v1/tasks/";
    private static final String TASK =
            "{\"hint\":\"Ask about tides.\",\"id\":\"7ce89c86-ed37-49b8-b32d-b97ccea394e9\",\"type\":\"initial_prompt\"}";

    @RegisterExtension
    static WireMockExtension backend = TestSupport.wireMock();

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

    private OasstClientBuilder builder() {
        return OasstClient.builder()
                .baseUrl(backend.baseUrl())
                .apiKey(TestSupport.API_KEY)
                .retryPolicy(RetryPolicy.builder().jitter(0).build())
                .nanoClock(time::nanoTime)
                .scheduler(time.scheduler());
    }

    private OasstClient client(OasstClientBuilder builder) {
        OasstClient client = builder.build();
        clients.add(client);
        return client;
    }

    private static ResponseDefinitionBuilder status(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static ResponseDefinitionBuilder task() {
        return status(200, TASK);
    }

    private static void answer(ResponseDefinitionBuilder... responses) {
        String state = STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = i == responses.length - 1 ? state : "answer-" + (i + 1);
            backend.stubFor(post(TASKS)
                    .inScenario("tasks")
                    .whenScenarioStateIs(state)
                    .willReturn(responses[i])
                    .willSetStateTo(next));
            state = next;
        }
    }

    private static int requests() {
        return backend.findAll(postRequestedFor(urlEqualTo(TASKS))).size();
    }

    /** The counts of the Retry: success without/with retry, failure without/with retry. */
    private static List<Long> counts(Retry retry) {
        Retry.Metrics metrics = retry.getMetrics();
        return List.of(
                metrics.getNumberOfSuccessfulCallsWithoutRetryAttempt(),
                metrics.getNumberOfSuccessfulCallsWithRetryAttempt(),
                metrics.getNumberOfFailedCallsWithoutRetryAttempt(),
                metrics.getNumberOfFailedCallsWithRetryAttempt());
    }

    static Stream<Arguments> endings() {
        String busy = "{\"detail\":\"busy\"}";
        return Stream.of(
                Arguments.of("success", new ResponseDefinitionBuilder[] {task()}, List.of(1L, 0L, 0L, 0L), 0),
                Arguments.of(
                        "success after a retry",
                        new ResponseDefinitionBuilder[] {status(503, busy), task()},
                        List.of(0L, 1L, 0L, 0L),
                        1),
                Arguments.of(
                        "a definite error",
                        new ResponseDefinitionBuilder[] {status(404, "{\"error_code\":2100,\"message\":\"gone\"}")},
                        List.of(0L, 0L, 1L, 0L),
                        0),
                Arguments.of(
                        "attempts used up",
                        new ResponseDefinitionBuilder[] {status(503, busy)},
                        List.of(0L, 0L, 0L, 1L),
                        2),
                Arguments.of(
                        "a wait past the deadline",
                        new ResponseDefinitionBuilder[] {status(429, "{}").withHeader("Retry-After", "60"), task()},
                        List.of(0L, 0L, 1L, 0L),
                        0),
                Arguments.of(
                        "a definite error after a retry",
                        new ResponseDefinitionBuilder[] {status(503, busy), status(404, "{}")},
                        List.of(0L, 0L, 1L, 0L),
                        1));
    }

    @ParameterizedTest(name = "{0}, blocking")
    @MethodSource("endings")
    void everyBlockingCallEndsInExactlyOneCount(
            String ending, ResponseDefinitionBuilder[] answers, List<Long> counts, int retries) {
        OasstClient client = client(builder());
        Retry retry = client.retry(OasstOperation.FETCH_TASK);
        List<RetryEvent> events = new ArrayList<>();
        retry.getEventPublisher().onEvent(events::add);
        answer(answers);

        catchThrowable(() -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER));

        assertThat(counts(retry)).as(ending).isEqualTo(counts);
        assertThat(events.stream().filter(e -> e.getEventType() == RetryEvent.Type.RETRY))
                .as("a retry event for each retry that happened")
                .hasSize(retries)
                .hasSize(requests() - 1);
    }

    @ParameterizedTest(name = "{0}, async")
    @MethodSource("endings")
    void everyAsyncCallEndsInExactlyOneCount(
            String ending, ResponseDefinitionBuilder[] answers, List<Long> counts, int retries) {
        OasstClient client = client(builder());
        Retry retry = client.retry(OasstOperation.FETCH_TASK);
        List<RetryEvent> events = new ArrayList<>();
        retry.getEventPublisher().onEvent(events::add);
        answer(answers);

        catchThrowable(
                () -> client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, USER).join());

        assertThat(counts(retry)).as(ending).isEqualTo(counts);
        assertThat(events.stream().filter(e -> e.getEventType() == RetryEvent.Type.RETRY))
                .hasSize(retries)
                .hasSize(requests() - 1);
    }

    @Test
    void aRetryConfiguredElsewhereWithTheClientsRulesKeepsItsAttemptsAndWaits() {
        RetryRegistry registry = RetryRegistry.ofDefaults();
        // what Resilience4j's Spring Boot starter makes of resilience4j.retry.instances.oasst-fetch-task
        registry.retry(
                "oasst-fetch-task",
                RetryPolicy.withClientRules(RetryConfig.custom().maxAttempts(4).waitDuration(Duration.ofMillis(70)))
                        .build());
        List<OasstCall> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        OasstClient client = client(builder().retryRegistry(registry).listener(calls::add));
        answer(status(503, "{}"), status(503, "{}"), status(503, "{}"), task());

        client.fetchTask(TaskKind.INITIAL_PROMPT, USER);

        assertThat(requests()).as("its 4 attempts, not the policy's 3").isEqualTo(4);
        assertThat(calls.get(0).duration()).as("its 3 waits of 70 ms").isEqualTo(Duration.ofMillis(210));
        assertThat(counts(client.retry(OasstOperation.FETCH_TASK))).isEqualTo(List.of(0L, 1L, 0L, 0L));
    }

    @Test
    void aRetryConfiguredElsewhereWithTheClientsRulesRetriesOnlyWhatThePolicyAllows() {
        RetryRegistry registry = RetryRegistry.ofDefaults();
        registry.retry(
                "oasst-fetch-task",
                RetryPolicy.withClientRules(RetryConfig.custom().maxAttempts(4)).build());
        OasstClient client = client(builder().retryRegistry(registry));
        answer(status(404, "{\"error_code\":1000,\"message\":\"Invalid request type\"}"), task());

        assertThatThrownBy(() -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER))
                .isInstanceOf(OasstError.class);
        assertThat(requests())
                .as("a definite error is not retried, whatever the instance's own predicate")
                .isEqualTo(1);
    }

    @Test
    void aRetryConfiguredElsewhereWithoutTheClientsRulesIsUsedAsItIs() {
        RetryRegistry registry = RetryRegistry.ofDefaults();
        registry.retry("oasst-fetch-task", RetryConfig.custom().maxAttempts(2).build());
        OasstClient client = client(builder().retryRegistry(registry));
        answer(status(404, "{\"error_code\":1000,\"message\":\"Invalid request type\"}"), task());

        client.fetchTask(TaskKind.INITIAL_PROMPT, USER);

        assertThat(requests())
                .as("Resilience4j's default predicate retries everything")
                .isEqualTo(2);
    }

    @Test
    void observersSeeEachCallAndTheirHeadersGoWithEachAttempt() {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        OasstCallObserver observer = operation -> {
            seen.add("started " + operation);
            return new OasstCallObserver.Observation() {
                @Override
                public java.util.Map<String, String> headers() {
                    return java.util.Map.of(
                            "traceparent",
                            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                            "X-API-Key",
                            "not-this-one");
                }

                @Override
                public void callEnded(OasstCall call) {
                    seen.add("ended " + call.operation() + " " + call.outcome() + " after " + call.attempts());
                }
            };
        };
        OasstClient client = client(builder().observer(observer).listener(call -> seen.add("listener")));
        answer(status(503, "{}"), task(), status(503, "{}"), task());

        client.fetchTask(TaskKind.INITIAL_PROMPT, USER);
        client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, USER).join();

        assertThat(seen)
                .containsExactly(
                        "started FETCH_TASK",
                        "ended FETCH_TASK SUCCEEDED after 2",
                        "listener",
                        "started FETCH_TASK",
                        "ended FETCH_TASK SUCCEEDED after 2",
                        "listener");
        backend.verify(
                4,
                postRequestedFor(urlEqualTo(TASKS))
                        .withHeader("traceparent", equalTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                        .withHeader("X-API-Key", equalTo(TestSupport.API_KEY)));
    }

    @Test
    void anObserverThatFailsLeavesTheCallAlone() {
        OasstClient client = client(builder().observer(operation -> {
            throw new IllegalStateException("observer broken");
        }));
        answer(task());

        assertThat(client.fetchTask(TaskKind.INITIAL_PROMPT, USER)).isNotNull();
    }

    /** The ack's first answer is lost, its repeat answered 2103: the first one took effect. */
    private static void ackLostThenAlreadyUpdated() {
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

    @Test
    void aReconciledRetryCountsAsSuccessAfterRetry() {
        OasstClient client = client(builder());
        ackLostThenAlreadyUpdated();

        client.ackTask(java.util.UUID.fromString("00908626-7a35-4e1c-9582-29613f757c10"), "fe-1");

        assertThat(counts(client.retry(OasstOperation.ACK_TASK))).isEqualTo(List.of(0L, 1L, 0L, 0L));
    }

    @Test
    void listenersAreToldHowEveryCallEnded() {
        List<OasstCall> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        OasstClient client = client(builder().listener(calls::add));
        ackLostThenAlreadyUpdated();
        answer(status(503, "{}"), task(), status(404, "{}"));

        client.fetchTask(TaskKind.INITIAL_PROMPT, USER);
        client.ackTask(java.util.UUID.fromString("00908626-7a35-4e1c-9582-29613f757c10"), "fe-1");
        Throwable failure = catchThrowable(
                () -> client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, USER).join());

        assertThat(calls)
                .extracting(OasstCall::operation, OasstCall::outcome, OasstCall::attempts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(OasstOperation.FETCH_TASK, OasstCall.Outcome.SUCCEEDED, 2),
                        org.assertj.core.groups.Tuple.tuple(OasstOperation.ACK_TASK, OasstCall.Outcome.RECONCILED, 2),
                        org.assertj.core.groups.Tuple.tuple(OasstOperation.FETCH_TASK, OasstCall.Outcome.FAILED, 1));
        assertThat(calls.get(2).failure()).isSameAs(failure.getCause());
        assertThat(calls.get(0).failedAttempts())
                .extracting(OasstException::failureClass)
                .containsExactly(FailureClass.NOT_PROCESSED);
        assertThat(calls.get(1).failedAttempts())
                .as("the lost answer; the 2103 that reconciled is no failure")
                .extracting(OasstException::failureClass)
                .containsExactly(FailureClass.AMBIGUOUS);
        assertThat(calls.get(2).failedAttempts()).containsExactly((OasstException) failure.getCause());
        assertThat(calls.get(0).duration())
                .as("the virtual wait between the attempts")
                .isEqualTo(Duration.ofMillis(200));
    }

    /** Runs the call on a thread of its own, which the test may interrupt; returns what it threw. */
    private static Throwable onInterruptibleThread(boolean interruptFirst, Runnable call, AtomicReference<Boolean> flag)
            throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            if (interruptFirst) {
                Thread.currentThread().interrupt();
            }
            try {
                call.run();
            } catch (Throwable t) {
                thrown.set(t);
            }
            flag.set(Thread.currentThread().isInterrupted());
        });
        thread.start();
        thread.join(10_000);
        return thrown.get();
    }

    @Test
    void anInterruptedThreadIsNotRetriedKeepsItsInterruptAndTheCallIsCounted() throws Exception {
        OasstClient client = client(builder());
        answer(status(503, "{}"), task());
        AtomicReference<Boolean> interrupted = new AtomicReference<>();

        Throwable failure =
                onInterruptibleThread(true, () -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER), interrupted);

        if (!(failure instanceof OasstException)) {
            for (Throwable t = failure; t != null; t = t.getCause()) System.err.println("CAUSE: " + t);
        }
        assertThat(failure).isInstanceOf(OasstException.class);
        assertThat(interrupted.get()).as("the interrupt flag is restored").isTrue();
        assertThat(requests()).isLessThanOrEqualTo(1);
        assertThat(counts(client.retry(OasstOperation.FETCH_TASK))).isEqualTo(List.of(0L, 0L, 1L, 0L));
        assertThat(time.waits()).isEmpty();
    }

    @Test
    void anInterruptDuringTheWaitEndsTheCallCountedWithTheInterruptKept() throws Exception {
        OasstClient client = client(builder());
        answer(status(503, "{}"), task());
        time.interruptNextWait();
        AtomicReference<Boolean> interrupted = new AtomicReference<>();

        Throwable failure =
                onInterruptibleThread(false, () -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER), interrupted);

        assertThat(failure)
                .isInstanceOfSatisfying(
                        OasstError.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(interrupted.get()).isTrue();
        assertThat(requests()).isEqualTo(1);
        assertThat(counts(client.retry(OasstOperation.FETCH_TASK))).isEqualTo(List.of(0L, 0L, 1L, 0L));
    }

    @Test
    void anErrorIsRethrownAsItIsAndCounted() {
        RetryRegistry registry = RetryRegistry.ofDefaults();
        OasstRetries retries = OasstRetries.create(RetryPolicy.defaults(), registry, null);
        StackOverflowError error = new StackOverflowError("deep");

        Throwable thrown = catchThrowable(() -> retries.call(OasstOperation.FETCH_TASK, () -> {
            throw error;
        }));

        assertThat(thrown).isSameAs(error);
        assertThat(counts(registry.retry("oasst-fetch-task"))).isEqualTo(List.of(0L, 0L, 1L, 0L));
    }

    @Test
    void theSameExceptionOnEveryAttemptEndsTheCallWithItsRecord() {
        RetryRegistry registry = RetryRegistry.ofDefaults();
        OasstRetries retries = OasstRetries.create(
                RetryPolicy.builder()
                        .initialBackoff(Duration.ZERO)
                        .maxBackoff(Duration.ZERO)
                        .build(),
                registry,
                null);
        OasstError same = new OasstError(503, null, "busy", "POST", TASKS, "", List.of(), null);

        Throwable thrown = catchThrowable(() -> retries.call(OasstOperation.FETCH_TASK, () -> {
            throw same;
        }));

        assertThat(thrown).isSameAs(same);
        assertThat(same.attempts()).isEqualTo(3);
        assertThat(same.getSuppressed()).isEmpty();
        assertThat(counts(registry.retry("oasst-fetch-task"))).isEqualTo(List.of(0L, 0L, 0L, 1L));
    }

    @Test
    void twoClientsOnOneRegistryShareItsInstancesAndBothAreCounted() {
        RetryRegistry registry = RetryRegistry.ofDefaults();
        OasstClient first = client(builder().retryRegistry(registry));
        OasstClient second = client(builder().retryRegistry(registry));
        answer(status(503, "{}"), task());

        first.fetchTask(TaskKind.INITIAL_PROMPT, USER);
        second.fetchTask(TaskKind.INITIAL_PROMPT, USER);

        assertThat(first.retry(OasstOperation.FETCH_TASK)).isSameAs(second.retry(OasstOperation.FETCH_TASK));
        assertThat(registry.getAllRetries()).hasSize(OasstOperation.values().length);
        assertThat(counts(registry.retry("oasst-fetch-task"))).isEqualTo(List.of(1L, 1L, 0L, 0L));
    }

    @Test
    void aRetryConfiguredInTheRegistryBeforeTheClientKeepsItsSettings() {
        RetryRegistry registry = RetryRegistry.ofDefaults();
        Retry configured = registry.retry(
                "oasst-fetch-task",
                RetryConfig.from(RetryPolicy.defaults().retryConfig())
                        .maxAttempts(7)
                        .build());
        OasstClient client = client(builder().retryRegistry(registry));
        answer(status(503, "{}"));

        catchThrowable(() -> client.fetchTask(TaskKind.INITIAL_PROMPT, USER));

        assertThat(client.retry(OasstOperation.FETCH_TASK)).isSameAs(configured);
        assertThat(configured.getRetryConfig().getMaxAttempts()).isEqualTo(7);
        assertThat(requests()).isEqualTo(7);
        assertThat(counts(configured)).isEqualTo(List.of(0L, 0L, 0L, 1L));
    }

    @Test
    void anAsyncFailureIsTheClientsExceptionNotAWrapper() throws Exception {
        OasstClient client = client(builder());
        answer(status(404, "{\"error_code\":2100,\"message\":\"gone\"}"));
        CompletableFuture<?> future = client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, USER);
        AtomicReference<Throwable> seen = new AtomicReference<>();

        future.handle((value, failure) -> {
                    seen.set(failure);
                    return null;
                })
                .get(10, TimeUnit.SECONDS);

        assertThat(seen.get()).isInstanceOf(OasstError.class);
    }

    @Test
    void aTransportFailureAsyncIsTheClientsExceptionToo() throws Exception {
        OasstClient client = client(builder().retryPolicy(RetryPolicy.disabled()));
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        AtomicReference<Throwable> seen = new AtomicReference<>();

        client.fetchTaskAsync(TaskKind.INITIAL_PROMPT, USER)
                .handle((value, failure) -> {
                    seen.set(failure);
                    return null;
                })
                .get(10, TimeUnit.SECONDS);

        assertThat(seen.get())
                .isInstanceOfSatisfying(
                        OasstTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(OasstTransportException.Kind.CONNECTION_LOST));
    }
}
