package io.github.oasst.client.retry;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@link RetryPolicy}, each checked when it is set: a builder's, which it changes,
 * or a policy's own copy, which nothing changes.
 */
final class RetrySettings {
    int maxAttempts = RetryPolicy.DEFAULT_MAX_ATTEMPTS;
    Duration initialBackoff = RetryPolicy.DEFAULT_INITIAL_BACKOFF;
    double multiplier = RetryPolicy.DEFAULT_MULTIPLIER;
    Duration maxBackoff = RetryPolicy.DEFAULT_MAX_BACKOFF;
    double jitter = RetryPolicy.DEFAULT_JITTER;
    Duration deadline = RetryPolicy.DEFAULT_DEADLINE;
    EnumSet<OasstOperation> operations = EnumSet.allOf(OasstOperation.class);
    /** The kinds set, or null: by the server's version. */
    @Nullable
    EnumSet<InteractionKind> ambiguousInteractions;

    RetryCondition condition = RetryCondition.DEFAULT;

    RetrySettings copy() {
        RetrySettings copy = new RetrySettings();
        copy.maxAttempts = maxAttempts;
        copy.initialBackoff = initialBackoff;
        copy.multiplier = multiplier;
        copy.maxBackoff = maxBackoff;
        copy.jitter = jitter;
        copy.deadline = deadline;
        copy.operations = EnumSet.copyOf(operations);
        copy.ambiguousInteractions = ambiguousInteractions == null ? null : EnumSet.copyOf(ambiguousInteractions);
        copy.condition = condition;
        return copy;
    }

    /** A copy whose settings hold together, for a policy. */
    RetrySettings checked() {
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalStateException(
                    "maxBackoff " + maxBackoff + " is shorter than initialBackoff " + initialBackoff);
        }
        return copy();
    }

    void maxAttempts(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + value);
        }
        maxAttempts = value;
    }

    void initialBackoff(Duration value) {
        initialBackoff = nonNegative(value, "initialBackoff");
    }

    void multiplier(double value) {
        if (!(value >= 1.0)) {
            throw new IllegalArgumentException("multiplier must be at least 1, got " + value);
        }
        multiplier = value;
    }

    void maxBackoff(Duration value) {
        maxBackoff = nonNegative(value, "maxBackoff");
    }

    void jitter(double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0, 1], got " + value);
        }
        jitter = value;
    }

    void deadline(Duration value) {
        deadline = nonNegative(value, "deadline");
    }

    void operations(Set<OasstOperation> values) {
        operations = enumSet(OasstOperation.class, values, "operations");
    }

    /** @param values the kinds, or null: by the server's version */
    void ambiguousInteractions(@Nullable Set<InteractionKind> values) {
        ambiguousInteractions = values == null ? null : enumSet(InteractionKind.class, values, "kinds");
    }

    void condition(RetryCondition value) {
        condition = Objects.requireNonNull(value, "condition must not be null");
    }

    private static Duration nonNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, () -> name + " must not be null");
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + duration);
        }
        return duration;
    }

    /** A copy of the values, none of them null. */
    private static <E extends Enum<E>> EnumSet<E> enumSet(Class<E> type, Set<E> values, String name) {
        Objects.requireNonNull(values, () -> name + " must not be null");
        EnumSet<E> copy = EnumSet.noneOf(type);
        for (E value : values) {
            copy.add(Objects.requireNonNull(value, () -> name + " must not hold null"));
        }
        return copy;
    }
}
