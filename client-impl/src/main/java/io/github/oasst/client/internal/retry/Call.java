package io.github.oasst.client.internal.retry;

import io.github.oasst.client.InteractionKind;
import io.github.oasst.client.OasstCall;
import io.github.oasst.client.OasstOperation;
import io.github.oasst.client.RetryPolicy;
import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.internal.codec.Failures;
import io.github.oasst.client.internal.http.CallOptions;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One call across its attempts: what is the client's own, beside Resilience4j's {@code Retry}. It
 * decides of each failure whether it is retried and after what wait (the policy's classification,
 * a server's {@code Retry-After} or the backoff, the deadline), reconciles a repeat answered "already
 * done" after a lost answer, records every attempt's failure, and can be ended from outside
 * (cancelled, interrupted, closed) at any moment, waits included ({@link Waits}).
 */
final class Call {
    private final OasstOperation operation;
    private final @Nullable InteractionKind kind;
    private final @Nullable OasstServerVersion server;
    private final RetryPolicy policy;
    private final int maxAttempts;
    private final @Nullable IntervalBiFunction<Object> configuredWaits;
    private final String method;
    private final String path;
    private final LongSupplier clock;
    private final long start;
    private final long deadline;
    private final CallOptions options;
    private final CallEvents.Started observed;
    private final Waits waits;

    private int attempts;
    private final List<OasstException> failures = new ArrayList<>(2);
    private boolean ambiguous;
    private boolean reconciled;
    private boolean ambiguousNotRepeated;
    private @Nullable Throwable ended;

    Call(Retrier retrier, OasstOperation operation, @Nullable InteractionKind kind, String requestLine) {
        this.operation = operation;
        this.kind = kind;
        this.server = retrier.serverVersion();
        this.policy = retrier.policy();
        this.maxAttempts = retrier.retry(operation).getRetryConfig().getMaxAttempts();
        this.configuredWaits =
                retrier.retry(operation).getRetryConfig().getIntervalBiFunction() instanceof Attempt.Interval interval
                        ? interval.configured()
                        : null;
        int space = requestLine.indexOf(' ');
        this.method = requestLine.substring(0, space);
        int query = requestLine.indexOf('?');
        this.path = requestLine.substring(space + 1, query < 0 ? requestLine.length() : query);
        this.clock = retrier.clock();
        this.start = clock.getAsLong();
        this.deadline = start + policy.deadline().toNanos();
        this.observed = retrier.events().started(operation);
        this.options = new CallOptions(retrier.options(), observed::headers);
        this.waits = new Waits(retrier.scheduler(), this::ended);
    }

    OasstOperation operation() {
        return operation;
    }

    /** The failure of a call whose thread was interrupted while it waited. */
    OasstTransportException interrupted(InterruptedException cause) {
        InterruptedIOException interrupted = new InterruptedIOException("interrupted while the call waited");
        interrupted.initCause(cause);
        return new OasstTransportException(OasstTransportException.Kind.INTERRUPTED, method, path, interrupted);
    }

    /** Where Resilience4j schedules this call's next attempt. */
    Waits waits() {
        return waits;
    }

    CallEvents.Started observed() {
        return observed;
    }

    /**
     * Starts an attempt, unless the call has ended. Never throws: its stage fails with an {@link
     * Attempt}, or succeeds (with null when an earlier attempt proved to have taken effect).
     */
    <T> CompletionStage<T> attempt(Function<CallOptions, CompletionStage<T>> start) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        Throwable stop;
        synchronized (this) {
            stop = ended;
            if (stop == null) {
                attempts++;
            }
        }
        if (stop != null) {
            outcome.completeExceptionally(new Attempt(stop, false, -1));
            return outcome;
        }
        CompletionStage<T> started;
        try {
            started = start.apply(options);
        } catch (Throwable thrown) {
            started = CompletableFuture.failedFuture(thrown);
        }
        started.whenComplete((value, thrown) -> {
            if (thrown == null) {
                outcome.complete(value);
                return;
            }
            Attempt failed = failed(thrown);
            if (failed == null) {
                outcome.complete(null); // reconciled
            } else {
                outcome.completeExceptionally(failed);
            }
        });
        return outcome;
    }

    /** What a failure means: null when it proves an earlier, ambiguous attempt took effect. */
    private synchronized @Nullable Attempt failed(Throwable thrown) {
        Throwable failure = translate(thrown);
        if (!(failure instanceof OasstException oasst) || ended != null) {
            // an Error, or what else user code threw: never retried; nor anything once the call ended
            return new Attempt(failure, false, -1);
        }
        if (ambiguous && reconciles(oasst)) {
            reconciled = true;
            return null;
        }
        failures.add(oasst);
        ambiguous |= oasst.failureClass() == FailureClass.AMBIGUOUS;
        boolean classRetried = policy.shouldRetry(operation, kind, server, oasst);
        ambiguousNotRepeated = !classRetried && oasst.failureClass() == FailureClass.AMBIGUOUS;
        boolean retried = classRetried && !interrupted(oasst);
        long wait = -1;
        if (retried && attempts < maxAttempts) {
            wait = waitMillis(oasst);
            retried = clock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(wait) - deadline <= 0;
        }
        // at the last attempt Resilience4j counts a retried failure as "failed after retries": true only
        // when there were retries
        return new Attempt(oasst, retried && (attempts < maxAttempts || attempts > 1), wait);
    }

    private Throwable translate(Throwable thrown) {
        Throwable failure = Failures.translate(thrown);
        if (failure instanceof CallNotPermittedException open) {
            return new OasstTransportException(OasstTransportException.Kind.CIRCUIT_OPEN, method, path, open);
        }
        return failure;
    }

    /** The wait before the next attempt: a server's {@code Retry-After}, else the backoff. */
    private long waitMillis(OasstException failure) {
        boolean retryAfter =
                failure instanceof OasstError error && error.retryAfter().isPresent();
        IntervalBiFunction<Object> configured = configuredWaits;
        if (!retryAfter && configured != null) {
            return Math.max(0, configured.apply(attempts, Either.left(failure)));
        }
        return policy.backoff(attempts, failure).toMillis();
    }

    private static boolean interrupted(OasstException failure) {
        return Thread.currentThread().isInterrupted()
                || (failure instanceof OasstTransportException transport
                        && transport.kind() == OasstTransportException.Kind.INTERRUPTED);
    }

    private boolean reconciles(OasstException failure) {
        if (!(failure instanceof OasstError error)) {
            return false;
        }
        return switch (operation) {
            case ACK_TASK, NACK_TASK -> error.hasErrorCode(OasstErrorCode.TASK_ALREADY_UPDATED);
            case CLOSE_TASK, POST_INTERACTION -> error.hasErrorCode(OasstErrorCode.TASK_ALREADY_DONE);
            case FETCH_TASK, TASK_AVAILABILITY, READ, IDEMPOTENT_WRITE, WRITE -> false;
        };
    }

    /**
     * Ends the call from outside, at once: the exchange in flight is cancelled, a wait for the next
     * attempt ends now, and no attempt starts any more; the call then fails with {@code reason}.
     */
    void end(Throwable reason) {
        synchronized (this) {
            if (ended != null) {
                return;
            }
            ended = reason;
        }
        options.cancel();
        waits.endNow();
    }

    private synchronized @Nullable Throwable ended() {
        return ended;
    }

    /**
     * The exception the call fails with: why it was ended from outside, if it was; else the last
     * attempt's failure itself, the client's exception with the earlier attempts' failures recorded.
     */
    synchronized Throwable finalFailure(Throwable thrown) {
        Throwable failure = thrown instanceof Attempt attempt ? attempt.failure() : translate(thrown);
        if (ended != null) {
            failure = ended;
        }
        if (failure instanceof OasstException oasst && !failures.isEmpty()) {
            List<OasstException> earlier = new ArrayList<>(failures);
            earlier.remove(oasst);
            oasst.recordEarlierAttempts(earlier);
            if (operation == OasstOperation.POST_INTERACTION && oasst.mayHaveTakenEffect()) {
                oasst.recordNote(
                        ambiguousNotRepeated && oasst.failureClass() == FailureClass.AMBIGUOUS
                                ? "may have been stored; not repeated to avoid a duplicate"
                                : "may have been stored by an attempt whose answer was lost");
            }
        }
        return failure;
    }

    /** The call as it ended, for the listeners. */
    synchronized OasstCall ended(@Nullable Throwable failure) {
        OasstCall.Outcome outcome = failure != null
                ? OasstCall.Outcome.FAILED
                : reconciled ? OasstCall.Outcome.RECONCILED : OasstCall.Outcome.SUCCEEDED;
        return new OasstCall(
                operation,
                outcome,
                Math.max(1, attempts),
                Duration.ofNanos(Math.max(0, clock.getAsLong() - start)),
                failure,
                failures);
    }
}
