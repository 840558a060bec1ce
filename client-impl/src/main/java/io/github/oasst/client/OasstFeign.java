package io.github.oasst.client;

import feign.AsyncClient;
import feign.Capability;
import feign.Client;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import io.github.oasst.client.internal.codec.JsonEncoder;
import io.github.oasst.client.internal.codec.OasstDecoder;
import io.github.oasst.client.internal.codec.OasstErrorDecoder;
import io.github.oasst.client.internal.feign.OasstCapability;
import io.github.oasst.client.internal.feign.RetryingDecorator;
import io.github.oasst.client.internal.http.ApiKeyInterceptor;
import io.github.oasst.client.internal.http.FeignOptions;
import io.github.oasst.client.internal.http.OkHttpClients;
import io.github.oasst.client.internal.http.OkHttpFeignClient;
import io.github.oasst.client.internal.http.RedactingLogger;
import io.github.oasst.client.internal.http.UserAgentInterceptor;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The client's Feign components, for applications that build Feign clients of {@link
 * io.github.oasst.client.api.OasstTasksApi} themselves (Spring Cloud OpenFeign beans, for example).
 * {@link OasstClient} is built from exactly these: its calls and its {@link OasstClient#tasksApi()}
 * go through a Feign client of the interface with this client, options, encoder, decoder, error
 * decoder, interceptors, logger and capability.
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
     * product token when not null (for example {@code my-bot/1.2}). Without it, {@link
     * #client(okhttp3.OkHttpClient)} sends {@code oasst-java-client/<version> (Java <n>)}.
     */
    public static RequestInterceptor userAgentInterceptor(@Nullable String product) {
        return new UserAgentInterceptor(product);
    }

    /**
     * Encodes the protocol records as UTF-8 JSON with the client's Jackson 2 mapper (what
     * feign-jackson writes, with one Jackson writer per body type instead of one per call).
     */
    public static Encoder encoder() {
        return encoder(OasstJson.jackson2());
    }

    /** Encodes the protocol records as UTF-8 JSON with the given library. */
    public static Encoder encoder(OasstJson json) {
        return new JsonEncoder(
                Objects.requireNonNull(json, "json must not be null").mapping());
    }

    /** Decodes 2xx bodies with Jackson 2; see {@link io.github.oasst.client.api.OasstDecodeException}. */
    public static Decoder decoder() {
        return decoder(OasstJson.jackson2());
    }

    /** Decodes 2xx bodies with the given library. */
    public static Decoder decoder(OasstJson json) {
        return new OasstDecoder(
                Objects.requireNonNull(json, "json must not be null").mapping());
    }

    /** Turns non-2xx responses into {@link io.github.oasst.client.api.OasstError}, reading them with Jackson 2. */
    public static ErrorDecoder errorDecoder() {
        return errorDecoder(OasstJson.jackson2());
    }

    /** Turns non-2xx responses into {@link io.github.oasst.client.api.OasstError} with the given library. */
    public static ErrorDecoder errorDecoder(OasstJson json) {
        return new OasstErrorDecoder(
                Objects.requireNonNull(json, "json must not be null").mapping());
    }

    /**
     * Feign's request log at SLF4J DEBUG on {@code io.github.oasst.client.http}, without the API key
     * at any level.
     */
    public static Logger logger() {
        return new RedactingLogger();
    }

    /**
     * Unwraps and translates Feign's exceptions into the client's, without retrying, and keeps
     * Feign's own {@code Retryer} from retrying (it would repeat a POST). Install it (or {@link
     * #capability(OasstClient)}) so that calls raise only {@link
     * io.github.oasst.client.api.OasstException}s.
     */
    public static Capability capability() {
        return OasstCapability.of(new RetryingDecorator(null));
    }

    /**
     * Like {@link #capability()}, and runs calls as the client runs its own: under its retry policy,
     * Retry instances, circuit breaker and listeners, closed when it is, with its request
     * options (timeouts) for each call. The way to give a Feign client of the client's interfaces
     * built elsewhere (a Spring Cloud {@code @FeignClient}) the client's retries, so that it behaves
     * as {@link OasstClient#tasksApi()}. It sets the Feign client's own {@code Retryer} to {@code
     * Retryer.NEVER_RETRY}, so that retries do not multiply.
     */
    public static Capability capability(OasstClient client) {
        return OasstCapability.of(new RetryingDecorator(
                Objects.requireNonNull(client, "client must not be null").retrier()));
    }

    /**
     * Feign's client over a copy of the given OkHttp client that neither follows redirects (they
     * would carry the API key elsewhere) nor silently repeats requests after a connection failure
     * (OkHttp would send a POST twice); the copy shares the original's connection pool. It sends what
     * feign-okhttp's client sends, with less work per call (see {@code docs/benchmarks.md}), and
     * {@code User-Agent: oasst-java-client/<version> (Java <n>)} when a request has none.
     */
    public static Client client(okhttp3.OkHttpClient okHttpClient) {
        return new OkHttpFeignClient(OkHttpClients.harden(okHttpClient), UserAgentInterceptor.value(null));
    }

    /**
     * Feign's asynchronous client over the same copy of the OkHttp client as {@link
     * #client(okhttp3.OkHttpClient)}, for an {@code AsyncFeign} client of {@link
     * io.github.oasst.client.api.OasstTasksAsyncApi}: each request is OkHttp's own asynchronous call
     * (its dispatcher's threads and limits), cancelled when its future is.
     */
    public static AsyncClient<Object> asyncClient(okhttp3.OkHttpClient okHttpClient) {
        return new OkHttpFeignClient(OkHttpClients.harden(okHttpClient), UserAgentInterceptor.value(null));
    }

    /**
     * The client's own {@code feign.Client} (its OkHttp client, connection pool and dispatcher,
     * {@code User-Agent}), for a Feign client of {@link io.github.oasst.client.api.OasstTasksApi}
     * built elsewhere that should send as {@link OasstClient#tasksApi()} does.
     */
    public static Client client(OasstClient client) {
        return Objects.requireNonNull(client, "client must not be null").feign().client();
    }

    /** The client's own request options (its timeouts, redirects off); see {@link #client(OasstClient)}. */
    public static Request.Options options(OasstClient client) {
        return Objects.requireNonNull(client, "client must not be null").feign().options();
    }

    /**
     * Feign request options matching the OkHttp client's timeouts, with redirects off, so that
     * {@link #client(okhttp3.OkHttpClient)} sends with that client as it is.
     */
    public static Request.Options options(okhttp3.OkHttpClient okHttpClient) {
        return new FeignOptions(Objects.requireNonNull(okHttpClient, "okHttpClient must not be null"));
    }
}
