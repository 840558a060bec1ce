package io.github.oasst.client;

import io.github.oasst.client.internal.http.OkHttpClients;
import io.github.oasst.client.internal.http.VirtualThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OkHttp client an {@link OasstClient} sends with, from its builder's settings: the caller's,
 * or one of the client's own, on virtual threads where the JVM has them unless turned off.
 */
final class HttpClients {
    private static final Logger LOG = LoggerFactory.getLogger(OasstClientBuilder.class);

    private HttpClients() {}

    /**
     * Refuses settings that contradict each other; tells when virtual threads were asked for and the
     * JVM has none.
     *
     * @throws IllegalStateException when {@code maxAsyncRequests} is set with a caller's OkHttp client
     */
    static void check(OasstClientBuilder builder) {
        if (builder.okHttpClient != null && builder.maxAsyncRequests != null) {
            throw new IllegalStateException("maxAsyncRequests applies to the client's own OkHttp client only: with"
                    + " okHttpClient(...), set the limits on its Dispatcher (setMaxRequests, setMaxRequestsPerHost)");
        }
        if (Boolean.TRUE.equals(builder.virtualThreads)
                && builder.okHttpClient == null
                && !VirtualThreads.available()) {
            LOG.info(
                    "Virtual threads need Java 21 or later, this is Java {}: asynchronous calls run on platform threads",
                    Runtime.version().feature());
        }
    }

    /** Whether the client's own OkHttp client runs its calls on virtual threads. */
    static boolean virtualThreads(OasstClientBuilder builder) {
        return builder.okHttpClient == null
                && !Boolean.FALSE.equals(builder.virtualThreads)
                && VirtualThreads.available();
    }

    /**
     * The caller's OkHttp client (a copy sharing its pool and dispatcher, whose limits then apply) or
     * one of the client's own, with the builder's timeouts, hardened ({@link OkHttpClients#harden}).
     */
    static okhttp3.OkHttpClient of(OasstClientBuilder builder) {
        okhttp3.OkHttpClient given = builder.okHttpClient;
        okhttp3.OkHttpClient.Builder http;
        if (given == null) {
            boolean virtual = virtualThreads(builder);
            Integer max = builder.maxAsyncRequests;
            int maxRequests = max != null
                    ? max
                    : virtual
                            ? OasstClientBuilder.DEFAULT_MAX_REQUESTS_ON_VIRTUAL_THREADS
                            : OasstClient.DEFAULT_MAX_REQUESTS;
            http = OkHttpClients.own(
                            maxRequests,
                            OasstClient.DEFAULT_MAX_IDLE_CONNECTIONS,
                            OasstClient.DEFAULT_KEEP_ALIVE,
                            virtual)
                    .connectTimeout(OasstClient.DEFAULT_CONNECT_TIMEOUT)
                    .readTimeout(OasstClient.DEFAULT_READ_TIMEOUT)
                    .writeTimeout(OasstClient.DEFAULT_READ_TIMEOUT)
                    .callTimeout(OasstClient.DEFAULT_CALL_TIMEOUT);
        } else {
            http = given.newBuilder();
        }
        if (builder.connectTimeout != null) {
            http.connectTimeout(builder.connectTimeout);
        }
        if (builder.readTimeout != null) {
            http.readTimeout(builder.readTimeout).writeTimeout(builder.readTimeout);
        }
        if (builder.callTimeout != null) {
            http.callTimeout(builder.callTimeout);
        }
        return OkHttpClients.harden(http.build());
    }
}
