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
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of an operation across its attempts: what Resilience4j's {@link Retry} does not keep. It
 * records every attempt's failure (for the final exception), remembers whether an attempt failed
 * ambiguously (for reconciliation), and decides, when Resilience4j asks, whether a failure is
 * retried and after what wait: by the policy's classification, the wait (a server's {@code
 * Retry-After} or the jittered exponential backoff) and the call's deadline.
 *
 * <p>Resilience4j asks through {@link #PREDICATE} and {@link ClientInterval}, which know only the
 * failure; so each failure an attempt throws is registered with its call until the call ends.
 */
final class CallState {
    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    /** The failures of calls in progress, by identity, with their call. */
    private static final Map<Key, CallState> PENDING = new ConcurrentHashMap<>();

    /** Resilience4j's exception predicate: retry the failures their call decides to retry. */
    static final java.util.function.Predicate<Throwable> PREDICATE = failure -> {
        CallState call = PENDING.get(new Key(failure));
        return call != null && call.decide(failure);
    };

    /** The call a failure belongs to, while the call runs. */
    static @Nullable CallState of(Throwable failure) {
        return PENDING.get(new Key(failure));
    }

    /** The wait before the next attempt, as last decided. */
    synchronized long plannedWaitMillis() {
        return plannedWaitMillis;
    }

    /** Why a failure was or was not retried, the last time Resilience4j asked. */
    private enum Decision {
        RETRY,
        NOT_RETRIED,
        PAST_DEADLINE,
        ATTEMPTS_USED_UP
    }

    private final OasstOperation operation;
    private final @Nullable InteractionKind kind;
    private final @Nullable OasstServerVersion server;
    private final RetryPolicy policy;
    private final Retry retry;
    private final LongSupplier nanoClock;
    private final long start;
    private final long deadline;
    private final List<OasstException> failures = new ArrayList<>(2);
    private final List<Key> registered = new ArrayList<>(2);
    private int attempts;
    private boolean ambiguous;
    private boolean cancelled;
    private boolean reconciled;
    private @Nullable Decision decision;
    private long plannedWaitMillis = -1;

    /**
     * @param kind the interaction's kind, for {@link OasstOperation#POST_INTERACTION}; else null
     * @param server the backend's version, null when not known
     */
    CallState(
            OasstOperation operation,
            @Nullable InteractionKind kind,
            @Nullable OasstServerVersion server,
            RetryPolicy policy,
            Retry retry,
            LongSupplier nanoClock) {
        this.operation = operation;
        this.kind = kind;
        this.server = server;
        this.policy = policy;
        this.retry = retry;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.deadline = start + policy.deadline().toNanos();
    }

    /** Counts an attempt about to start. */
    synchronized void attemptStarts() {
        attempts++;
        plannedWaitMillis = -1;
    }

    /**
     * What a failed attempt means: {@code null} when it proves that an earlier, ambiguous attempt
     * took effect (the call succeeded), else the exception to hand to Resilience4j, registered with
     * this call: the client's exception, or an {@link Error} wrapped so that Resilience4j counts it.
     */
    synchronized @Nullable Exception failed(Throwable thrown) {
        Throwable failure = Failures.translate(thrown);
        if (failure instanceof OasstException oasst) {
            if (ambiguous && reconciles(oasst)) {
                reconciled = true;
                LOG.debug(
                        "{}: the retry answered \"{}\" after an ambiguous attempt, which took effect then",
                        operation,
                        oasst.description());
                return null;
            }
            failures.add(oasst);
            ambiguous |= oasst.failureClass() == FailureClass.AMBIGUOUS;
        }
        Exception handed = failure instanceof Exception exception ? exception : new AttemptError(failure);
        Key key = new Key(handed);
        PENDING.put(key, this);
        registered.add(key);
        return handed;
    }

    /** The caller cancelled the call: nothing more is retried. */
    synchronized void cancel() {
        cancelled = true;
    }

    /** Whether to retry the failure (Resilience4j asks), and the wait before the next attempt. */
    private synchronized boolean decide(Throwable failure) {
        plannedWaitMillis = -1;
        decision = Decision.NOT_RETRIED;
        if (cancelled
                || !(failure instanceof OasstException oasst)
                || interrupted(oasst)
                || !policy.shouldRetry(operation, kind, server, oasst)) {
            return false;
        }
        int maxAttempts = retry.getRetryConfig().getMaxAttempts();
        if (maxAttempts <= 1) {
            return false;
        }
        if (attempts >= maxAttempts) {
            decision = Decision.ATTEMPTS_USED_UP;
            return true; // Resilience4j counts a call that failed after retries
        }
        long wait = wait(oasst);
        if (nanoClock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(wait) - deadline > 0) {
            decision = Decision.PAST_DEADLINE;
            LOG.debug(
                    "{}: not retrying, a wait of {} ms would pass the {} deadline", operation, wait, policy.deadline());
            return false;
        }
        decision = Decision.RETRY;
        plannedWaitMillis = wait;
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: attempt {} failed, retrying in {} ms: {}", operation, attempts, wait, oasst.getMessage());
        }
        return true;
    }

    /**
     * The wait before the next attempt: a server's {@code Retry-After}, else the waits of the
     * Retry's configuration when it was made elsewhere under the client's rules, else the policy's.
     */
    private long wait(OasstException failure) {
        boolean retryAfter =
                failure instanceof OasstError error && error.retryAfter().isPresent();
        if (!retryAfter
                && retry.getRetryConfig().getIntervalBiFunction() instanceof ClientInterval interval
                && interval.configuredWaits() != null) {
            return Math.max(0, interval.configuredWaits().apply(attempts, Either.left(failure)));
        }
        return policy.backoff(attempts, failure).toMillis();
    }

    private static boolean interrupted(OasstException failure) {
        return Thread.currentThread().isInterrupted()
                || (failure instanceof OasstTransportException transport
                        && transport.kind() == OasstTransportException.Kind.INTERRUPTED);
    }

    /**
     * Whether Resilience4j gave up with a failure it had decided to retry, before its attempts were
     * used up: its wait was interrupted.
     */
    synchronized boolean waitInterrupted() {
        return plannedWaitMillis >= 0 && attempts < retry.getRetryConfig().getMaxAttempts();
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
     * The exception the call ends with: an {@link Error} unwrapped, the client's exception with the
     * record of the earlier attempts' failures.
     */
    synchronized Throwable finalFailure(Throwable thrown) {
        Throwable failure = thrown instanceof AttemptError error ? error.getCause() : Failures.translate(thrown);
        if (failure instanceof OasstException oasst && !failures.isEmpty()) {
            List<OasstException> earlier = new ArrayList<>(failures);
            if (earlier.get(earlier.size() - 1) == oasst) {
                earlier.remove(earlier.size() - 1);
            }
            oasst.recordEarlierAttempts(earlier);
            if (operation == OasstOperation.POST_INTERACTION && oasst.mayHaveTakenEffect()) {
                oasst.recordNote(
                        oasst.failureClass() == FailureClass.AMBIGUOUS && decision == Decision.NOT_RETRIED
                                ? "may have been stored; not repeated to avoid a duplicate"
                                : "may have been stored by an attempt whose answer was lost");
            }
        }
        return failure;
    }

    /** The call as it ended, for the client's listeners. */
    synchronized OasstCall ended(@Nullable Throwable failure) {
        OasstCall.Outcome outcome = failure != null
                ? OasstCall.Outcome.FAILED
                : reconciled ? OasstCall.Outcome.RECONCILED : OasstCall.Outcome.SUCCEEDED;
        return new OasstCall(
                operation,
                outcome,
                Math.max(1, attempts),
                Duration.ofNanos(Math.max(0, nanoClock.getAsLong() - start)),
                failure,
                failures);
    }

    /** Forgets the call's failures: the call has ended. */
    synchronized void end() {
        for (Key key : registered) {
            PENDING.remove(key, this);
        }
        registered.clear();
    }

    /** A failure by identity: exceptions of the same kind and message are different failures. */
    private record Key(Throwable failure) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.failure == failure;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(failure);
        }
    }

    /** An {@link Error} thrown by an attempt, wrapped so that Resilience4j counts the call. */
    static final class AttemptError extends Exception {
        private static final long serialVersionUID = 1L;

        AttemptError(Throwable error) {
            super(error.toString(), error, false, false);
        }
    }
}
