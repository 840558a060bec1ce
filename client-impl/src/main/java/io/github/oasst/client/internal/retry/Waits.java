package io.github.oasst.client.internal.retry;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where Resilience4j schedules one call's next attempt: on the client's scheduler, remembering the
 * wait, so that a call ended from outside (cancelled, interrupted, closed) ends its wait at once:
 * the next attempt runs now, sees the call ended, and Resilience4j ends the call as it ends any other
 * (its counts, its events), instead of a dropped wait leaving it unfinished. Resilience4j uses only
 * {@link #schedule(Runnable, long, TimeUnit)}; a wait scheduled after the call ended runs at once.
 */
final class Waits extends AbstractExecutorService implements ScheduledExecutorService {
    private final ScheduledExecutorService scheduler;
    private final Supplier<@Nullable Throwable> ended;
    private @Nullable Runnable next;
    private @Nullable ScheduledFuture<?> timer;

    Waits(ScheduledExecutorService scheduler, Supplier<@Nullable Throwable> ended) {
        this.scheduler = scheduler;
        this.ended = ended;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable attempt, long delay, TimeUnit unit) {
        synchronized (this) {
            next = attempt;
            timer = null;
        }
        if (ended.get() == null) {
            try {
                ScheduledFuture<?> scheduled = scheduler.schedule(this::runNext, delay, unit);
                synchronized (this) {
                    if (next == attempt) {
                        timer = scheduled;
                        return scheduled;
                    }
                }
                return scheduled; // ended meanwhile: already run
            } catch (RuntimeException rejected) {
                // the scheduler is shut down: the client is closing
            }
        }
        runNext();
        return new Ran();
    }

    /**
     * Ends the wait now, if the call waits: its next attempt runs on this thread (unless the
     * scheduler has just handed it over, which runs it there).
     */
    void endNow() {
        ScheduledFuture<?> pending;
        synchronized (this) {
            pending = timer;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        runNext();
    }

    private void runNext() {
        Runnable attempt;
        synchronized (this) {
            attempt = next;
            next = null;
            timer = null;
        }
        if (attempt != null) {
            attempt.run();
        }
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    /** A wait that was not taken: the next attempt ran at once. */
    private static final class Ran extends java.util.concurrent.CompletableFuture<Object>
            implements ScheduledFuture<Object> {
        Ran() {
            complete(null);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(java.util.concurrent.Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
