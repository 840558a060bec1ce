package io.github.oasst.client.internal.retry;

import io.github.resilience4j.core.functions.CheckedSupplier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The thread of a blocking call, running its attempts: the first at once, each later one when its
 * wait (on the client's scheduler) ends and hands it over. The thread waits for them in between, so
 * the waits are the scheduler's (one time source for blocking and asynchronous calls, no sleeping
 * thread), and an interrupt of the waiting thread ends the call at once.
 */
final class CallerThread {
    private final Thread owner = Thread.currentThread();
    private final BlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
    private boolean done;

    /** Runs the attempt on the caller's thread: now when called there, else when the thread takes it. */
    <T> CompletionStage<T> run(CheckedSupplier<T> attempt) {
        Handed<T> task = new Handed<>(attempt);
        if (Thread.currentThread() != owner) {
            synchronized (this) {
                if (!done) {
                    work.add(task);
                    return task.outcome;
                }
            }
            task.abandon();
            return task.outcome;
        }
        task.run();
        return task.outcome;
    }

    /**
     * Runs the call's attempts until it ends, and returns its result or throws its failure. An
     * interrupt ends the call ({@code interrupted}), and the thread's interrupt status is kept.
     */
    <T> T await(CompletableFuture<T> result, Consumer<InterruptedException> interrupted) throws Throwable {
        result.whenComplete((value, failure) -> work.add(() -> {}));
        boolean wasInterrupted = false;
        try {
            while (!result.isDone()) {
                try {
                    work.take().run();
                } catch (InterruptedException e) {
                    wasInterrupted = true;
                    interrupted.accept(e);
                }
            }
        } finally {
            List<Runnable> left = new ArrayList<>();
            synchronized (this) {
                done = true;
                work.drainTo(left);
            }
            for (Runnable task : left) {
                if (task instanceof Handed<?> attempt) {
                    attempt.abandon(); // not run: the call has ended
                }
            }
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            throw cause(e);
        }
    }

    private static Throwable cause(CompletionException e) {
        @Nullable Throwable cause = e.getCause();
        return cause == null ? e : cause;
    }

    /** An attempt handed to the caller's thread. */
    private static final class Handed<T> implements Runnable {
        private final CheckedSupplier<T> attempt;
        private final CompletableFuture<T> outcome = new CompletableFuture<>();

        Handed(CheckedSupplier<T> attempt) {
            this.attempt = attempt;
        }

        @Override
        public void run() {
            try {
                outcome.complete(attempt.get());
            } catch (Throwable failure) {
                outcome.completeExceptionally(failure);
            }
        }

        void abandon() {
            outcome.completeExceptionally(new IllegalStateException("the call's thread no longer waits for it"));
        }
    }
}
