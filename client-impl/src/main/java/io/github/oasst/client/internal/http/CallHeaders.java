package io.github.oasst.client.internal.http;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Headers that go with every request of a call (a trace context), set on the thread that starts
 * each attempt: {@link OkHttpFeignClient} adds them to the request it makes there, before sending
 * it or handing it to OkHttp's dispatcher.
 */
public final class CallHeaders {
    private static final ThreadLocal<Map<String, String>> CURRENT = new ThreadLocal<>();

    private CallHeaders() {}

    /** Runs {@code start} with these headers for the requests it makes on this thread. */
    public static <T, E extends Throwable> T with(Map<String, String> headers, Start<T, E> start) throws E {
        if (headers.isEmpty()) {
            return start.get();
        }
        Map<String, String> outer = CURRENT.get();
        CURRENT.set(headers);
        try {
            return start.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    static @Nullable Map<String, String> current() {
        return CURRENT.get();
    }

    /** What starts an attempt. */
    @FunctionalInterface
    public interface Start<T, E extends Throwable> {
        T get() throws E;
    }
}
