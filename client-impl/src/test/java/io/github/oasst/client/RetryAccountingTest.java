package io.github.oasst.client;

import static io.github.oasst.client.TestSupport.USER;
import static io.github.oasst.client.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.retry.OasstCall;
import io.github.oasst.client.retry.OasstOperation;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.event.RetryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Resilience4j counts every call once, in the right count, and announces only the retries that
 * happen: read from each operation's {@code Retry.Metrics} and event stream, for every way a call
 * can end, a reconciled one, an interrupted one and an {@code Error} included. Waits run on virtual
 * time.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RetryAccountingTest extends RetryTestSupport {
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
        assertThat(events.get(0).getLastThrowable())
                .as("each attempt's failure, as the call decided on it")
                .hasCauseInstanceOf(OasstError.class)
                .hasToString(events.get(0).getLastThrowable().getCause().toString());
        assertThat(client.retry(OasstOperation.FETCH_TASK).getName()).isEqualTo("oasst-fetch-task");
        assertThat(client.retry(OasstOperation.FETCH_TASK).getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt())
                .isEqualTo(1);
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
    void aReconciledRetryCountsAsSuccessAfterRetry() {
        OasstClient client = client(builder());
        ackLostThenAlreadyUpdated();

        client.ackTask(java.util.UUID.fromString("00908626-7a35-4e1c-9582-29613f757c10"), "fe-1");

        assertThat(counts(client.retry(OasstOperation.ACK_TASK))).isEqualTo(List.of(0L, 1L, 0L, 0L));
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

        assertThat(failure).isInstanceOf(OasstException.class);
        assertThat(interrupted.get()).as("the interrupt flag is restored").isTrue();
        assertThat(requests()).isLessThanOrEqualTo(1);
        assertThat(counts(client.retry(OasstOperation.FETCH_TASK))).isEqualTo(List.of(0L, 0L, 1L, 0L));
        assertThat(time.waits()).isEmpty();
    }

    @Test
    void anInterruptDuringTheWaitEndsTheCallAtOnceCountedWithTheInterruptKept() throws Exception {
        TestSupport.HeldScheduler waits = new TestSupport.HeldScheduler();
        List<OasstCall> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        OasstClient client = client(builder().scheduler(waits).listener(calls::add));
        answer(status(503, "{}"), task());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> interrupted = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                client.fetchTask(TaskKind.INITIAL_PROMPT, USER);
            } catch (Throwable e) {
                failure.set(e);
            }
            interrupted.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        TestSupport.await(() -> waits.waiting() == 1);

        caller.interrupt();
        caller.join(10_000);

        assertThat(failure.get()).isInstanceOfSatisfying(OasstTransportException.class, e -> {
            assertThat(e.kind()).isEqualTo(OasstTransportException.Kind.INTERRUPTED);
            assertThat(e.earlierAttempts()).singleElement().isInstanceOf(OasstError.class);
        });
        assertThat(interrupted.get()).as("the interrupt flag is kept").isTrue();
        assertThat(requests()).isEqualTo(1);
        assertThat(counts(client.retry(OasstOperation.FETCH_TASK))).isEqualTo(List.of(0L, 0L, 1L, 0L));
        assertThat(calls).singleElement().extracting(OasstCall::outcome).isEqualTo(OasstCall.Outcome.FAILED);
    }

    /** A Feign client of the tasks API, sending through {@code transport}, under the client's retries. */
    private static io.github.oasst.client.api.OasstTasksApi throughTransport(
            OasstClient client, feign.Client transport) {
        return feign.Feign.builder()
                .client(transport)
                .encoder(OasstFeign.encoder())
                .decoder(OasstFeign.decoder())
                .errorDecoder(OasstFeign.errorDecoder())
                .addCapability(OasstFeign.capability(client))
                .target(io.github.oasst.client.api.OasstTasksApi.class, backend.baseUrl());
    }

    @Test
    void anErrorIsRethrownAsItIsAndCounted() {
        OasstClient client = client(builder());
        StackOverflowError error = new StackOverflowError("deep");
        io.github.oasst.client.api.OasstTasksApi api = throughTransport(client, (request, options) -> {
            throw error;
        });

        Throwable thrown = catchThrowable(() -> api.requestTask(io.github.oasst.client.protocol.TaskRequest.of(
                io.github.oasst.client.protocol.TaskRequestType.INITIAL_PROMPT, USER)));

        assertThat(thrown).isSameAs(error);
        assertThat(counts(client.retry(OasstOperation.FETCH_TASK))).isEqualTo(List.of(0L, 0L, 1L, 0L));
    }

    @Test
    void theSameExceptionOnEveryAttemptEndsTheCallWithItsRecord() {
        OasstClient client = client(builder());
        OasstError same = new OasstError(503, null, "busy", "POST", TASKS, "", List.of(), null);
        io.github.oasst.client.api.OasstTasksApi api = throughTransport(client, (request, options) -> {
            throw same;
        });

        Throwable thrown = catchThrowable(() -> api.requestTask(io.github.oasst.client.protocol.TaskRequest.of(
                io.github.oasst.client.protocol.TaskRequestType.INITIAL_PROMPT, USER)));

        assertThat(thrown).isSameAs(same);
        assertThat(same.attempts()).isEqualTo(3);
        assertThat(same.getSuppressed()).isEmpty();
        assertThat(counts(client.retry(OasstOperation.FETCH_TASK))).isEqualTo(List.of(0L, 0L, 0L, 1L));
    }
}
