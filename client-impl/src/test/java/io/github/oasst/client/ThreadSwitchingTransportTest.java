package io.github.oasst.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.oasst.client.TestSupport.USER;
import static io.github.oasst.client.TestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import feign.AsyncClient;
import feign.AsyncFeign;
import feign.BaseBuilder;
import feign.Client;
import feign.Feign;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTasksAsyncApi;
import io.github.oasst.client.protocol.TaskRequest;
import io.github.oasst.client.protocol.TaskRequestType;
import io.github.oasst.client.retry.OasstCall;
import io.github.oasst.client.retry.OasstCallListener;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.retry.RetryPolicy;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Feign client whose transport hands each request to another thread (a wrapper of the client's
 * {@code feign.Client}, as tracing or bulkhead libraries make) still sends each call's headers and
 * still has its exchange cancelled when the call ends: a call's data travels with its request, in
 * Feign's per-call options, not in the calling thread.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ThreadSwitchingTransportTest {
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @RegisterExtension
    static WireMockExtension backend = TestSupport.wireMock();

    private final ExecutorService elsewhere = Executors.newCachedThreadPool();
    /** Its read timeout far beyond the tests' waits, so that only a cancel ends an exchange early. */
    private final okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder()
            .readTimeout(java.time.Duration.ofMinutes(2))
            .build();

    private final OasstClient client = OasstClient.builder()
            .baseUrl(backend.baseUrl())
            .apiKey(TestSupport.API_KEY)
            .okHttpClient(http) // the caller's: closing the client cancels only its own calls' exchanges
            .retryPolicy(RetryPolicy.disabled())
            .listener(new OasstCallListener() {
                @Override
                public void callEnded(OasstCall call) {}

                @Override
                public Observation callStarted(OasstOperation operation) {
                    return new Observation() {
                        @Override
                        public Map<String, String> headers() {
                            return Map.of("traceparent", TRACEPARENT);
                        }

                        @Override
                        public void callEnded(OasstCall call) {}
                    };
                }
            })
            .build();

    @AfterEach
    void tearDown() {
        client.close();
        elsewhere.shutdownNow();
    }

    private OasstTasksApi blockingOnAnotherThread() {
        Client own = OasstFeign.client(client);
        Client switching = (request, options) -> {
            try {
                return elsewhere.submit(() -> own.execute(request, options)).get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof java.io.IOException io) {
                    throw io;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
        };
        return withTheClientsComponents(Feign.builder().client(switching))
                .target(OasstTasksApi.class, backend.baseUrl());
    }

    private OasstTasksAsyncApi asyncOnAnotherThread() {
        AsyncClient<Object> own = OasstFeign.asyncClient(http);
        AsyncClient<Object> switching = (request, options, context) -> CompletableFuture.supplyAsync(
                        () -> own.execute(request, options, context), elsewhere)
                .thenCompose(response -> response);
        return withTheClientsComponents(AsyncFeign.builder().client(switching))
                .target(OasstTasksAsyncApi.class, backend.baseUrl());
    }

    /** The client's own Feign components, its retries among them, on a builder of either kind. */
    private <B extends BaseBuilder<B, ?>> B withTheClientsComponents(B builder) {
        return builder.options(OasstFeign.options(client))
                .encoder(OasstFeign.encoder())
                .decoder(OasstFeign.decoder())
                .errorDecoder(OasstFeign.errorDecoder())
                .requestInterceptor(OasstFeign.apiKeyInterceptor(TestSupport.API_KEY))
                .addCapability(OasstFeign.capability(client));
    }

    private static void answerTask(int delayMillis) {
        backend.stubFor(post("/api/v1/tasks/")
                .willReturn(aResponse()
                        .withFixedDelay(delayMillis)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"hint\":\"Ask about tides.\",\"id\":\"7ce89c86-ed37-49b8-b32d-b97ccea394e9\","
                                + "\"type\":\"initial_prompt\"}")));
    }

    private static TaskRequest request() {
        return TaskRequest.of(TaskRequestType.INITIAL_PROMPT, USER);
    }

    @Test
    void theCallsHeadersGoWithARequestSentFromAnotherThread() {
        answerTask(0);

        blockingOnAnotherThread().requestTask(request());
        asyncOnAnotherThread().requestTask(request()).join();

        backend.verify(
                2, postRequestedFor(urlEqualTo("/api/v1/tasks/")).withHeader("traceparent", equalTo(TRACEPARENT)));
    }

    @Test
    void closingTheClientCancelsABlockingExchangeOnAnotherThread() throws Exception {
        answerTask(30_000);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        OasstTasksApi api = blockingOnAnotherThread();
        Thread caller = new Thread(() -> {
            try {
                api.requestTask(request());
                failure.complete(null);
            } catch (Throwable e) {
                failure.complete(e);
            }
        });
        caller.start();
        await(() -> received() == 1);
        assertThat(http.dispatcher().runningCallsCount()).isEqualTo(1);

        client.close();

        await(failure::isDone);
        assertThat(failure.join()).isInstanceOf(IllegalStateException.class).hasMessage("the OASST client is closed");
        await(() -> http.dispatcher().runningCallsCount() == 0);
    }

    @Test
    void cancellingACallCancelsItsExchangeOnAnotherThread() {
        answerTask(30_000);

        CompletableFuture<?> call = asyncOnAnotherThread().requestTask(request());
        await(() -> received() == 1);
        assertThat(http.dispatcher().runningCallsCount()).isEqualTo(1);
        call.cancel(true);

        await(() -> http.dispatcher().runningCallsCount() == 0);
        assertThat(received()).as("nothing sent again").isEqualTo(1);
    }

    private static int received() {
        return backend.findAll(postRequestedFor(urlEqualTo("/api/v1/tasks/"))).size();
    }
}
