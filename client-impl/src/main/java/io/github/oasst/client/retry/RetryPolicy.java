package io.github.oasst.client.retry;

import io.github.oasst.client.api.FailureClass;
import io.github.oasst.client.api.OasstError;
import io.github.oasst.client.api.OasstException;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * When and how often a failed call is tried again. Immutable; {@link #defaults()} is:
 *
 * <ul>
 *   <li>at most {@value #DEFAULT_MAX_ATTEMPTS} attempts per call;
 *   <li>exponential backoff from {@link #DEFAULT_INITIAL_BACKOFF 200 ms}, doubling, capped at {@link
 *       #DEFAULT_MAX_BACKOFF 5 s}, each wait drawn at random within ±{@value #DEFAULT_JITTER} of its
 *       value;
 *   <li>a server's {@code Retry-After} (or OASST's message {@code Too Many Requests. Retry After N
 *       seconds.}) replaces the backoff;
 *   <li>no attempt starts later than {@link #DEFAULT_DEADLINE 30 s} after the first: a wait that would
 *       end past the deadline is not taken;
 *   <li>every {@link OasstOperation}, with {@link RetryCondition#DEFAULT}: what the server did not
 *       process is retried for every operation, ambiguous failures for all but interactions;
 *   <li>an interaction whose answer was lost is sent again only where the server refuses a repeat
 *       with {@code TASK_ALREADY_DONE} (2105), which proves that the first was stored: on a 2023-05
 *       server a text reply, a ranking and labels ({@link InteractionKind#reconciledOn}); on a
 *       2023-01 server none, or a server of unknown version (unless {@link
 *       Builder#retryAmbiguousInteractions(Set)}).
 * </ul>
 */
public final class RetryPolicy {
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);
    public static final double DEFAULT_MULTIPLIER = 2.0;
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);
    public static final double DEFAULT_JITTER = 0.5;
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy DISABLED = builder().maxAttempts(1).build();

    /** The policy's own copy, which nothing changes. */
    private final RetrySettings settings;
    /** Resilience4j's jittered exponential backoff, or null when the first wait is zero. */
    private final @Nullable IntervalFunction backoff;

    private RetryPolicy(RetrySettings settings) {
        this.settings = settings;
        long initial = settings.initialBackoff.toMillis();
        this.backoff = initial < 1
                ? null
                : IntervalFunction.ofExponentialRandomBackoff(
                        initial, settings.multiplier, settings.jitter, Math.max(1, settings.maxBackoff.toMillis()));
    }

    /** The defaults described above. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** One attempt per call: nothing is retried. */
    public static RetryPolicy disabled() {
        return DISABLED;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder(new RetrySettings());
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        return new Builder(settings.copy());
    }

    public int maxAttempts() {
        return settings.maxAttempts;
    }

    public Duration initialBackoff() {
        return settings.initialBackoff;
    }

    public double multiplier() {
        return settings.multiplier;
    }

    public Duration maxBackoff() {
        return settings.maxBackoff;
    }

    public double jitter() {
        return settings.jitter;
    }

    public Duration deadline() {
        return settings.deadline;
    }

    public Set<OasstOperation> operations() {
        return Collections.unmodifiableSet(settings.operations);
    }

    /**
     * The kinds of interaction whose ambiguous failures are retried against a server of the version,
     * whatever the condition says: those set with {@link Builder#retryAmbiguousInteractions(Set)},
     * else {@link InteractionKind#reconciledOn} a 2023-05 server, and none for a 2023-01 server or
     * one of unknown version.
     *
     * @param server the server's version, null when not known
     */
    public Set<InteractionKind> ambiguousInteractions(@Nullable OasstServerVersion server) {
        Set<InteractionKind> kinds = settings.ambiguousInteractions;
        if (kinds != null) {
            return Collections.unmodifiableSet(kinds);
        }
        return server == OasstServerVersion.V2023_05 ? InteractionKind.reconciledOn(server) : Set.of();
    }

    /** Whether the interactions retried after a lost answer follow the server's version (the default). */
    public boolean ambiguousInteractionsFollowServerVersion() {
        return settings.ambiguousInteractions == null;
    }

    public RetryCondition condition() {
        return settings.condition;
    }

    /** Whether any call is ever retried. */
    public boolean enabled() {
        return settings.maxAttempts > 1 && !settings.operations.isEmpty();
    }

    /**
     * Whether this failure of this operation is retried (attempts and deadline left aside), for an
     * interaction of unknown kind and a server of unknown version: see {@link
     * #shouldRetry(OasstOperation, InteractionKind, OasstServerVersion, OasstException)}.
     */
    public boolean shouldRetry(OasstOperation operation, OasstException failure) {
        return shouldRetry(operation, null, null, failure);
    }

    /**
     * Whether this failure of this operation is retried (attempts and deadline left aside): the
     * operation is one of {@link #operations()}, and the {@link #condition()} says so or the
     * failure is an ambiguous one of an interaction of a kind in {@link
     * #ambiguousInteractions(OasstServerVersion)}.
     *
     * @param kind the interaction's kind, for {@link OasstOperation#POST_INTERACTION}; null when
     *     unknown or another operation
     * @param server the server's version, null when not known
     */
    public boolean shouldRetry(
            OasstOperation operation,
            @Nullable InteractionKind kind,
            @Nullable OasstServerVersion server,
            OasstException failure) {
        if (!settings.operations.contains(operation)) {
            return false;
        }
        return settings.condition.shouldRetry(operation, failure)
                || (operation == OasstOperation.POST_INTERACTION
                        && kind != null
                        && ambiguousInteractions(server).contains(kind)
                        && failure.failureClass() == FailureClass.AMBIGUOUS);
    }

    /**
     * The wait before attempt {@code failedAttempts + 1}: the server's {@code Retry-After} when the
     * failure carries one, else Resilience4j's exponential backoff with jitter ({@code
     * IntervalFunction.ofExponentialRandomBackoff}: the initial wait times the multiplier per earlier
     * failure, drawn within ±jitter of that, at most the longest backoff).
     */
    public Duration backoff(int failedAttempts, Throwable failure) {
        if (failure instanceof OasstError error && error.retryAfter().isPresent()) {
            return error.retryAfter().get();
        }
        IntervalFunction function = backoff;
        return function == null ? Duration.ZERO : Duration.ofMillis(function.apply(Math.max(1, failedAttempts)));
    }

    @Override
    public String toString() {
        RetrySettings s = settings;
        return "RetryPolicy[maxAttempts=" + s.maxAttempts + ", initialBackoff=" + s.initialBackoff + ", multiplier="
                + s.multiplier + ", maxBackoff=" + s.maxBackoff + ", jitter=" + s.jitter + ", deadline=" + s.deadline
                + ", operations=" + s.operations + ", ambiguousInteractions="
                + (s.ambiguousInteractions == null ? "by server version" : s.ambiguousInteractions) + "]";
    }

    /** Builds a {@link RetryPolicy}; every setting starts at its default. */
    public static final class Builder {
        private final RetrySettings settings;

        private Builder(RetrySettings settings) {
            this.settings = settings;
        }

        /** Attempts per call, the first included; 1 turns retries off. Default 3. */
        public Builder maxAttempts(int maxAttempts) {
            settings.maxAttempts(maxAttempts);
            return this;
        }

        /** The first wait. Default 200 ms. */
        public Builder initialBackoff(Duration initialBackoff) {
            settings.initialBackoff(initialBackoff);
            return this;
        }

        /** The factor each wait grows by. Default 2. */
        public Builder multiplier(double multiplier) {
            settings.multiplier(multiplier);
            return this;
        }

        /** The longest backoff wait (a server's Retry-After may ask for more). Default 5 s. */
        public Builder maxBackoff(Duration maxBackoff) {
            settings.maxBackoff(maxBackoff);
            return this;
        }

        /** How far each wait may stray from its value, as a fraction in [0, 1]. Default 0.5. */
        public Builder jitter(double jitter) {
            settings.jitter(jitter);
            return this;
        }

        /** No attempt starts later than this after the first. Default 30 s. */
        public Builder deadline(Duration deadline) {
            settings.deadline(deadline);
            return this;
        }

        /** The operations that may be retried at all. Default: all. */
        public Builder operations(Set<OasstOperation> operations) {
            settings.operations(operations);
            return this;
        }

        /**
         * Retries ambiguous failures (the answer lost, the request may have been stored) of
         * interactions of these kinds, whatever the server's version. {@link
         * InteractionKind#reconciledOn} says which kinds a server refuses to store twice with {@code
         * TASK_ALREADY_DONE} (2105), which then counts as success; a 2023-01 server refuses a repeated
         * ranking with 1004 (the call then fails, noting that it may have been stored) and stores
         * labels sent twice twice. Adds to the {@link #retryIf condition}, whichever is set first.
         * Default: by the server's version (see {@link RetryPolicy}).
         */
        public Builder retryAmbiguousInteractions(Set<InteractionKind> kinds) {
            settings.ambiguousInteractions(Objects.requireNonNull(kinds, "kinds must not be null"));
            return this;
        }

        /**
         * Retries ambiguous failures of the interactions that the server's version refuses to store
         * twice ({@link InteractionKind#reconciledOn} a 2023-05 server; none on a 2023-01 server or
         * one of unknown version): the default.
         */
        public Builder retryAmbiguousInteractionsByServerVersion() {
            settings.ambiguousInteractions(null);
            return this;
        }

        /**
         * Replaces the condition deciding which failures are retried. Default {@link
         * RetryCondition#DEFAULT}. {@link #retryAmbiguousInteractions(Set)} keeps adding to it.
         */
        public Builder retryIf(RetryCondition condition) {
            settings.condition(condition);
            return this;
        }

        /**
         * The policy.
         *
         * @throws IllegalStateException when the longest backoff is shorter than the first
         */
        public RetryPolicy build() {
            return new RetryPolicy(settings.checked());
        }
    }
}
