package io.github.oasst.client.internal.retry;

import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstErrorCode;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstTransportException;
import io.github.oasst.client.api.OasstTransportException.Kind;
import io.github.oasst.client.internal.codec.Failures;
import io.github.oasst.client.internal.http.CallOptions;
import io.github.oasst.client.retry.InteractionKind;
import io.github.oasst.client.retry.OasstCall;
import io.github.oasst.client.retry.OasstCallListener;
import io.github.oasst.client.retry.OasstOperation;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.core.functions.Either;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call across its attempts: what is the client's own beside Resilience4j's {@code Retry}. It
 * decides of each failure whether to retry and after what wait (the policy; {@code Retry-After} or
 * the backoff; the deadline) and hands the decision to Resilience4j with the failure ({@link
 * Attempt}); it reconciles a repeat answered "already done", records each attempt's failure, and
 * ends once ({@link #finish}): when Resilience4j ends it, or at once when it is {@link #end ended}
 * from outside (its exchange is cancelled, its wait ends, and Resilience4j ends it then).
 */
final class Call {
    private static final Logger LOG = LoggerFactory.getLogger(Call.class);

    final OasstOperation operation;
    final CompletableFuture<Object> result = new CompletableFuture<>();
    final Waits waits;
    private final Retrier retrier;
    private final @Nullable InteractionKind kind;
    private final String method;
    private final String path;
    private final long start;
    private final OasstCallListener.Observation observation;
    private final CallOptions options;
    private final List<OasstException> failures = new ArrayList<>(2);
    private int attempts;
    private boolean ambiguous;
    private boolean reconciled;
    private boolean ambiguousNotRepeated;
    private @Nullable Throwable ended;
    private boolean finished;

    /** @param starts where attempts after the first start: the caller's thread for a blocking call */
    Call(Retrier retrier, OasstOperation operation, @Nullable InteractionKind kind, String line, Executor starts) {
        this.retrier = retrier;
        this.operation = operation;
        this.kind = kind;
        this.method = line.substring(0, line.indexOf(' '));
        this.path = line.substring(line.indexOf(' ') + 1).replaceFirst("\\?.*", "");
        this.start = retrier.clock.getAsLong();
        this.observation = retrier.listener.callStarted(operation);
        this.options = new CallOptions(retrier.options, observation::headers);
        this.waits = new Waits(retrier.scheduler, starts, this);
    }

    /** Starts an attempt unless the call has ended; its stage fails with an {@link Attempt}. */
    <T> CompletionStage<T> attempt(Function<CallOptions, CompletionStage<T>> send) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        synchronized (this) {
            if (ended != null) {
                outcome.completeExceptionally(new Attempt(ended, false, -1));
                return outcome;
            }
            attempts++;
        }
        CompletionStage<T> sent;
        try {
            sent = send.apply(options);
        } catch (Throwable thrown) {
            sent = CompletableFuture.failedFuture(thrown);
        }
        sent.whenComplete((value, thrown) -> {
            Attempt failed = thrown == null ? null : failed(thrown);
            if (failed == null) {
                outcome.complete(value); // null when reconciled
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
            return new Attempt(failure, false, -1); // an Error, what user code threw, an ended call
        }
        if (ambiguous && reconciles(oasst)) {
            reconciled = true;
            LOG.debug(
                    "{}: the retry answered \"{}\": the ambiguous attempt took effect", operation, oasst.description());
            return null;
        }
        failures.add(oasst);
        ambiguous |= oasst.failureClass() == FailureClass.AMBIGUOUS;
        boolean classed = retrier.policy.shouldRetry(operation, kind, retrier.serverVersion.get(), oasst);
        ambiguousNotRepeated = !classed && oasst.failureClass() == FailureClass.AMBIGUOUS;
        boolean retried = classed && !(oasst instanceof OasstTransportException t && t.kind() == Kind.INTERRUPTED);
        int maxAttempts = retrier.retry(operation).getRetryConfig().getMaxAttempts();
        long wait = -1;
        if (retried && attempts < maxAttempts) {
            var configured = retrier.retry(operation).getRetryConfig().getIntervalBiFunction();
            boolean retryAfter =
                    oasst instanceof OasstError error && error.retryAfter().isPresent();
            wait = configured instanceof Attempt.Interval own && own.configured() != null && !retryAfter
                    ? Math.max(0, own.configured().apply(attempts, Either.left(oasst)))
                    : retrier.policy.backoff(attempts, oasst).toMillis();
            long deadline = start + retrier.policy.deadline().toNanos();
            retried = retrier.clock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(wait) - deadline <= 0;
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        retried
                                ? "{}: attempt {} failed, retrying in {} ms: {}"
                                : "{}: attempt {} failed, a wait of {} ms would pass the deadline: {}",
                        operation,
                        attempts,
                        wait,
                        oasst.getMessage());
            }
        }
        // Resilience4j counts a retried failure at the last attempt "failed after retries": so only after some
        return new Attempt(oasst, retried && (attempts < maxAttempts || attempts > 1), wait);
    }

    private Throwable translate(Throwable thrown) {
        Throwable failure = Failures.translate(thrown);
        return failure instanceof CallNotPermittedException open
                ? new OasstTransportException(Kind.CIRCUIT_OPEN, method, path, open)
                : failure;
    }

    private boolean reconciles(OasstException failure) {
        return failure instanceof OasstError error
                && switch (operation) {
                    case ACK_TASK, NACK_TASK -> error.hasErrorCode(OasstErrorCode.TASK_ALREADY_UPDATED);
                    case CLOSE_TASK, POST_INTERACTION -> error.hasErrorCode(OasstErrorCode.TASK_ALREADY_DONE);
                    case FETCH_TASK, TASK_AVAILABILITY, READ, IDEMPOTENT_WRITE, WRITE -> false;
                };
    }

    /** The failure of a call whose thread was interrupted while it waited. */
    OasstTransportException interrupted(InterruptedException cause) {
        InterruptedIOException interrupted = new InterruptedIOException("interrupted while the call waited");
        interrupted.initCause(cause);
        return new OasstTransportException(Kind.INTERRUPTED, method, path, interrupted);
    }

    /** Ends the call from outside, at once, failing with {@code reason}; no attempt starts any more. */
    void end(Throwable reason) {
        synchronized (this) {
            if (ended != null) {
                return;
            }
            ended = reason;
        }
        options.cancel();
        finish(null, reason);
        waits.end();
    }

    /**
     * Ends the call with its outcome, once: tells the listeners, completes the result. It fails with
     * the reason it was ended from outside, else with the last failure, which records the earlier
     * ones and, for an interaction that may have been stored, a note.
     */
    void finish(@Nullable Object value, @Nullable Throwable thrown) {
        Throwable failure;
        OasstCall call;
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            failure = thrown == null ? null : recorded(ended != null ? ended : thrown);
            OasstCall.Outcome outcome = failure != null
                    ? OasstCall.Outcome.FAILED
                    : reconciled ? OasstCall.Outcome.RECONCILED : OasstCall.Outcome.SUCCEEDED;
            Duration took = Duration.ofNanos(Math.max(0, retrier.clock.getAsLong() - start));
            call = new OasstCall(operation, outcome, Math.max(1, attempts), took, failure, failures);
        }
        retrier.ended(this);
        observation.callEnded(call);
        if (failure == null) {
            result.complete(value);
        } else {
            result.completeExceptionally(failure);
        }
    }

    private Throwable recorded(Throwable thrown) {
        Throwable failure = thrown instanceof Attempt attempt ? attempt.failure : translate(thrown);
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
}
