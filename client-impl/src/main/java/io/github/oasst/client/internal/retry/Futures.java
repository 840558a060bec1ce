package io.github.oasst.client.internal.retry;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Future plumbing that keeps the client's exceptions unwrapped and cancellation going upstream. */
public final class Futures {
    private Futures() {}

    /**
     * The future's value mapped; fails with the future's failure or the mapping's exception itself
     * (never wrapped in {@code CompletionException}, as {@code thenApply} would); cancelling the
     * result cancels the future.
     */
    public static <A, B> CompletableFuture<B> map(
            CompletableFuture<A> future, Function<? super A, ? extends B> mapping) {
        CompletableFuture<B> mapped = new CompletableFuture<>();
        future.whenComplete((value, failure) -> {
            if (failure != null) {
                mapped.completeExceptionally(failure);
                return;
            }
            try {
                mapped.complete(mapping.apply(value));
            } catch (RuntimeException e) {
                mapped.completeExceptionally(e);
            }
        });
        mapped.whenComplete((value, failure) -> {
            if (mapped.isCancelled()) {
                future.cancel(false);
            }
        });
        return mapped;
    }
}
