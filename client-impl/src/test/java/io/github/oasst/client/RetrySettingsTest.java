package io.github.oasst.client;

import static io.github.oasst.client.TestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.retry.RetryCondition;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the client's retry settings change: a disabled policy sends once, a policy retries only its
 * operations and what its condition allows, and a circuit breaker sees each attempt and stops calls
 * when open.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RetrySettingsTest extends RetryTestSupport {
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
        assertThat(failure).isInstanceOfSatisfying(OasstTransportException.class, open -> {
            assertThat(open.kind()).isEqualTo(OasstTransportException.Kind.CIRCUIT_OPEN);
            assertThat(open.mayHaveReachedServer()).isFalse();
            assertThat(open).hasCauseInstanceOf(CallNotPermittedException.class);
        });
        assertThat(requests(Op.FETCH)).isEqualTo(2);
    }
}
