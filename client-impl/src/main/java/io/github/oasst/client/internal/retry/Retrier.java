package io.github.oasst.client.internal.retry;

import io.github.oasst.client.OasstOperation;
import io.github.oasst.client.RetryPolicy;
import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.internal.codec.Failures;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a call's attempts under the {@link RetryPolicy}, blocking or asynchronously, with one
 * Resilience4j {@link Retry} per operation doing the counting, the backoff and the events, and an
 * optional {@link CircuitBreaker} around each attempt.
 *
 * <p>Reconciliation: once an attempt failed ambiguously, a later attempt answered {@code
 * TASK_ALREADY_UPDATED} (2103, ack and nack) or {@code TASK_ALREADY_DONE} (2105, close and
 * interaction) shows that the ambiguous attempt took effect, and the call succeeds.
 */
public final class Retrier {
    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private static final long RECONCILED = -2;
    private static final long GIVE_UP = -1;

    /** A blocking attempt. */
    @FunctionalInterface
    public interface Attempt<T> {
        T call() throws Throwable;
    }

    private final RetryPolicy policy;
    private final Map<OasstOperation, Retry> retries = new EnumMap<>(OasstOperation.class);
    private final @Nullable CircuitBreaker breaker;
    private final Waiter waiter;

    public Retrier(RetryPolicy policy, RetryRegistry registry, @Nullable CircuitBreaker breaker, Waiter waiter) {
        this.policy = policy;
        this.breaker = breaker;
        this.waiter = waiter;
        for (OasstOperation operation : OasstOperation.values()) {
            RetryConfig config = RetryConfig.custom()
                    .maxAttempts(policy.maxAttempts())
                    .retryOnException(
                            failure -> failure instanceof OasstException oasst && policy.shouldRetry(operation, oasst))
                    .intervalBiFunction((failedAttempts, outcome) -> policy.backoff(
                                    failedAttempts, outcome.isLeft() ? outcome.getLeft() : null)
                            .toMillis())
                    .build();
            String name = retryName(operation);
            // the newest client's configuration wins when clients share a registry
            registry.remove(name);
            retries.put(operation, registry.retry(name, config));
        }
    }

