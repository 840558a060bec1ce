package io.github.oasst.client.internal.retry;

import feign.Request;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.internal.codec.Failures;
import io.github.oasst.client.internal.http.CallOptions;
import io.github.oasst.client.retry.InteractionKind;
import io.github.oasst.client.retry.OasstCallListener;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.CheckedFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a client's calls: each under its operation's Resilience4j {@link Retry} ({@code
 * executeCompletionStage}), which decides by each failure alone ({@link Attempt}), each attempt
 * through the {@link CircuitBreaker} if any; the rest is the {@link Call}'s. The scheduler only
 * times the waits between attempts: a blocking call's attempts run on its own thread, an
 * asynchronous call's next attempt starts on the common pool (so that no code of the caller's ever
 * runs on the scheduler, where a blocking call of its own would wait for itself). Once {@link #close()
 * closed}, new calls fail at once and those in progress end at once. An operation's Retry already
 * in the registry is used as it is; a missing one is created.
 */
public final class Retrier {
    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    final RetryPolicy policy;
    final LongSupplier clock;
    final ScheduledExecutorService scheduler;
    final Supplier<@Nullable OasstServerVersion> serverVersion;
    final Request.Options options;
    final OasstCallListener listener;
    private final Map<OasstOperation, Retry> retries = new EnumMap<>(OasstOperation.class);
    private final @Nullable CircuitBreaker breaker;
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param clock the deadline's clock ({@code System::nanoTime}); {@code scheduler} runs the waits
     * @param serverVersion the backend's version when known, else null
     * @param options the timeouts of the client's requests
     */
    public Retrier(
            RetryPolicy policy,
            RetryRegistry registry,
            @Nullable CircuitBreaker breaker,
            LongSupplier clock,
            ScheduledExecutorService scheduler,
            OasstCallListener listener,
            Supplier<@Nullable OasstServerVersion> serverVersion,
            Request.Options options) {
        this.policy = policy;
        this.breaker = breaker;
        this.clock = clock;
        this.scheduler = scheduler;
        this.listener = listener;
        this.serverVersion = serverVersion;
        this.options = options;
        for (OasstOperation operation : OasstOperation.values()) {
            Retry retry = registry.retry(operation.retryName(), config(policy.maxAttempts()));
            if (!(retry.getRetryConfig().getIntervalBiFunction() instanceof Attempt.Interval)) {
                LOG.info("Retry {} was configured before this client: its settings apply", operation.retryName());
            }
            retries.put(operation, retry);
        }
    }

    /** The configuration of the client's Retry instances: their attempts, the calls' decisions. */
    public static RetryConfig config(int maxAttempts) {
        return RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .retryOnException(Attempt::retried)
                .intervalBiFunction(new Attempt.Interval(null))
                .build();
    }

    /** Puts the calls' decisions into a configuration made elsewhere, keeping its attempts and waits. */
    @SuppressWarnings("unchecked")
    public static <T> RetryConfig.Builder<T> withClientRules(RetryConfig.Builder<T> builder) {
        IntervalBiFunction<Object> waits = builder.build().getIntervalBiFunction();
        Object interval = waits instanceof Attempt.Interval own ? own : new Attempt.Interval(waits);
        return builder.retryOnException(Attempt::retried).intervalBiFunction((IntervalBiFunction<T>) interval);
    }

    public Retry retry(OasstOperation operation) {
        return retries.get(operation);
    }

    public RetryPolicy policy() {
        return policy;
    }

    /** @throws IllegalStateException when the client is closed */
    public void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the OASST client is closed");
        }
    }

    void ended(Call call) {
        calls.remove(call);
    }

    /** Refuses new calls and ends those in progress with {@link IllegalStateException}. Idempotent. */
    public void close() {
        closed = true;
        calls.forEach(call -> call.end(new IllegalStateException("the OASST client is closed")));
    }

    /**
     * Runs a call, its attempts on this thread, and returns its result or throws its failure; an
     * interrupt while the thread waits ends the call.
     *
     * @param kind the interaction's kind, for {@link OasstOperation#POST_INTERACTION}; else null
     * @param line the method's request line, for example {@code POST /api/v1/tasks/}
     */
    public <T> T call(
            OasstOperation operation,
            @Nullable InteractionKind kind,
            String line,
            CheckedFunction<CallOptions, T> attempt)
            throws Throwable {
        ensureOpen();
        BlockingQueue<Runnable> onThisThread = new LinkedBlockingQueue<>();
        Call call = new Call(this, operation, kind, line, onThisThread::add);
        CompletionStage<?> run = run(call, options -> {
            try {
                return CompletableFuture.completedFuture(attempt.apply(options));
            } catch (Throwable failure) {
                return CompletableFuture.failedFuture(failure);
            }
        });
        CompletableFuture<?> done = run.toCompletableFuture(); // Resilience4j's end: after the call's, if ended
        done.whenComplete((value, failure) -> onThisThread.add(() -> {}));
        boolean interrupted = false;
        while (!done.isDone()) {
            try {
                onThisThread.take().run();
            } catch (InterruptedException e) {
                interrupted = true;
                call.end(call.interrupted(e));
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            return Retrier.<T>result(call).join();
        } catch (CompletionException e) {
            throw e.getCause() == null ? e : e.getCause();
        }
    }

    /** Runs a call asynchronously; cancelling its future ends it at once. */
    public <T> CompletableFuture<T> callAsync(
            OasstOperation operation,
            @Nullable InteractionKind kind,
            String line,
            Function<CallOptions, CompletionStage<T>> attempt) {
        ensureOpen();
        // the scheduler only times the waits: what follows one, the caller's code included, runs elsewhere
        Call call = new Call(this, operation, kind, line, ForkJoinPool.commonPool());
        run(call, attempt);
        CompletableFuture<T> result = result(call);
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                call.end(new CancellationException("the call was cancelled"));
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <T> CompletableFuture<T> result(Call call) {
        return (CompletableFuture<T>) (CompletableFuture<?>) call.result;
    }

    /** Runs the call's attempts under its Retry: the stage Resilience4j completes when it ends the call. */
    private <T> CompletionStage<T> run(Call call, Function<CallOptions, CompletionStage<T>> send) {
        CircuitBreaker circuit = breaker;
        Function<CallOptions, CompletionStage<T>> attempt = circuit == null
                ? send
                : options ->
                        circuit.executeCompletionStage(() -> send.apply(options).handle((value, failure) -> {
                            if (failure != null) { // what the breaker records
                                throw new CompletionException(Failures.translate(failure));
                            }
                            return value;
                        }));
        calls.add(call);
        if (closed) {
            call.end(new IllegalStateException("the OASST client is closed"));
        }
        CompletionStage<T> run =
                retries.get(call.operation).executeCompletionStage(call.waits, () -> call.attempt(attempt));
        run.whenComplete(call::finish);
        return run;
    }
}
