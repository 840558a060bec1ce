package io.github.oasst.client.internal.retry;

import feign.Request;
import io.github.oasst.client.InteractionKind;
import io.github.oasst.client.OasstOperation;
import io.github.oasst.client.RetryPolicy;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.internal.codec.Failures;
import io.github.oasst.client.internal.http.CallOptions;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.CheckedFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs calls under Resilience4j: the operation's {@link Retry} runs the attempts ({@code
 * executeCompletionStage}, for blocking calls too: their attempts run on the caller's thread,
 * {@link CallerThread}), its configuration decides by the failure alone ({@link Attempt}), and
 * each attempt goes through the {@link CircuitBreaker} when there is one. What Resilience4j does not
 * do is the {@link Call}'s: the deadline, reconciliation and the record of every attempt.
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
    private final LongSupplier clock;
    private final ScheduledExecutorService scheduler;
    private final Lifecycle lifecycle;
    private final CallEvents events;
    private final Supplier<@Nullable OasstServerVersion> serverVersion;
    private final Request.Options options;

    /**
     * @param clock the clock of the deadline ({@code System::nanoTime})
     * @param scheduler where calls wait between attempts
     * @param events told of every call's start and end
     * @param serverVersion the backend's version when known, else null: read when a call starts
     * @param options the timeouts of the client's requests
     */
    public Retrier(
            RetryPolicy policy,
            RetryRegistry registry,
            @Nullable CircuitBreaker breaker,
            LongSupplier clock,
            ScheduledExecutorService scheduler,
            Lifecycle lifecycle,
            CallEvents events,
            Supplier<@Nullable OasstServerVersion> serverVersion,
            Request.Options options) {
        this.policy = policy;
        this.breaker = breaker;
        this.clock = clock;
        this.scheduler = scheduler;
        this.lifecycle = lifecycle;
        this.events = events;
        this.serverVersion = serverVersion;
        this.options = options;
        RetryConfig config = config(policy);
        for (OasstOperation operation : OasstOperation.values()) {
            String name = retryName(operation);
            boolean existed = registry.find(name).isPresent();
            Retry retry = registry.retry(name, config);
            if (existed && !(retry.getRetryConfig().getIntervalBiFunction() instanceof Attempt.Interval)) {
                LOG.info(
                        "Retry {} was configured before this client: its settings apply, not the client's retry policy"
                                + " (give it RetryPolicy.retryConfig(), or RetryPolicy.withClientRules(builder), to keep the"
                                + " client's classification of failures)",
                        name);
            }
            retries.put(operation, retry);
        }
    }

    /** The Resilience4j configuration of the policy: its attempts, and the calls' own decisions. */
    public static RetryConfig config(RetryPolicy policy) {
        return RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnException(Attempt::retried)
                .intervalBiFunction(new Attempt.Interval(null))
                .build();
    }

    /**
     * Puts the client's rules into a configuration made elsewhere, keeping its attempts and its
     * waits: see {@link RetryPolicy#withClientRules}.
     */
    @SuppressWarnings("unchecked")
    public static <T> RetryConfig.Builder<T> withClientRules(RetryConfig.Builder<T> builder) {
        @Nullable IntervalBiFunction<Object> waits = builder.build().getIntervalBiFunction();
        if (waits instanceof Attempt.Interval interval) {
            waits = interval.configured();
        }
        IntervalBiFunction<?> interval = new Attempt.Interval(waits);
        return builder.retryOnException(Attempt::retried).intervalBiFunction((IntervalBiFunction<T>) interval);
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

    @Nullable
    OasstServerVersion serverVersion() {
        return serverVersion.get();
    }

    LongSupplier clock() {
        return clock;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    CallEvents events() {
        return events;
    }

    Request.Options options() {
        return options;
    }

    /**
     * Runs a call, its attempts on this thread (each one sends with the given options), and returns
     * its result or throws its failure. An interrupt ends it at once.
     *
     * @param kind the interaction's kind, for {@link OasstOperation#POST_INTERACTION}; else null
     * @param requestLine the method's request line, for example {@code POST /api/v1/tasks/}
     */
    public <T> T call(
            OasstOperation operation,
            @Nullable InteractionKind kind,
            String requestLine,
            CheckedFunction<CallOptions, T> attempt)
            throws Throwable {
        lifecycle.ensureOpen();
        Call call = new Call(this, operation, kind, requestLine);
        CallerThread thread = new CallerThread();
        CompletableFuture<T> result = run(call, options -> thread.run(() -> attempt.apply(options)));
        return thread.await(result, interrupt -> call.end(call.interrupted(interrupt)));
    }

    /**
     * Runs a call asynchronously, each attempt started by {@code attempt}. The future fails with the
     * client's exception itself; cancelling it ends the call at once (its exchange, its wait).
     */
    public <T> CompletableFuture<T> callAsync(
            OasstOperation operation,
            @Nullable InteractionKind kind,
            String requestLine,
            Function<CallOptions, CompletionStage<T>> attempt) {
        lifecycle.ensureOpen();
        Call call = new Call(this, operation, kind, requestLine);
        CompletableFuture<T> result = run(call, attempt);
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                call.end(new CancellationException("the call was cancelled"));
            }
        });
        return result;
    }

    /** Runs the call's attempts under its Retry; the returned future completes when the call ends. */
    private <T> CompletableFuture<T> run(Call call, Function<CallOptions, CompletionStage<T>> start) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CircuitBreaker circuit = breaker;
        Function<CallOptions, CompletionStage<T>> attempt = circuit == null
                ? start
                : options -> circuit.executeCompletionStage(() -> translated(start.apply(options)));
        lifecycle.started(call);
        retries.get(call.operation())
                .executeCompletionStage(call.waits(), () -> call.attempt(attempt))
                .whenComplete((value, thrown) -> {
                    lifecycle.ended(call);
                    Throwable failure = thrown == null ? null : call.finalFailure(thrown);
                    call.observed().ended(call.ended(failure));
                    if (failure == null) {
                        result.complete(value);
                    } else {
                        result.completeExceptionally(failure);
                    }
                });
        return result;
    }

    /** The stage, failing with the client's exception: what the circuit breaker records. */
    private static <T> CompletionStage<T> translated(CompletionStage<T> stage) {
        CompletableFuture<T> translated = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                translated.complete(value);
            } else {
                translated.completeExceptionally(Failures.translate(failure));
            }
        });
        return translated;
    }
}
