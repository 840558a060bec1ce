package io.github.oasst.client;

import static io.github.oasst.client.TestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.retry.OasstCall;
import io.github.oasst.client.retry.OasstCallListener;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every call ends exactly once, whatever ends it: each listener is told once (a plain one, and one
 * that observes the call from its start), its operation's Resilience4j Retry counts it once, and
 * its future completes. A case each: success, failure, failure after retries, reconciliation, the
 * deadline, a cancel or an interrupt during an attempt or a wait, {@code close()} during an attempt
 * or a wait, an {@code Error} in a listener, in the transport, or where a result is mapped.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CallEndsOnceTest extends RetryTestSupport {
    private final List<OasstCall> told = new CopyOnWriteArrayList<>();
    private final List<OasstCall> observed = new CopyOnWriteArrayList<>();
    private final AtomicInteger started = new AtomicInteger();

    private final OasstCallListener observer = new OasstCallListener() {
        @Override
        public void callEnded(OasstCall call) {
            throw new AssertionError("told through its observation");
        }

        @Override
        public Observation callStarted(OasstOperation operation) {
            started.incrementAndGet();
            return observed::add;
        }
    };

    private OasstClientBuilder counted() {
        return builder().listener(told::add).listener(observer);
    }

    /** Starts the call: a blocking one on a thread of its own, whose end the future is. */
    private static CompletableFuture<?> start(Op op, OasstClient client, Mode mode) {
        if (mode == Mode.ASYNC) {
            return op.call(client, mode);
        }
        CompletableFuture<Object> ended = new CompletableFuture<>();
        Thread caller = new Thread(() -> op.call(client, mode).whenComplete((value, failure) -> {
            if (failure != null) {
                ended.completeExceptionally(failure);
            } else {
                ended.complete(value);
            }
        }));
        caller.start();
        return ended;
    }

    /** The failure the call ended with, null when it succeeded; fails if it does not end. */
    private static Throwable end(CompletableFuture<?> call) {
        await(call::isDone);
        try {
            call.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return e;
        }
    }

    /** The call was told once to each listener, counted once by its Retry, as the outcome. */
    private void assertEndedOnce(OasstClient client, OasstOperation operation, OasstCall.Outcome outcome) {
        Retry retry = new Retry(client, operation);
        await(() -> retry.total() > 0); // Resilience4j ends a call ended from outside when its wait or attempt ends
        assertThat(retry.total()).as("Resilience4j's counts").isEqualTo(1);
        assertThat(started).as("calls started").hasValue(1);
        assertThat(observed).singleElement().extracting(OasstCall::outcome).isEqualTo(outcome);
        assertThat(told).singleElement().isSameAs(observed.get(0));
    }

    private record Retry(OasstClient client, OasstOperation operation) {
        long total() {
            return counts(client.retry(operation)).stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aCallThatSucceedsEndsOnce(Mode mode) {
        OasstClient client = client(counted());
        answer(task());

        assertThat(end(start(Op.FETCH, client, mode))).isNull();
        assertEndedOnce(client, OasstOperation.FETCH_TASK, OasstCall.Outcome.SUCCEEDED);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aCallThatFailsEndsOnce(Mode mode) {
        OasstClient client = client(counted());
        answer(status(404, "{\"error_code\":2001,\"message\":\"Message not found.\"}"));

        assertThat(end(start(Op.FETCH, client, mode))).isInstanceOf(OasstError.class);
        assertEndedOnce(client, OasstOperation.FETCH_TASK, OasstCall.Outcome.FAILED);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aCallThatFailsAfterItsRetriesEndsOnce(Mode mode) {
        OasstClient client = client(counted());
        answer(status(503, "{}"));

        assertThat(end(start(Op.FETCH, client, mode))).isInstanceOf(OasstError.class);
        assertEndedOnce(client, OasstOperation.FETCH_TASK, OasstCall.Outcome.FAILED);
        assertThat(told.get(0).attempts()).isEqualTo(3);
        assertThat(requests()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aReconciledCallEndsOnce(Mode mode) {
        OasstClient client = client(counted());
        ackLostThenAlreadyUpdated();

        assertThat(end(start(Op.ACK, client, mode))).isNull();
        assertEndedOnce(client, OasstOperation.ACK_TASK, OasstCall.Outcome.RECONCILED);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aCallStoppedByItsDeadlineEndsOnce(Mode mode) {
        OasstClient client = client(counted()
                .retryPolicy(
                        RetryPolicy.builder().deadline(Duration.ofSeconds(1)).build()));
        answer(status(503, "{}").withHeader("Retry-After", "5"), task());

        assertThat(end(start(Op.FETCH, client, mode))).isInstanceOf(OasstError.class);
        assertEndedOnce(client, OasstOperation.FETCH_TASK, OasstCall.Outcome.FAILED);
        assertThat(requests()).as("the wait would pass the deadline").isEqualTo(1);
    }

    private static ResponseDefinitionBuilder heldAnswer() {
        return task().withFixedDelay(30_000);
    }

    @Test
    void aCallCancelledDuringAnAttemptEndsOnceAtOnce() {
        OasstClient client = client(counted());
        answer(heldAnswer());
        CompletableFuture<?> call = start(Op.FETCH, client, Mode.ASYNC);
        await(() -> requests() == 1);

        call.cancel(true);

        assertThat(end(call)).isInstanceOf(CancellationException.class);
        assertEndedOnce(client, OasstOperation.FETCH_TASK, OasstCall.Outcome.FAILED);
        await(() -> client.ownedHttpClient().dispatcher().runningCallsCount() == 0); // its exchange cancelled
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aCallCancelledDuringAWaitEndsOnceAtOnce() {
        TestSupport.HeldScheduler waits = new TestSupport.HeldScheduler();
        OasstClient client = client(counted().scheduler(waits));
        answer(status(503, "{}"), task());
        CompletableFuture<?> call = start(Op.FETCH, client, Mode.ASYNC);
        await(() -> waits.waiting() == 1);

        call.cancel(true);

        assertThat(end(call)).isInstanceOf(CancellationException.class);
        assertEndedOnce(client, OasstOperation.FETCH_TASK, OasstCall.Outcome.FAILED);
        assertThat(waits.waiting()).as("the wait ended with the call").isZero();
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aCallInterruptedDuringAnAttemptEndsOnceWithoutARetry() throws Exception {
        OasstClient client = client(counted());
        answer(status(503, "{}").withFixedDelay(300), task());
        AtomicInteger interruptedAfter = new AtomicInteger(-1);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            failure.complete(Op.FETCH.outcome(client, Mode.SYNC));
            interruptedAfter.set(Thread.currentThread().isInterrupted() ? 1 : 0);
        });
        caller.start();
        await(() -> requests() == 1);

        caller.interrupt();
        caller.join(10_000);

        assertThat(failure.join())
                .isInstanceOfSatisfying(
                        OasstTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(OasstTransportException.Kind.INTERRUPTED));
        assertThat(interruptedAfter).as("the interrupt is kept").hasValue(1);
        assertEndedOnce(client, OasstOperation.FETCH_TASK, OasstCall.Outcome.FAILED);
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aCallInterruptedDuringAWaitEndsOnceAtOnce() throws Exception {
        TestSupport.HeldScheduler waits = new TestSupport.HeldScheduler();
        OasstClient client = client(counted().scheduler(waits));
        answer(status(503, "{}"), task());
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread caller = new Thread(() -> failure.complete(Op.FETCH.outcome(client, Mode.SYNC)));
        caller.start();
        await(() -> waits.waiting() == 1);

        caller.interrupt();

        await(failure::isDone);
        assertThat(failure.join())
                .isInstanceOfSatisfying(
                        OasstTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(OasstTransportException.Kind.INTERRUPTED));
        assertEndedOnce(client, OasstOperation.FETCH_TASK, OasstCall.Outcome.FAILED);
        assertThat(waits.waiting()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aCallInFlightWhenTheClientClosesEndsOnceAtOnce(Mode mode) {
        OasstClient client = client(counted());
        answer(heldAnswer());
        CompletableFuture<?> call = start(Op.FETCH, client, mode);
        await(() -> requests() == 1);

        client.close();

        assertThat(end(call)).isInstanceOf(IllegalStateException.class).hasMessage("the OASST client is closed");
        assertEndedOnce(client, OasstOperation.FETCH_TASK, OasstCall.Outcome.FAILED);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aCallWaitingWhenTheClientClosesEndsOnceAtOnce(Mode mode) {
        TestSupport.HeldScheduler waits = new TestSupport.HeldScheduler();
        OasstClient client = client(counted().scheduler(waits));
        answer(status(503, "{}"), task());
        CompletableFuture<?> call = start(Op.FETCH, client, mode);
        await(() -> waits.waiting() == 1);

        client.close();

        assertThat(end(call)).isInstanceOf(IllegalStateException.class).hasMessage("the OASST client is closed");
        assertEndedOnce(client, OasstOperation.FETCH_TASK, OasstCall.Outcome.FAILED);
        assertThat(waits.waiting()).isZero();
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aCallWaitingOnTheClientsOwnSchedulerWhenItClosesEndsOnceAtOnce() {
        OasstClient client = client(OasstClient.builder()
                .baseUrl(backend.baseUrl())
                .apiKey(TestSupport.API_KEY)
                .retryPolicy(RetryPolicy.builder()
                        .initialBackoff(Duration.ofMinutes(1))
                        .maxBackoff(Duration.ofMinutes(1))
                        .deadline(Duration.ofMinutes(5))
                        .build())
                .listener(told::add)
                .listener(observer));
        answer(status(503, "{}"), task());
        AtomicInteger retries = new AtomicInteger();
        client.retry(OasstOperation.FETCH_TASK).getEventPublisher().onRetry(event -> retries.incrementAndGet());
        CompletableFuture<?> call = start(Op.FETCH, client, Mode.ASYNC);
        await(() -> retries.get() == 1); // its wait of a minute starts

        client.close();

        assertThat(end(call)).isInstanceOf(IllegalStateException.class);
        assertEndedOnce(client, OasstOperation.FETCH_TASK, OasstCall.Outcome.FAILED);
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void aBlockingCallMadeWhereAnAsynchronousOneEndedEndsToo() {
        io.github.resilience4j.circuitbreaker.CircuitBreaker breaker =
                io.github.resilience4j.circuitbreaker.CircuitBreaker.ofDefaults("oasst");
        OasstClient client = client(OasstClient.builder() // the client's own scheduler, of one thread
                .baseUrl(backend.baseUrl())
                .apiKey(TestSupport.API_KEY)
                .retryPolicy(RetryPolicy.builder()
                        .initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(1))
                        .build())
                .circuitBreaker(breaker)
                .listener(told::add));
        answer(status(503, "{}"), status(503, "{}"), task());
        java.util.concurrent.atomic.AtomicBoolean opened = new java.util.concurrent.atomic.AtomicBoolean();
        client.retry(OasstOperation.FETCH_TASK).getEventPublisher().onRetry(event -> {
            if (opened.compareAndSet(false, true)) {
                breaker.transitionToForcedOpenState(); // the async call's next attempt fails where it starts
            }
        });

        CompletableFuture<Object> chained = client.fetchTaskAsync(
                        io.github.oasst.client.protocol.TaskKind.INITIAL_PROMPT, TestSupport.USER)
                .handle((task, failure) -> {
                    breaker.transitionToClosedState();
                    // blocking, on the thread that ended the async call; its 503 needs a wait
                    return client.fetchTask(io.github.oasst.client.protocol.TaskKind.INITIAL_PROMPT, TestSupport.USER);
                });

        assertThat(end(chained)).isNull();
        assertThat(told)
                .extracting(OasstCall::outcome)
                .containsExactly(OasstCall.Outcome.FAILED, OasstCall.Outcome.SUCCEEDED);
        assertThat(told.get(0).failure())
                .isInstanceOfSatisfying(
                        OasstTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(OasstTransportException.Kind.CIRCUIT_OPEN));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aListenerThatThrowsAnErrorKeepsNoCallFromEndingOnce(Mode mode) {
        OasstClient client = client(builder()
                .listener(call -> {
                    throw new AssertionError("a listener's bug");
                })
                .listener(new OasstCallListener() {
                    @Override
                    public void callEnded(OasstCall call) {}

                    @Override
                    public Observation callStarted(OasstOperation operation) {
                        throw new OutOfMemoryError("a listener's bug at the start");
                    }
                })
                .listener(told::add)
                .listener(observer));
        answer(task());

        assertThat(end(start(Op.FETCH, client, mode))).isNull();
        assertEndedOnce(client, OasstOperation.FETCH_TASK, OasstCall.Outcome.SUCCEEDED);
    }

    @Test
    void anErrorInTheTransportEndsTheCallOnce() {
        OasstClient client = client(counted());
        StackOverflowError error = new StackOverflowError("a transport's bug");
        io.github.oasst.client.api.OasstTasksApi api = feign.Feign.builder()
                .client((request, options) -> {
                    throw error;
                })
                .encoder(OasstFeign.encoder())
                .decoder(OasstFeign.decoder())
                .errorDecoder(OasstFeign.errorDecoder())
                .addCapability(OasstFeign.capability(client))
                .target(io.github.oasst.client.api.OasstTasksApi.class, backend.baseUrl());

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> api.requestTask(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, TestSupport.USER)));

        assertThat(thrown).isSameAs(error);
        assertEndedOnce(client, OasstOperation.FETCH_TASK, OasstCall.Outcome.FAILED);
    }

    @Test
    void anErrorWhereAResultIsMappedCompletesTheFuture() {
        AssertionError error = new AssertionError("a mapping's bug");

        CompletableFuture<Object> mapped = Futures.map(CompletableFuture.completedFuture("task"), value -> {
            throw error;
        });
        CompletableFuture<Object> composed = Futures.compose(CompletableFuture.completedFuture("task"), value -> {
            throw error;
        });

        assertThat(end(mapped)).isSameAs(error);
        assertThat(end(composed)).isSameAs(error);
    }
}
