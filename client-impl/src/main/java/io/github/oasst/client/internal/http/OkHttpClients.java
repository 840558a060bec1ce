package io.github.oasst.client.internal.http;

import java.util.Objects;
import okhttp3.OkHttpClient;

/** The OkHttp settings the client insists on. */
public final class OkHttpClients {
    private OkHttpClients() {}

    /**
     * The client itself when it neither follows redirects (they would carry the API key elsewhere)
     * nor silently repeats requests after a connection failure (OkHttp would send a POST twice), and
     * has the network interceptor that tells whether a failed request had gone out; else a copy so
     * made, sharing its connection pool and dispatcher.
     */
    public static OkHttpClient harden(OkHttpClient okHttpClient) {
        Objects.requireNonNull(okHttpClient, "okHttpClient must not be null");
        boolean marks = okHttpClient.networkInterceptors().contains(Sending.MARK);
        if (marks
                && !okHttpClient.retryOnConnectionFailure()
                && !okHttpClient.followRedirects()
                && !okHttpClient.followSslRedirects()) {
            return okHttpClient;
        }
        OkHttpClient.Builder hardened = okHttpClient
                .newBuilder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false);
        if (!marks) {
            hardened.addNetworkInterceptor(Sending.MARK);
        }
        return hardened.build();
    }
}
