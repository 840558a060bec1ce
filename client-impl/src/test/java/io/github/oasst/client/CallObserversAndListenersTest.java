package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.oasst.client.TestSupport.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.protocol.TaskKind;
import io.github.oasst.client.retry.OasstCall;
import io.github.oasst.client.retry.OasstCallListener;
import io.github.oasst.client.retry.OasstOperation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Listeners of the calls: one that observes each call from its start sees it end and its headers go
 * with every attempt, one that fails leaves the call alone; listeners are told how every call ended,
 * after how many attempts and why each failed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CallObserversAndListenersTest extends RetryTestSupport {
    @Test
    void observersSeeEachCallAndTheirHeadersGoWithEachAttempt() {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        OasstCallListener observer = new OasstCallListener() {
            @Override
            public void callEnded(OasstCall call) {
                throw new AssertionError("told through its observation");
            }

            @Override
            public Observation callStarted(OasstOperation operation) {
                seen.add("started " + operation);
                return new Observation() {
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
            }
        };
        OasstClient client = client(builder().listener(observer).listener(call -> seen.add("listener")));
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
    void aListenerThatFailsLeavesTheCallAlone() {
        OasstClient client = client(builder().listener(new OasstCallListener() {
            @Override
            public void callEnded(OasstCall call) {
                throw new IllegalStateException("listener broken");
            }

            @Override
            public Observation callStarted(OasstOperation operation) {
                throw new IllegalStateException("listener broken");
            }
        }));
        answer(task());

        assertThat(client.fetchTask(TaskKind.INITIAL_PROMPT, USER)).isNotNull();
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
}