    /** The registry name of an operation's Retry, for example {@code oasst-fetch-task}. */
    public static String retryName(OasstOperation operation) {
        return "oasst-" + operation.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Retry retry(OasstOperation operation) {
        return retries.get(operation);
    }

    /** Whether calls need this retrier at all: retries on, or a circuit breaker to consult. */
    public boolean active() {
        return policy.enabled() || breaker != null;
    }

    /** Runs the attempts in the calling thread, sleeping between them. */
    @Nullable
    public Object executeSync(OasstOperation operation, Attempt<?> attempt) throws Throwable {
        Call call = new Call(operation);
        while (true) {
            try {
                Object value = attemptOnce(attempt);
                call.succeeded();
                return value;
            } catch (Throwable failure) {
                long wait = call.failed(failure);
                if (wait == RECONCILED) {
                    return null;
                }
                if (wait == GIVE_UP) {
                    throw call.finalFailure();
                }
                try {
                    waiter.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw call.finalFailure();
                }
            }
        }
    }

    /** Runs the attempts on the executor, scheduling the waits so that no thread blocks on them. */
    public <T> CompletableFuture<T> executeAsync(OasstOperation operation, Executor executor, Attempt<T> attempt) {
        CompletableFuture<T> result = new CompletableFuture<>();
        new AsyncCall<>(new Call(operation), executor, attempt, result).submit();
        return result;
    }

    private Object attemptOnce(Attempt<?> attempt) throws Throwable {
        CircuitBreaker cb = breaker;
        if (cb == null) {
            return attempt.call();
        }
        cb.acquirePermission();
        long start = cb.getCurrentTimestamp();
        try {
            Object value = attempt.call();
            cb.onSuccess(cb.getCurrentTimestamp() - start, cb.getTimestampUnit());
            return value;
        } catch (Throwable failure) {
            Throwable translated = Failures.translate(failure);
            cb.onError(cb.getCurrentTimestamp() - start, cb.getTimestampUnit(), translated);
            throw translated;
        }
    }

    private static boolean reconciles(OasstOperation operation, OasstException failure) {
        if (!(failure instanceof OasstError error)) {
            return false;
        }
        return switch (operation) {
            case ACK_TASK, NACK_TASK -> error.hasErrorCode(OasstErrorCode.TASK_ALREADY_UPDATED);
            case CLOSE_TASK, POST_INTERACTION -> error.hasErrorCode(OasstErrorCode.TASK_ALREADY_DONE);
            case FETCH_TASK, TASK_AVAILABILITY -> false;
        };
    }

    /** The state of one call across its attempts. */
    private final class Call {
        private final OasstOperation operation;
        private final Retry.AsyncContext<Object> context;
        private final long deadline;
        /** The failures so far; made at the first one (most calls have none). */
        private @Nullable List<Throwable> failures;

        private boolean ambiguousAttempt;

        Call(OasstOperation operation) {
            this.operation = operation;
            this.context = retries.get(operation).asyncContext();
            this.deadline = waiter.nanoTime() + policy.deadline().toNanos();
        }

        void succeeded() {
            context.onComplete();
        }

        /** The wait before the next attempt, or {@link #RECONCILED}, or {@link #GIVE_UP}. */
        long failed(Throwable thrown) {
            Throwable failure = Failures.translate(thrown);
            List<Throwable> failures = this.failures;
            if (failures == null) {
                failures = new ArrayList<>(2);
                this.failures = failures;
            }
            if (failure instanceof Error) {
                failures.add(failure);
                return GIVE_UP;
            }
            if (failure instanceof OasstException oasst && ambiguousAttempt && reconciles(operation, oasst)) {
                context.onComplete();
                LOG.debug(
                        "{}: the retry answered \"{}\" after an ambiguous attempt, which took effect then",
                        operation,
                        oasst.description());
                return RECONCILED;
            }
            failures.add(failure);
            if (failure instanceof OasstException oasst && oasst.failureClass() == FailureClass.AMBIGUOUS) {
                ambiguousAttempt = true;
            }
            long wait = context.onError(failure);
            if (wait < 0) {
                return GIVE_UP;
            }
            if (waiter.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait) - deadline > 0) {
                LOG.debug(
                        "{}: not retrying, a wait of {} ms would pass the {} deadline",
                        operation,
                        wait,
                        policy.deadline());
                return GIVE_UP;
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        "{}: attempt {} failed, retrying in {} ms: {}",
                        operation,
                        failures.size(),
                        wait,
                        failure.getMessage());
            }
            return wait;
        }

        /** The last failure, carrying the earlier ones as suppressed exceptions. */
        Throwable finalFailure() {
            List<Throwable> failures = Objects.requireNonNull(this.failures, "no failure");
            Throwable last = failures.get(failures.size() - 1);
            for (int i = 0; i < failures.size() - 1; i++) {
                last.addSuppressed(failures.get(i));
            }
            return last;
        }
    }

    private final class AsyncCall<T> implements Runnable {
        private final Call call;
        private final Executor executor;
        private final Attempt<T> attempt;
        private final CompletableFuture<T> result;

        AsyncCall(Call call, Executor executor, Attempt<T> attempt, CompletableFuture<T> result) {
            this.call = call;
            this.executor = executor;
            this.attempt = attempt;
            this.result = result;
        }

        void submit() {
            try {
                executor.execute(this);
            } catch (RejectedExecutionException rejected) {
                result.completeExceptionally(new IllegalStateException("the OASST client is closed", rejected));
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void run() {
            if (result.isDone()) {
                return; // cancelled by the caller
            }
            T value;
            try {
                value = (T) attemptOnce(attempt);
            } catch (Throwable failure) {
                long wait = call.failed(failure);
                if (wait == RECONCILED) {
                    result.complete(null);
                } else if (wait == GIVE_UP) {
                    result.completeExceptionally(call.finalFailure());
                } else {
                    waiter.schedule(wait, this::submit);
                }
                return;
            }
            call.succeeded();
            result.complete(value);
        }
    }
}
