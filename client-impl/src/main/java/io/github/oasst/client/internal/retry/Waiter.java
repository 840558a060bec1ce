package io.github.oasst.client.internal.retry;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Time for the retry loop: the clock, blocking waits and scheduled (non-blocking) waits. */
public interface Waiter {
    /** The real clock; scheduled waits run on the JDK's shared delay scheduler, no thread is blocked. */
    Waiter SYSTEM = new Waiter() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }

        @Override
        public void schedule(long millis, Runnable task) {
            CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS, Runnable::run)
                    .execute(task);
        }
    };

    long nanoTime();

    /** Blocks the calling thread (synchronous calls). */
    void sleep(long millis) throws InterruptedException;

    /** Runs the task after the wait without blocking a thread (asynchronous calls). */
    void schedule(long millis, Runnable task);
}
