package io.github.oasst.client;

import java.util.Map;

/**
 * Observes each call of a client from its start to its end (given to {@link
 * OasstClientBuilder#observer}), for tracing: a span per call, whose context goes with each of the
 * call's requests. The Spring Boot starter implements it with a Micrometer {@code Observation}.
 */
@FunctionalInterface
public interface OasstCallObserver {
    /**
     * A call starts, on the thread that makes it (its caller's context is current there). Must be
     * quick and must not throw (an exception is logged, and the call goes unobserved).
     *
     * @return the call's observation
     */
    Observation callStarted(OasstOperation operation);

    /** What observes one call. */
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
