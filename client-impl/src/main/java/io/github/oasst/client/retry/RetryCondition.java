package io.github.oasst.client.retry;

import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstException;

/**
 * Decides whether a failed attempt of an operation is retried (the attempt budget, the operations
 * and the deadline of the {@link RetryPolicy} still apply).
 */
@FunctionalInterface
public interface RetryCondition {

    /**
     * The default: retry what the server did not process ({@link FailureClass#NOT_PROCESSED}) for
     * every operation, and ambiguous failures ({@link FailureClass#AMBIGUOUS}) for every operation
     * but {@link OasstOperation#POST_INTERACTION} and {@link OasstOperation#WRITE}, which could do
     * their work twice.
     */
    RetryCondition DEFAULT = (operation, failure) -> switch (failure.failureClass()) {
        case NOT_PROCESSED -> true;
        case AMBIGUOUS -> operation != OasstOperation.POST_INTERACTION && operation != OasstOperation.WRITE;
        case DEFINITE -> false;
    };

    /** Whether to retry after this failure of this operation. */
    boolean shouldRetry(OasstOperation operation, OasstException failure);

    /** Retries only when both conditions agree. */
    default RetryCondition and(RetryCondition other) {
        return (operation, failure) -> shouldRetry(operation, failure) && other.shouldRetry(operation, failure);
    }

    /** Retries when either condition says so. */
    default RetryCondition or(RetryCondition other) {
        return (operation, failure) -> shouldRetry(operation, failure) || other.shouldRetry(operation, failure);
    }
}
