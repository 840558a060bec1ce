package io.github.oasst.spring.boot;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.data.MessageQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The health indicator's own look at the backend: a cheap read that both server versions answer
 * and that checks the key, {@value #REQUEST} (a trusted key and an untrusted one alike; a wrong,
 * disabled or missing one gets 403), sent through a client of its own with one attempt. A result
 * stands for the interval: the probe runs when health is asked for and the last result is older, on
 * the asking thread, one probe at a time (a health request meanwhile gets the last result). No
 * thread of its own, nothing sent while nobody asks.
 */
final class OasstHealthProbe implements AutoCloseable {
    static final String REQUEST = "GET /api/v1/messages/?max_count=1";

    /** A probe's outcome: when it ended, how long it took, and its failure (null when answered 200). */
    record Result(Instant at, Duration took, @Nullable Throwable failure) {
        Result {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(took, "took");
        }
    }

    private final Runnable probe;
    private final Runnable close;
    private final Duration interval;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private volatile @Nullable Result last;

    OasstHealthProbe(Runnable probe, Runnable close, Duration interval, Clock clock) {
        checkInterval(interval);
        this.probe = probe;
        this.close = close;
        this.interval = interval;
        this.clock = clock;
    }

    /** Refuses an interval that is not positive, naming its property. */
    static void checkInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new OasstConfigurationException(
                    "oasst.health.interval",
                    "oasst.health.interval must be positive, got " + interval,
                    "Set oasst.health.interval to how long a probe's result stands, for example 30s.");
        }
    }

    /** Probes with the client's messages interface: one message, no user. */
    static OasstHealthProbe of(OasstClient client, Duration interval, Clock clock) {
        return new OasstHealthProbe(
                () -> client.data()
                        .messages()
                        .queryMessages(MessageQuery.builder().maxCount(1).build()),
                client::close,
                interval,
                clock);
    }

    /**
     * The latest result, probing first when there is none or it is older than the interval; null
     * while the first probe runs on another thread.
     */
    @Nullable
    Result current() {
        Result result = last;
        if ((result == null || stale(result)) && running.tryLock()) {
            try {
                result = last;
                if (result == null || stale(result)) {
                    result = probe();
                    last = result;
                }
            } finally {
                running.unlock();
            }
        }
        return last;
    }

    Duration interval() {
        return interval;
    }

    Clock clock() {
        return clock;
    }

    private boolean stale(Result result) {
        return Duration.between(result.at(), clock.instant()).compareTo(interval) >= 0;
    }

    private Result probe() {
        Instant start = clock.instant();
        Throwable failure = null;
        try {
            probe.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        Instant end = clock.instant();
        Duration took = Duration.between(start, end);
        return new Result(end, took.isNegative() ? Duration.ZERO : took, failure);
    }

    @Override
    public void close() {
        close.run();
    }
}
