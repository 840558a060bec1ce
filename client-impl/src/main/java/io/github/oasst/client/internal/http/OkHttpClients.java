package io.github.oasst.client.internal.http;

import java.util.Objects;
import okhttp3.OkHttpClient;

/** The OkHttp settings the client insists on. */
public final class OkHttpClients {
    private OkHttpClients() {}

    /**
     * The client itself when it neither follows redirects (they would carry the API key elsewhere)
     * nor silently repeats requests after a connection failure (OkHttp would send a POST twice);
     * else a copy without both, sharing its connection pool and dispatcher.
     */
    public static OkHttpClient harden(OkHttpClient okHttpClient) {
        Objects.requireNonNull(okHttpClient, "okHttpClient must not be null");
        if (!okHttpClient.retryOnConnectionFailure()
                && !okHttpClient.followRedirects()
                && !okHttpClient.followSslRedirects()) {
            return okHttpClient;
        }
        return okHttpClient
                .newBuilder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }
}
