package io.github.oasst.client.internal.retry;

import io.github.oasst.client.InteractionKind;
import io.github.oasst.client.OasstOperation;
import io.github.oasst.client.RetryPolicy;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.internal.http.CallHeaders;
import io.github.oasst.client.internal.http.InFlight;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a call's attempts under Resilience4j: the operation's {@link Retry} decorates them ({@code
 * decorateCheckedSupplier} when blocking, {@code executeCompletionStage} on a scheduler when
 * asynchronous) and, when there is one, a {@link CircuitBreaker} decorates each attempt. What
 * Resilience4j does not do is {@link CallState}'s: the deadline, reconciliation and the record of
 * every attempt's failure.
 *
 * <p>Each operation's Retry comes from the registry: an instance already there is used as it is
 * configured (its settings win); a missing one is created from the policy. Nothing is removed, so
 * clients sharing a registry share its instances.
 */
public final class Retrier {
    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final RetryPolicy policy;
    private final Map<OasstOperation, Retry> retries = new EnumMap<>(OasstOperation.class);
    private final @Nullable CircuitBreaker breaker;
    private final LongSupplier nanoClock;
    private final ScheduledExecutorService scheduler;
    private final Lifecycle lifecycle;
    private final CallEvents events;
    private final Supplier<@Nullable OasstServerVersion> serverVersion;

    /**
     * @param nanoClock the clock of the deadline ({@code System::nanoTime})
     * @param scheduler where asynchronous calls wait between attempts
     * @param events told of every call's start and end
     * @param serverVersion the backend's version when known, else null: read when a call starts
     */
    public Retrier(
            RetryPolicy policy,
            RetryRegistry registry,
            @Nullable CircuitBreaker breaker,
            LongSupplier nanoClock,
            ScheduledExecutorService scheduler,
            Lifecycle lifecycle,
            CallEvents events,
            Supplier<@Nullable OasstServerVersion> serverVersion) {
        this.events = events;
        this.serverVersion = serverVersion;
        this.policy = policy;
        this.breaker = breaker;
        this.nanoClock = nanoClock;
        this.scheduler = scheduler;
        this.lifecycle = lifecycle;
        RetryConfig config = config(policy);
        for (OasstOperation operation : OasstOperation.values()) {
            String name = retryName(operation);
            boolean existed = registry.find(name).isPresent();
            Retry retry = registry.retry(name, config);
            if (existed && !followsTheClientsRules(retry)) {
                LOG.info(
                        "Retry {} was configured before this client: its settings apply, not the client's retry policy"
                                + " (give it RetryPolicy.retryConfig(), or RetryPolicy.withClientRules(builder), to keep the"
                                + " client's classification of failures)",
                        name);
            }
            retries.put(operation, retry);
        }
    }

    /** The Resilience4j configuration of the policy: its attempts, classification, waits and deadline. */
    public static RetryConfig config(RetryPolicy policy) {
        return RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnException(CallState.PREDICATE)
                .intervalBiFunction(ClientInterval.POLICY)
                .build();
    }

    /**
     * Puts the client's rules into a configuration made elsewhere, keeping its attempts and its
     * waits: see {@link RetryPolicy#withClientRules}.
     */
    public static <T> RetryConfig.Builder<T> withClientRules(RetryConfig.Builder<T> builder) {
        @SuppressWarnings("unchecked")
        io.github.resilience4j.core.IntervalBiFunction<Object> waits =
                (io.github.resilience4j.core.IntervalBiFunction<Object>)
                        (io.github.resilience4j.core.IntervalBiFunction<?>)
                                builder.build().getIntervalBiFunction();
        @SuppressWarnings("unchecked")
        io.github.resilience4j.core.IntervalBiFunction<T> interval = (io.github.resilience4j.core.IntervalBiFunction<T>)
                (io.github.resilience4j.core.IntervalBiFunction<?>) ClientInterval.configured(waits);
        return builder.retryOnException(CallState.PREDICATE).intervalBiFunction(interval);
    }

    /** Whether the Retry decides by the client's rules: its configuration is a policy's or has them. */
    private static boolean followsTheClientsRules(Retry retry) {
        return retry.getRetryConfig().getIntervalBiFunction() instanceof ClientInterval;
    }

