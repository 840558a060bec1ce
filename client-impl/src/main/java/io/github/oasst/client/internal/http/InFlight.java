package io.github.oasst.client.internal.http;

import java.util.function.Supplier;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * The OkHttp call of an asynchronous attempt, so that cancelling the caller's future cancels the
 * exchange on the wire. Feign's asynchronous method handler does not pass cancellation on to its
 * client's future, so the attempt is opened in a scope on the starting thread, and {@link
 * OkHttpFeignClient} attaches the call it starts there (Feign starts it on that thread, before
 * returning the future).
 */
public final class InFlight {
    private static final ThreadLocal<InFlight> OPENING = new ThreadLocal<>();

    private @Nullable Call call;
    private boolean cancelled;

    /** Runs {@code start}, attaching the OkHttp call it starts on this thread to this scope. */
    public <T> T open(Supplier<T> start) {
        InFlight outer = OPENING.get();
        OPENING.set(this);
        try {
            return start.get();
        } finally {
            if (outer == null) {
                OPENING.remove();
            } else {
                OPENING.set(outer);
            }
        }
    }

    /** Cancels the attached call, and any call attached later. */
    public void cancel() {
        Call attached;
        synchronized (this) {
            cancelled = true;
            attached = call;
        }
        if (attached != null) {
            attached.cancel();
        }
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Attaches the call to the scope open on this thread, if any. */
    static void attach(Call call) {
        InFlight scope = OPENING.get();
        if (scope == null) {
            return;
        }
        boolean cancel;
        synchronized (scope) {
            scope.call = call;
            cancel = scope.cancelled;
        }
        if (cancel) {
            call.cancel();
        }
    }
}
