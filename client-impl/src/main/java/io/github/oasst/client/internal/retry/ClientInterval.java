package io.github.oasst.client.internal.retry;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import org.jspecify.annotations.Nullable;

/**
 * Resilience4j's interval for the client's Retry instances: the wait the failed call decided on
 * (see {@link CallState}). A call decides with the policy's backoff, or, when the instance was
 * configured elsewhere (Resilience4j's Spring Boot properties) and given the client's rules, with
 * that configuration's own waits; a server's {@code Retry-After} wins over both.
 */
final class ClientInterval implements IntervalBiFunction<Object> {
    /** The policy's waits. */
    static final ClientInterval POLICY = new ClientInterval(null);

    private final @Nullable IntervalBiFunction<Object> configured;

    private ClientInterval(@Nullable IntervalBiFunction<Object> configured) {
        this.configured = configured;
    }

    /** The waits of a configuration made elsewhere, under the client's rules. */
    static ClientInterval configured(IntervalBiFunction<Object> waits) {
        return waits instanceof ClientInterval client ? client : new ClientInterval(waits);
    }

    /** The configured waits, null when the policy's apply. */
    @Nullable
    IntervalBiFunction<Object> configuredWaits() {
        return configured;
    }

    @Override
    public Long apply(Integer attempts, Either<Throwable, Object> outcome) {
        CallState call = outcome.isLeft() ? CallState.of(outcome.getLeft()) : null;
        return call == null ? 0L : call.plannedWaitMillis();
    }
}