    /** The registry name of an operation's Retry, for example {@code oasst-fetch-task}. */
    public static String retryName(OasstOperation operation) {
        return "oasst-" + operation.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Retry retry(OasstOperation operation) {
        return retries.get(operation);
    }

    public RetryPolicy policy() {
        return policy;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /**
     * Runs the call's attempts on the calling thread, waiting between them there.
     *
     * @param kind the interaction's kind, for {@link OasstOperation#POST_INTERACTION}; else null
     */
    public <T> T call(OasstOperation operation, @Nullable InteractionKind kind, CheckedSupplier<T> attempt)
            throws Throwable {
        lifecycle.ensureOpen();
        Retry retry = retries.get(operation);
        CallState call = new CallState(operation, kind, serverVersion.get(), policy, retry, nanoClock);
        CallEvents.Started observed = events.started(operation);
        Map<String, String> headers = observed.headers();
        CheckedSupplier<T> guarded =
                breaker == null ? attempt : CircuitBreaker.decorateCheckedSupplier(breaker, attempt);
        CheckedSupplier<@Nullable T> once = () -> {
            lifecycle.ensureOpen();
            call.attemptStarts();
            try {
                return CallHeaders.with(headers, guarded::get);
            } catch (Throwable thrown) {
                Exception failure = call.failed(thrown);
                if (failure == null) {
                    return null; // reconciled
                }
                throw failure;
            }
        };
        try {
            T value = Retry.decorateCheckedSupplier(retry, once).get();
            observed.ended(call.ended(null));
            return value;
        } catch (Throwable thrown) {
            if (call.waitInterrupted() && followsTheClientsRules(retry)) {
                countInterruptedWait(retry);
            }
            Throwable failure = call.finalFailure(thrown);
            observed.ended(call.ended(failure));
            throw failure;
        } finally {
            call.end();
        }
    }

    /**
     * Resilience4j ends a call whose wait between attempts is interrupted without counting it; the
     * client counts it as what it is, a failure not retried.
     */
    private static void countInterruptedWait(Retry retry) {
        try {
            retry.context().onError(new InterruptedWait());
        } catch (Exception expected) {
            // the context rethrows what it does not retry
        }
    }

    /**
     * Runs the call's attempts asynchronously: each attempt starts an asynchronous exchange, the
     * waits between them are scheduled. The future fails with the client's exception itself;
     * cancelling it cancels the exchange in flight and every later attempt.
     */
    public <T> CompletableFuture<T> callAsync(
            OasstOperation operation, @Nullable InteractionKind kind, Supplier<CompletionStage<T>> attempt) {
        lifecycle.ensureOpen();
        Retry retry = retries.get(operation);
        CallState call = new CallState(operation, kind, serverVersion.get(), policy, retry, nanoClock);
        CallEvents.Started observed = events.started(operation);
        Map<String, String> headers = observed.headers();
        CompletableFuture<T> result = new CompletableFuture<>();
        InFlight inFlight = new InFlight();
        Supplier<CompletionStage<T>> guarded =
                breaker == null ? attempt : () -> breaker.executeCompletionStage(attempt);
        Supplier<CompletionStage<@Nullable T>> once = () -> {
            CompletableFuture<@Nullable T> outcome = new CompletableFuture<>();
            if (result.isDone()) {
                outcome.completeExceptionally(new java.util.concurrent.CancellationException("the call was cancelled"));
                return outcome;
            }
            CompletionStage<T> started;
            try {
                lifecycle.ensureOpen();
                call.attemptStarts();
                started = CallHeaders.with(headers, () -> inFlight.open(guarded));
            } catch (Throwable thrown) {
                started = CompletableFuture.failedFuture(thrown);
            }
            started.whenComplete((value, thrown) -> {
                if (thrown == null) {
                    outcome.complete(value);
                    return;
                }
                Exception failure = call.failed(thrown);
                if (failure == null) {
                    outcome.complete(null); // reconciled
                } else {
                    outcome.completeExceptionally(failure);
                }
            });
            return outcome;
        };
        result.whenComplete((value, thrown) -> {
            if (result.isCancelled()) {
                call.cancel();
                inFlight.cancel();
            }
        });
        lifecycle.track(result);
        retry.executeCompletionStage(scheduler, once).whenComplete((value, thrown) -> {
            call.end();
            if (thrown == null) {
                observed.ended(call.ended(null));
                result.complete(value);
            } else {
                Throwable failure = call.finalFailure(thrown);
                observed.ended(call.ended(failure));
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    /** The end of a call whose wait between attempts was interrupted, for Resilience4j's count. */
    private static final class InterruptedWait extends Exception {
        private static final long serialVersionUID = 1L;

        InterruptedWait() {
            super("interrupted while waiting to retry", null, false, false);
        }
    }
}
