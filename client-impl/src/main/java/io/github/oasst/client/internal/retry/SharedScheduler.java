package io.github.oasst.client.internal.retry;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The waits of retries that belong to no client ({@code OasstFeign.capability}, {@code
 * OasstRetries}): one daemon thread, started at the first wait, shared by them all. It only starts
 * the next attempt when a wait ends.
 */
public final class SharedScheduler {
    private SharedScheduler() {}

    private static final class Holder {
        static final ScheduledExecutorService INSTANCE = create("oasst-retry-scheduler");
    }

    /** The shared scheduler. */
    public static ScheduledExecutorService get() {
        return Holder.INSTANCE;
    }

    /** A scheduler of one daemon thread, started at its first task; cancelled waits leave its queue. */
    public static ScheduledExecutorService create(String threadName) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
