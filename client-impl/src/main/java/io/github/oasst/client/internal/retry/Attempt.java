package io.github.oasst.client.internal.retry;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import org.jspecify.annotations.Nullable;

/**
 * A failed attempt as Resilience4j's {@code Retry} sees it: the failure (its cause, and what its
 * message and {@code toString()} show, in Resilience4j's events too), and what the call decided of
 * it when it failed (whether to try again, after what wait). So the retry configuration's predicate
 * and interval read the decision off the failure itself, and keep no state.
 */
final class Attempt extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Throwable failure;
    private final boolean retried;
    private final long waitMillis;

    Attempt(Throwable failure, boolean retried, long waitMillis) {
        super(failure.toString(), failure, false, false);
        this.failure = failure;
        this.retried = retried;
        this.waitMillis = waitMillis;
    }

    /** As the failure reads: what Resilience4j's events show of the attempt. */
    @Override
    public String getMessage() {
        return failure.getMessage();
    }

    @Override
    public String toString() {
        return failure.toString();
    }

    /** The attempt's failure: the client's exception, or what else an attempt threw. */
    Throwable failure() {
        return failure;
    }

    /** Resilience4j's exception predicate: retry what its call decided to retry. */
    static boolean retried(Throwable thrown) {
        return thrown instanceof Attempt attempt && attempt.retried;
    }

    /**
     * Resilience4j's interval: the wait its call decided on, whatever the configuration's own waits.
     * A configuration made elsewhere under the client's rules keeps its waits here, for its calls to
     * use ({@link #configured}).
     */
    static final class Interval implements IntervalBiFunction<Object> {
        private final @Nullable IntervalBiFunction<Object> configured;

        Interval(@Nullable IntervalBiFunction<Object> configured) {
            this.configured = configured;
        }

        /** The waits of a configuration made elsewhere, null when the policy's apply. */
        @Nullable
        IntervalBiFunction<Object> configured() {
            return configured;
        }

        @Override
        public Long apply(Integer attempts, Either<Throwable, Object> outcome) {
            return outcome.isLeft() && outcome.getLeft() instanceof Attempt attempt
                    ? Math.max(0, attempt.waitMillis)
                    : 0L;
        }
    }
}
