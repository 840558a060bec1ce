package io.github.oasst.client.internal.retry;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a client is open, and its asynchronous calls in flight: after {@link #close()} every call
 * fails at once with {@link IllegalStateException}, and the calls in flight are cancelled (which
 * cancels their OkHttp calls and pending retries).
 */
public final class Lifecycle {
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** @throws IllegalStateException when the client is closed */
    public void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the OASST client is closed");
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Tracks an asynchronous call until it completes; cancels it at once when already closed. */
    void track(CompletableFuture<?> call) {
        inFlight.add(call);
        call.whenComplete((value, failure) -> inFlight.remove(call));
        if (closed) {
            call.cancel(false);
        }
    }

    /** Closes: refuses new calls, cancels those in flight. Idempotent. */
    public void close() {
        closed = true;
        for (CompletableFuture<?> call : inFlight) {
            call.cancel(false);
        }
    }
}
