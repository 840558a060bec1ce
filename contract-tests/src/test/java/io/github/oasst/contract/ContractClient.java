package io.github.oasst.contract;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.retry.RetryPolicy;
import okhttp3.OkHttpClient;

/**
 * An {@link OasstClient} pointed at a Prism server, built as an application would build it (no
 * retries, so that each call is one exchange), whose OkHttp stack records every exchange.
 */
final class ContractClient implements AutoCloseable {
    /** Prism checks that the key is there, not its value. */
    static final String API_KEY = "contract-test-key";

    private final OkHttpClient http;
    private final OasstClient client;
    private final ExchangeRecorder recorder;

    ContractClient(PrismServer server, ExchangeRecorder recorder) {
        this.recorder = recorder;
        this.http = new OkHttpClient.Builder().addInterceptor(recorder).build();
        this.client = OasstClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(API_KEY)
                .retryPolicy(RetryPolicy.disabled())
                .okHttpClient(http)
                .build();
    }

    /** The facade. */
    OasstClient client() {
        return client;
    }

    /** The raw Feign interface of the same client. */
    OasstTasksApi api() {
        return client.tasksApi();
    }

    ExchangeRecorder recorder() {
        return recorder;
    }

    @Override
    public void close() {
        client.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
