package io.github.oasst.client;

import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.internal.retry.Retrier;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.RetryConfig;
import java.util.Objects;

/**
 * The client's rules as Resilience4j configuration, for Retry and CircuitBreaker instances made
 * elsewhere (a registry you give the client, Resilience4j's Spring Boot starter): the one place where
 * the client's types meet Resilience4j's.
 */
public final class OasstResilience4j {
    private OasstResilience4j() {}

    /**
     * The policy as the configuration of a Retry: its attempts, and the client's decisions of which
     * failure is retried after what wait (its classification, waits and deadline). The client
     * configures the Retry instances it creates with it; give it to instances you create yourself
     * in a registry the client then uses, so that they keep the policy's rules.
     */
    public static RetryConfig retryConfig(RetryPolicy policy) {
        return Retrier.config(
                Objects.requireNonNull(policy, "policy must not be null").maxAttempts());
    }

    /**
     * Puts the client's rules into a retry configuration made elsewhere (for example from {@code
     * resilience4j.retry.instances.oasst-*}), keeping its attempts and its waits: which failure of
     * which call is retried is decided by the policy of the client whose calls the Retry runs (so an
     * interaction whose answer was lost is never sent again unless that policy says so), with
     * reconciliation, a server's {@code Retry-After} in place of the wait, and the policy's deadline.
     * Without them, a configuration's own predicate decides, which by default retries every failure.
     */
    public static <T> RetryConfig.Builder<T> withClientRules(RetryConfig.Builder<T> builder) {
        return Retrier.withClientRules(Objects.requireNonNull(builder, "builder must not be null"));
    }

    /**
     * Whether a failure of an attempt counts against the backend in a circuit breaker: the client's
     * failures that were not processed or whose answer was lost (connection failures, timeouts, 5xx).
     * The backend's definite answers (a 4xx, an OASST error code) and a rate limit (429) show it
     * working; Resilience4j's default would count them all, and open on a frontend's own mistakes.
     */
    public static boolean countsAgainstTheBackend(Throwable failure) {
        if (!(failure instanceof OasstException oasst) || oasst.failureClass() == FailureClass.DEFINITE) {
            return false;
        }
        return !(oasst instanceof OasstError error
                && (error.status() == 429 || error.hasErrorCode(OasstErrorCode.TOO_MANY_REQUESTS)));
    }

    /** Puts the client's rule of what counts ({@link #countsAgainstTheBackend}) into a configuration. */
    public static CircuitBreakerConfig.Builder withClientRules(CircuitBreakerConfig.Builder builder) {
        return Objects.requireNonNull(builder, "builder must not be null")
                .recordException(OasstResilience4j::countsAgainstTheBackend);
    }

    /** A circuit breaker with Resilience4j's default settings and the client's rule of what counts. */
    public static CircuitBreaker circuitBreaker(String name) {
        return CircuitBreaker.of(
                Objects.requireNonNull(name, "name must not be null"),
                withClientRules(CircuitBreakerConfig.custom()).build());
    }
}
