package io.github.oasst.client;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Future plumbing that keeps the client's exceptions unwrapped and cancellation going upstream. */
final class Futures {
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
            } catch (Throwable e) { // an Error too: the future never stays incomplete
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

    /**
     * The future of {@code next}, started with the first future's value; fails with either one's
     * failure itself; cancelling the result cancels the future it waits for.
     */
    public static <A, B> CompletableFuture<B> compose(
            CompletableFuture<A> first, Function<? super A, ? extends CompletableFuture<B>> next) {
        CompletableFuture<B> composed = new CompletableFuture<>();
        first.whenComplete((value, failure) -> {
            if (failure != null) {
                composed.completeExceptionally(failure);
                return;
            }
            CompletableFuture<B> second;
            try {
                second = next.apply(value);
            } catch (Throwable e) {
                composed.completeExceptionally(e);
                return;
            }
            second.whenComplete((result, secondFailure) -> {
                if (secondFailure != null) {
                    composed.completeExceptionally(secondFailure);
                } else {
                    composed.complete(result);
                }
            });
            composed.whenComplete((result, ignored) -> {
                if (composed.isCancelled()) {
                    second.cancel(false);
                }
            });
        });
        composed.whenComplete((result, failure) -> {
            if (composed.isCancelled()) {
                first.cancel(false);
            }
        });
        return composed;
    }
}
