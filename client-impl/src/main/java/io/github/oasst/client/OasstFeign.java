package io.github.oasst.client;

import feign.Capability;
import feign.Client;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import feign.jackson.JacksonEncoder;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.feign.Resilience4jFeign;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The client's Feign components, for applications that build Feign clients of {@link
 * io.github.oasst.client.api.OasstTasksApi} themselves (Spring Cloud OpenFeign beans, for example).
 * {@link OasstClient} is built from the same components: its {@link OasstClient#tasksApi()} is such a
 * Feign client, and its own methods send the same requests with the same encoding, decoding and
 * error decoding (without Feign's per-call work while its log level is {@code NONE}).
 */
public final class OasstFeign {
    private OasstFeign() {}

    /**
     * Adds {@code X-API-Key} to every request. The key must be printable ASCII without control
     * characters; it never appears in a log line, an exception message or {@code toString()}.
     *
     * @throws IllegalArgumentException if the key is blank or holds a character that could not go
     *     into a header (the message gives its index, never the key)
     */
    public static RequestInterceptor apiKeyInterceptor(String apiKey) {
        return new ApiKeyInterceptor(Objects.requireNonNull(apiKey, "apiKey must not be null"));
    }

    /**
     * Sets {@code User-Agent} to {@code oasst-java-client/<version> (Java <n>)}, after the given
     * product token when not null (for example {@code my-bot/1.2}).
     */
    public static RequestInterceptor userAgentInterceptor(@Nullable String product) {
        return new UserAgentInterceptor(product);
    }

    /** Encodes the protocol records as JSON (feign-jackson with the client's ObjectMapper). */
    public static Encoder encoder() {
        return new JacksonEncoder(Json.MAPPER);
    }

    /** Decodes 2xx bodies; see {@link io.github.oasst.client.api.OasstDecodeException}. */
    public static Decoder decoder() {
        return new OasstDecoder();
    }

    /** Turns non-2xx responses into {@link io.github.oasst.client.api.OasstError}. */
    public static ErrorDecoder errorDecoder() {
        return new OasstErrorDecoder();
    }

    /**
     * Feign's request log at SLF4J DEBUG on {@code io.github.oasst.client.http}, without the API key
     * at any level.
     */
    public static Logger logger() {
        return new RedactingLogger();
    }

    /**
     * Unwraps and translates Feign's exceptions into the client's, without retrying. Install it (or
     * {@link #capability(RetryPolicy)}) so that calls raise only {@link
     * io.github.oasst.client.api.OasstException}s.
     */
    public static Capability capability() {
        return Resilience4jFeign.capability(new OasstFeignDecorator(null));
    }

    /** Like {@link #capability()}, and runs calls under the retry policy (a new Retry registry). */
    public static Capability capability(RetryPolicy policy) {
        return capability(policy, RetryRegistry.ofDefaults(), null);
    }

    /**
     * Like {@link #capability()}, and runs calls under the retry policy, with the operations'
     * Retry instances in the given registry (named {@code oasst-fetch-task}, {@code oasst-ack-task},
     * …) and, when not null, each attempt through the circuit breaker. Set the Feign client's own
     * {@code Retryer} to {@code Retryer.NEVER_RETRY} so that retries do not multiply.
     */
    public static Capability capability(RetryPolicy policy, RetryRegistry registry, @Nullable CircuitBreaker breaker) {
        Objects.requireNonNull(policy, "policy must not be null");
        Objects.requireNonNull(registry, "registry must not be null");
        return Resilience4jFeign.capability(
                new OasstFeignDecorator(new Retrier(policy, registry, breaker, Waiter.SYSTEM)));
    }

    /**
     * A Feign client over a copy of the given OkHttp client that neither follows redirects (they
     * would carry the API key elsewhere) nor silently repeats requests after a connection failure
     * (OkHttp would send a POST twice). The copy shares the original's connection pool.
     */
    public static Client client(okhttp3.OkHttpClient okHttpClient) {
        return new feign.okhttp.OkHttpClient(harden(okHttpClient));
    }

    /** Feign request options matching the OkHttp client's timeouts, with redirects off. */
    public static Request.Options options(okhttp3.OkHttpClient okHttpClient) {
        return new Request.Options(
                okHttpClient.connectTimeoutMillis(),
                TimeUnit.MILLISECONDS,
                okHttpClient.readTimeoutMillis(),
                TimeUnit.MILLISECONDS,
                false);
    }

    static okhttp3.OkHttpClient harden(okhttp3.OkHttpClient okHttpClient) {
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
