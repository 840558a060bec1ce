package io.github.oasst.client.internal.retry;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import org.jspecify.annotations.Nullable;

/**
 * A failed attempt as Resilience4j sees it, with the call's decision, which the retry
 * configuration's stateless predicate ({@link #retried}) and {@link Interval} read off it. Its
 * cause, message and {@code toString()} are the failure's, in Resilience4j's events too.
 */
final class Attempt extends Exception {
    private static final long serialVersionUID = 1L;

    final transient Throwable failure;
    private final boolean retried;
    private final long waitMillis;

    Attempt(Throwable failure, boolean retried, long waitMillis) {
        super(null, failure, false, false);
        this.failure = failure;
        this.retried = retried;
        this.waitMillis = waitMillis;
    }

    @Override
    public String getMessage() {
        return failure.getMessage();
    }

    @Override
    public String toString() {
        return failure.toString();
    }

    static boolean retried(Throwable thrown) {
        return thrown instanceof Attempt attempt && attempt.retried;
    }

    /** The wait the call decided on; a configuration made elsewhere keeps its own waits here. */
    record Interval(@Nullable IntervalBiFunction<Object> configured) implements IntervalBiFunction<Object> {
        @Override
        public Long apply(Integer attempts, Either<Throwable, Object> outcome) {
            return outcome.isLeft() && outcome.getLeft() instanceof Attempt attempt
                    ? Math.max(0, attempt.waitMillis)
                    : 0L;
        }
    }
}
