package io.github.oasst.spring.boot;

import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstDecodeException;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstTransportException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The OASST backend's health as the client has seen it, without sending a request: DOWN while the
 * circuit breaker is open, or when the last call failed because the backend could not be reached or
 * did not answer (not processed, or an answer lost) and none went through since; UNKNOWN before the
 * first call; else UP. A definite answer (a 4xx, an OASST error code) is the backend working. The
 * details give the last success and the last failure (class, status, code, age) and the circuit
 * breaker's state.
 */
public class OasstHealthIndicator implements HealthIndicator {
    private final OasstClientHealth calls;
    private final @Nullable CircuitBreaker circuitBreaker;

    public OasstHealthIndicator(OasstClientHealth calls, @Nullable CircuitBreaker circuitBreaker) {
        this.calls = calls;
        this.circuitBreaker = circuitBreaker;
    }

    @Override
    public Health health() {
        OasstClientHealth.Ended success = calls.lastSuccess();
        OasstClientHealth.Ended failure = calls.lastFailure();
        Health.Builder health;
        boolean failedLast = failure != null
                && (success == null || failure.at().isAfter(success.at()))
                && unreachable(failure.call().failure());
        if (circuitBreaker != null
                && (circuitBreaker.getState() == CircuitBreaker.State.OPEN
                        || circuitBreaker.getState() == CircuitBreaker.State.FORCED_OPEN)) {
            health = Health.down();
        } else if (failedLast) {
            health = Health.down();
        } else if (success == null && failure == null) {
            health = Health.unknown().withDetail("calls", "none yet");
        } else {
            health = Health.up();
        }
        if (success != null) {
            health.withDetail(
                    "lastSuccess",
                    Map.of(
                            "operation", success.call().operation().name(),
                            "at", success.at().toString(),
                            "age", age(success)));
        }
        if (failure != null) {
            health.withDetail("lastFailure", failureDetails(failure));
        }
        if (circuitBreaker != null) {
            health.withDetail("circuitBreaker", circuitBreaker.getState().name());
        }
        return health.build();
    }

    /** Whether a failure says the backend could not be reached or did not answer. */
    private static boolean unreachable(@Nullable Throwable failure) {
        return failure instanceof OasstException oasst && oasst.failureClass() != FailureClass.DEFINITE;
    }

    private Map<String, Object> failureDetails(OasstClientHealth.Ended failure) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("operation", failure.call().operation().name());
        Throwable exception = failure.call().failure();
        if (exception != null) {
            details.put("exception", exception.getClass().getSimpleName());
        }
        if (exception instanceof OasstException oasst) {
            details.put("class", oasst.failureClass().name());
        }
        if (exception instanceof OasstError error) {
            details.put("status", error.status());
            error.knownErrorCode().ifPresent(code -> details.put("code", code.name()));
        } else if (exception instanceof OasstDecodeException decode) {
            details.put("status", decode.status());
        } else if (exception instanceof OasstTransportException transport) {
            details.put("kind", transport.kind().name());
        }
        details.put("at", failure.at().toString());
        details.put("age", age(failure));
        return details;
    }

    private String age(OasstClientHealth.Ended ended) {
        Duration age = Duration.between(ended.at(), calls.clock().instant());
        return (age.isNegative() ? Duration.ZERO : age).toString();
    }
}
