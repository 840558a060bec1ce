package io.github.oasst.client.retry;

import java.util.Map;

/**
 * Told of every call of a client ({@link io.github.oasst.client.OasstClientBuilder#listener}), blocking or asynchronous,
 * for metrics, tracing or a health check: each call ends exactly once, whatever ends it (its
 * outcome, a cancel, an interrupt, the deadline, the client's closing). A lambda is told of each
 * call's end; for tracing, {@link #callStarted} observes a call from its start, with headers for
 * each of its requests. Listeners must be quick; what they throw (an {@code Error} too) is logged and
 * ignored, and never keeps a call from ending.
 */
@FunctionalInterface
public interface OasstCallListener {
    /** A call ended, on the thread that ended it. */
    void callEnded(OasstCall call);

    /**
     * A call starts, on the thread that makes it (its caller's context is current there). Returns
     * what observes it to its end; by default this listener, without headers. The Spring Boot
     * starter's listener returns a Micrometer {@code Observation} of the call.
     */
    default Observation callStarted(OasstOperation operation) {
        return this::callEnded;
    }

    /** What observes one call, from its start to its end. */
    @FunctionalInterface
    interface Observation {
        /**
         * Headers sent with each request of the call, for example a trace context ({@code
         * traceparent}); a header the request has already keeps its value. Read when each attempt
         * starts. Default none.
         */
        default Map<String, String> headers() {
            return Map.of();
        }

        /** The call ended; as {@link OasstCallListener#callEnded}. */
        void callEnded(OasstCall call);
    }
}
