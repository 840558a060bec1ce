package io.github.oasst.client;

import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.Objects;

/**
 * A Resilience4j circuit breaker for the client ({@link OasstClientBuilder#circuitBreaker}) counts
 * what says the backend is in trouble: the client's failures that were not processed or whose
 * answer was lost (connection failures, timeouts, 5xx). The backend's definite answers (a 4xx, an
 * OASST error code) and a rate limit (429) show it working, and do not count; Resilience4j's default
 * would count them all, and open on a frontend's own mistakes.
 */
public final class OasstCircuitBreaker {
    private OasstCircuitBreaker() {}

    /** Whether a failure of an attempt counts against the backend. */
    public static boolean countsAgainstTheBackend(Throwable failure) {
        if (!(failure instanceof OasstException oasst) || oasst.failureClass() == FailureClass.DEFINITE) {
            return false;
        }
        return !(oasst instanceof OasstError error
                && (error.status() == 429 || error.hasErrorCode(OasstErrorCode.TOO_MANY_REQUESTS)));
    }

    /** Puts the client's rule of what counts into a configuration, keeping the rest of it. */
    public static CircuitBreakerConfig.Builder withClientRules(CircuitBreakerConfig.Builder builder) {
        return Objects.requireNonNull(builder, "builder must not be null")
                .recordException(OasstCircuitBreaker::countsAgainstTheBackend);
    }

    /** A circuit breaker with Resilience4j's default settings and the client's rule of what counts. */
    public static CircuitBreaker ofDefaults(String name) {
        return CircuitBreaker.of(
                name, withClientRules(CircuitBreakerConfig.custom()).build());
    }
}
