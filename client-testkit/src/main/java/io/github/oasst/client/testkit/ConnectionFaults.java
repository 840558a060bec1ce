package io.github.oasst.client.testkit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Connection faults at random: each request fails with probability {@code rate}, with one of the
 * {@code kinds}, each equally likely; drawn from a seeded generator, so that a frontend sending the
 * same requests in the same order meets the same faults. Counts what it injected.
 */
public final class ConnectionFaults {
    private final double rate;
    private final long seed;
    private final List<ConnectionFault> kinds;
    private final Duration delay;
    private final Random random;
    private final Map<ConnectionFault, Long> injected = new EnumMap<>(ConnectionFault.class);

    private ConnectionFaults(double rate, long seed, Set<ConnectionFault> kinds, Duration delay) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be in [0, 1], got " + rate);
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("kinds must not be empty");
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        this.rate = rate;
        this.seed = seed;
        this.kinds = List.copyOf(EnumSet.copyOf(kinds));
        this.delay = delay;
        this.random = new Random(seed);
    }

    /**
     * Faults of the given kinds at the rate, from the seed; {@link ConnectionFault#DELAY_ANSWER}
     * delays by 2 s.
     */
    public static ConnectionFaults of(double rate, long seed, Set<ConnectionFault> kinds) {
        Objects.requireNonNull(kinds, "kinds");
        return new ConnectionFaults(rate, seed, kinds, Duration.ofSeconds(2));
    }

    /** The same faults, with another delay for {@link ConnectionFault#DELAY_ANSWER}. */
    public ConnectionFaults withDelay(Duration delay) {
        return new ConnectionFaults(rate, seed, EnumSet.copyOf(kinds), Objects.requireNonNull(delay, "delay"));
    }

    public double rate() {
        return rate;
    }

    public Set<ConnectionFault> kinds() {
        return EnumSet.copyOf(kinds);
    }

    /** How late a {@link ConnectionFault#DELAY_ANSWER} answer comes. */
    public Duration delay() {
        return delay;
    }

    /** The faults injected so far, by kind. */
    public synchronized Map<ConnectionFault, Long> injected() {
        return Map.copyOf(injected);
    }

    /** The fault for the next request, or null: it goes through. */
    synchronized @Nullable ConnectionFault next() {
        if (random.nextDouble() >= rate) {
            return null;
        }
        ConnectionFault fault = kinds.get(random.nextInt(kinds.size()));
        injected.merge(fault, 1L, Long::sum);
        return fault;
    }

    @Override
    public String toString() {
        return "ConnectionFaults[rate=" + rate + ", seed=" + seed + ", kinds=" + kinds + ", delay=" + delay + "]";
    }
}
