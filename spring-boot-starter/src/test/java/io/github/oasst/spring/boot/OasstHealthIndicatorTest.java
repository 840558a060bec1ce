package io.github.oasst.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.OasstResilience4j;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.retry.OasstCall;
import io.github.oasst.client.retry.OasstOperation;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The health indicator reports from the client's calls, never sending a request. */
class OasstHealthIndicatorTest {
    private final MutableClock clock = new MutableClock();
    private final OasstClientHealth calls = new OasstClientHealth(clock);
    private final CircuitBreaker breaker = OasstResilience4j.circuitBreaker("oasst");
    private final OasstHealthIndicator indicator = new OasstHealthIndicator(calls, breaker);

    private static OasstCall succeeded() {
        return new OasstCall(
                OasstOperation.FETCH_TASK, OasstCall.Outcome.SUCCEEDED, 1, Duration.ofMillis(5), null, List.of());
    }

    private static OasstCall failed(OasstException failure) {
        return new OasstCall(
                OasstOperation.ACK_TASK, OasstCall.Outcome.FAILED, 3, Duration.ofMillis(5), failure, List.of(failure));
    }

    private static OasstTransportException refused() {
        return new OasstTransportException(
                OasstTransportException.Kind.CONNECT_FAILED,
                "POST",
                "/api/v1/tasks/",
                new IOException("Connection refused"));
    }

    @Test
    void beforeAnyCallItIsUnknown() {
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aCallThatWentThroughMakesItUpWithItsAge() {
        calls.callEnded(succeeded());
        clock.advance(Duration.ofSeconds(42));

        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails().get("lastSuccess"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("operation", "FETCH_TASK")
                .containsEntry("age", "PT42S");
        assertThat(health.getDetails()).containsEntry("circuitBreaker", "CLOSED");
    }

    @Test
    void anUnreachableBackendAfterTheLastSuccessMakesItDownUntilACallGoesThrough() {
        calls.callEnded(succeeded());
        clock.advance(Duration.ofSeconds(1));
        calls.callEnded(failed(refused()));

        Health down = indicator.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("lastFailure"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("class", "NOT_PROCESSED")
                .containsEntry("kind", "CONNECT_FAILED")
                .containsEntry("exception", "OasstTransportException");

        clock.advance(Duration.ofSeconds(1));
        calls.callEnded(succeeded());
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aDefiniteAnswerIsTheBackendWorking() {
        calls.callEnded(failed(
                new OasstError(404, 2100, "Task not found", "POST", "/api/v1/tasks/x/ack", "", List.of(), null)));

        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails().get("lastFailure"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("status", 404)
                .containsEntry("code", "TASK_NOT_FOUND");
    }

    @Test
    void anOpenCircuitBreakerMakesItDown() {
        calls.callEnded(succeeded());
        breaker.transitionToOpenState();

        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("circuitBreaker", "OPEN");
    }

    @Test
    void withoutACircuitBreakerItSaysNothingOfOne() {
        calls.callEnded(succeeded());

        assertThat(new OasstHealthIndicator(calls, null).health().getDetails()).doesNotContainKey("circuitBreaker");
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
