package io.github.oasst.client.retry;

import io.github.oasst.client.api.OasstException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A call as it ended, reported to the {@link OasstCallListener}s of the client: for metrics,
 * tracing or a health check. Carries no API key.
 *
 * @param operation the operation
 * @param outcome how it ended
 * @param attempts the attempts made, at least 1
 * @param duration from the call's start to its end, waits between attempts included
 * @param failure the exception the call ended with, null unless {@link Outcome#FAILED}
 * @param failedAttempts the failures of its attempts that failed, in order: those retried, then,
 *     when it failed with the client's exception, that one (an answer that reconciled is no failure)
 */
public record OasstCall(
        OasstOperation operation,
        Outcome outcome,
        int attempts,
        Duration duration,
        @Nullable Throwable failure,
        List<OasstException> failedAttempts) {
    /** How a call ended. */
    public enum Outcome {
        /** Its last attempt succeeded. */
        SUCCEEDED,
        /**
         * A retry was answered {@code TASK_ALREADY_UPDATED} or {@code TASK_ALREADY_DONE} after an
         * ambiguous attempt, which proves that attempt took effect: a success.
         */
        RECONCILED,
        /** It failed; {@link #failure()} says how. */
        FAILED
    }

    public OasstCall {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(failedAttempts, "failedAttempts");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        if ((outcome == Outcome.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("a failure comes with the FAILED outcome, and only with it");
        }
        failedAttempts = List.copyOf(failedAttempts);
        if (failedAttempts.size() > attempts) {
            throw new IllegalArgumentException("more failed attempts than attempts");
        }
    }
}
