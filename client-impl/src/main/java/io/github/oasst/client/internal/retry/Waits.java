package io.github.oasst.client.internal.retry;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The scheduler as one call's Resilience4j {@code Retry} sees it: the next attempt starts when its
 * wait on the client's scheduler ends, on the call's thread ({@code starts}), or at once when the
 * call is {@link #end() ended}, so that Resilience4j ends the call then (the attempt finds it ended).
 */
final class Waits extends AbstractExecutorService implements ScheduledExecutorService {
    private final ScheduledExecutorService scheduler;
    private final Executor starts;
    private final Call call;
    private @Nullable Runnable next;
    private @Nullable ScheduledFuture<?> wait;
    private boolean ended;

    Waits(ScheduledExecutorService scheduler, Executor starts, Call call) {
        this.scheduler = scheduler;
        this.starts = starts;
        this.call = call;
    }

    /** Resilience4j's one use of its scheduler: the next attempt, after a wait (none once ended). */
    @Override
    public ScheduledFuture<?> schedule(Runnable attempt, long delay, TimeUnit unit) {
        boolean now;
        synchronized (this) {
            next = attempt;
            wait = null;
            now = ended;
        }
        ScheduledFuture<?> scheduled;
        try {
            scheduled = scheduler.schedule(() -> starts.execute(this::startNext), now ? 0 : delay, unit);
        } catch (RejectedExecutionException e) {
            call.end(new IllegalStateException("the OASST client's scheduler is shut down", e));
            throw e;
        }
        boolean endedMeanwhile;
        synchronized (this) {
            wait = scheduled;
            endedMeanwhile = ended && !now;
        }
        if (endedMeanwhile && scheduled.cancel(false)) {
            starts.execute(this::startNext);
        }
        return scheduled;
    }

    /** Starts the attempt that waits, if any, at once: it finds the call ended. */
    void end() {
        ScheduledFuture<?> waiting;
        synchronized (this) {
            ended = true;
            waiting = wait;
        }
        if (waiting == null || waiting.cancel(false)) {
            starts.execute(this::startNext);
        }
    }

    private void startNext() {
        Runnable attempt;
        synchronized (this) {
            attempt = next;
            next = null;
        }
        if (attempt != null) {
            attempt.run();
        }
    }

    @Override
    public void execute(Runnable task) {
        starts.execute(task);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void shutdown() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Runnable> shutdownNow() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isShutdown() {
        return scheduler.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return scheduler.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }
}
