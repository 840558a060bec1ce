package io.github.oasst.client.internal.retry;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a client is open, and its calls in progress: after {@link #close()} every new call fails
 * at once with {@link IllegalStateException}, and the calls in progress end promptly with one (their
 * exchanges cancelled, their waits ended), each as a call ends: once, told to its listeners.
 */
public final class Lifecycle {
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** @throws IllegalStateException when the client is closed */
    public void ensureOpen() {
        if (closed) {
            throw closedException();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Tracks a call until it ends; ends it at once when the client is closed meanwhile. */
    void started(Call call) {
        calls.add(call);
        if (closed) {
            call.end(closedException());
        }
    }

    void ended(Call call) {
        calls.remove(call);
    }

    /** Closes: refuses new calls, ends those in progress. Idempotent. */
    public void close() {
        closed = true;
        for (Call call : calls) {
            call.end(closedException());
        }
    }

    private static IllegalStateException closedException() {
        return new IllegalStateException("the OASST client is closed");
    }
}
