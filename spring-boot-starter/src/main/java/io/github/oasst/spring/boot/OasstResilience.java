package io.github.oasst.spring.boot;

import io.github.oasst.client.retry.OasstOperation;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the auto-configured client's Retry instances and circuit breaker live: the application's
 * registries when it has them, else a registry of the client's own (not a bean, so that it never
 * competes with Resilience4j's starter); and which settings each operation's retries follow.
 *
 * @param retryRegistry the registry of the {@code oasst-*} Retry instances
 * @param applications whether that registry is the application's bean
 * @param circuitBreaker the {@code oasst} circuit breaker of the application's registry, or null
 * @param retrySources per operation, where its attempts and waits come from: {@code oasst.retry},
 *     {@code resilience4j.retry.instances.oasst-…} or {@code oasst.retry.enabled=false}
 */
public record OasstResilience(
        RetryRegistry retryRegistry,
        boolean applications,
        @Nullable CircuitBreaker circuitBreaker,
        Map<OasstOperation, String> retrySources) {
    public OasstResilience {
        Objects.requireNonNull(retryRegistry, "retryRegistry");
        retrySources = Map.copyOf(Objects.requireNonNull(retrySources, "retrySources"));
    }
}
