package io.github.oasst.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The health indicator: the newest of the probe's and the calls' outcomes, the probe at most once per interval. */
class OasstHealthIndicatorTest {
    private static final Duration INTERVAL = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock();
    private final OasstClientHealth calls = new OasstClientHealth(clock);
    private final CircuitBreaker breaker = OasstResilience4j.circuitBreaker("oasst");
    private final AtomicReference<@Nullable RuntimeException> probeFails = new AtomicReference<>();
    private final AtomicInteger probes = new AtomicInteger();
    private final OasstHealthProbe probe = new OasstHealthProbe(
            () -> {
                probes.incrementAndGet();
                RuntimeException failure = probeFails.get();
                if (failure != null) {
                    throw failure;
                }
            },
            () -> {},
            INTERVAL,
            clock);
    private final OasstHealthIndicator indicator = new OasstHealthIndicator(calls, breaker, probe);

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
                "GET",
                "/api/v1/messages/",
                new IOException("Connection refused"));
    }

    private static OasstError status(int status, int code, String message) {
        return new OasstError(status, code, message, "GET", "/api/v1/messages/", "", List.of(), null);
    }

    @Test
    void theFirstLookProbesAndAnAnswerIsUp() {
        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(probes).hasValue(1);
        assertThat(health.getDetails().get("probe"))
                .asInstanceOf(MAP)
                .containsEntry("request", "GET /api/v1/messages/?max_count=1")
                .containsEntry("outcome", "answered")
                .containsEntry("age", "PT0S");
        assertThat(health.getDetails()).containsEntry("circuitBreaker", "CLOSED");
    }

    @Test
    void aResultStandsForTheIntervalThenTheNextLookProbesAgain() {
        indicator.health();
        clock.advance(INTERVAL.minusSeconds(1));
        indicator.health();
        assertThat(probes).as("within the interval").hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        indicator.health();
        assertThat(probes).as("once the interval passed").hasValue(2);
    }

    @Test
    void aRejectedKeyIsDownWithCredentialsRejected() {
        probeFails.set(status(403, 2, "Could not validate credentials"));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason", "credentials rejected");
        assertThat(health.getDetails().get("probe"))
                .asInstanceOf(MAP)
                .containsEntry("outcome", "credentials rejected")
                .containsEntry("status", 403);
    }

    @Test
    void aBackendThatRecoversIsUpWithinOneIntervalWithoutAnyCall() {
        probeFails.set(refused());
        Health down = indicator.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("reason", "backend unreachable");
        assertThat(down.getDetails().get("probe")).asInstanceOf(MAP).containsEntry("kind", "CONNECT_FAILED");

        probeFails.set(null);
        clock.advance(INTERVAL);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aServerErrorOfTheProbeIsDown() {
        probeFails.set(status(500, 0, "INTERNAL_SERVER_ERROR"));

        assertThat(indicator.health().getDetails()).containsEntry("reason", "backend answering with server errors");
    }

    @Test
    void aFailedCallAfterTheProbeMakesItDownUntilTheNextProbe() {
        indicator.health();
        clock.advance(Duration.ofSeconds(1));
        calls.callEnded(failed(refused()));

        Health down = indicator.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("lastFailure"))
                .asInstanceOf(MAP)
                .containsEntry("class", "NOT_PROCESSED")
                .containsEntry("kind", "CONNECT_FAILED")
                .containsEntry("exception", "OasstTransportException");

        clock.advance(INTERVAL);
        assertThat(indicator.health().getStatus())
                .as("the probe, newer than the failed call, found the backend answering")
                .isEqualTo(Status.UP);
    }

    @Test
    void aCallThatWentThroughAfterAFailedProbeMakesItUp() {
        probeFails.set(refused());
        indicator.health();
        clock.advance(Duration.ofSeconds(1));
        calls.callEnded(succeeded());

        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails().get("lastSuccess"))
                .asInstanceOf(MAP)
                .containsEntry("operation", "FETCH_TASK")
                .containsEntry("age", "PT0S");
    }

    @Test
    void aDefiniteAnswerToACallIsTheBackendWorking() {
        probeFails.set(refused());
        indicator.health();
        clock.advance(Duration.ofSeconds(1));
        calls.callEnded(failed(status(404, 2100, "Task not found")));

        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails().get("lastFailure"))
                .asInstanceOf(MAP)
                .containsEntry("status", 404)
                .containsEntry("code", "TASK_NOT_FOUND");
    }

    @Test
    void aForbiddenCallOrAnOpenBreakerSaysNothingOfTheBackend() {
        indicator.health();
        clock.advance(Duration.ofSeconds(1));
        calls.callEnded(failed(status(403, 2, "Forbidden"))); // an untrusted key on a trusted-only operation
        calls.callEnded(failed(new OasstTransportException(
                OasstTransportException.Kind.CIRCUIT_OPEN, "GET", "/api/v1/stats/", new IOException("open"))));
        breaker.transitionToOpenState();

        Health health = indicator.health();
        assertThat(health.getStatus()).as("the probe's answer stands").isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("circuitBreaker", "OPEN");
    }

    @Test
    void withoutAProbeOrCallsItIsUnknown() {
        OasstHealthIndicator callsOnly = new OasstHealthIndicator(calls, null, null);

        Health health = callsOnly.health();
        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails()).doesNotContainKeys("probe", "circuitBreaker");
    }

    @Test
    void aProbeIntervalThatIsNotPositiveStopsTheStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new OasstHealthProbe(() -> {}, () -> {}, Duration.ZERO, clock))
                .isInstanceOf(OasstConfigurationException.class)
                .hasMessage("oasst.health.interval must be positive, got PT0S");
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-01T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
