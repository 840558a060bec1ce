package io.github.oasst.client;

import feign.AsyncFeign;
import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.RequestLine;
import feign.Retryer;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTasksAsyncApi;
import io.github.oasst.client.internal.http.ApiKeyInterceptor;
import io.github.oasst.client.internal.http.BaseUrlTarget;
import io.github.oasst.client.internal.http.FeignOptions;
import io.github.oasst.client.internal.http.OkHttpFeignClient;
import io.github.oasst.client.internal.http.RedactingLogger;
import io.github.oasst.client.internal.http.UserAgentInterceptor;
import io.github.oasst.client.internal.retry.OasstCapability;
import io.github.oasst.client.internal.retry.Retrier;
import io.github.oasst.client.internal.retry.RetryingDecorator;
import io.github.oasst.client.protocol.TaskRequest;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Builds the Feign clients of {@link OasstTasksApi} (and of the rest of the API) that {@link
 * OasstClient} sends through, from the
 * components {@link OasstFeign} hands out: one OkHttp client (which sends the {@code User-Agent}),
 * options, encoder, decoder and error decoder shared by all, the API-key interceptor, the redacting
 * logger at the configured level, Feign's own retryer off, the client's capability, and the base URL
 * as target.
 */
final class TasksFeign {
    private final String baseUrl;
    private final OkHttpFeignClient client;
    private final FeignOptions options;
    private final ApiKeyInterceptor apiKey;
    private final Logger.Level logLevel;
    private final Encoder encoder;
    private final Decoder decoder;
    private final ErrorDecoder errorDecoder;

    TasksFeign(
            String baseUrl,
            okhttp3.OkHttpClient http,
            String apiKey,
            @Nullable String product,
            Logger.Level logLevel,
            OasstJson json) {
        this.encoder = OasstFeign.encoder(json);
        this.decoder = OasstFeign.decoder(json);
        this.errorDecoder = OasstFeign.errorDecoder(json);
        this.baseUrl = baseUrl;
        this.client = new OkHttpFeignClient(http, UserAgentInterceptor.value(product));
        this.options = new FeignOptions(http);
        this.apiKey = new ApiKeyInterceptor(apiKey);
        this.logLevel = logLevel;
    }

    Client client() {
        return client;
    }

    Request.Options options() {
        return options;
    }

    /** A Feign client running each call under the retrier. */
    OasstTasksApi create(Retrier retrier) {
        return create(OasstTasksApi.class, retrier);
    }

    /** A Feign client of one of the client's interfaces, running each call under the retrier. */
    <T> T create(Class<T> api, Retrier retrier) {
        return Feign.builder()
                .client(client)
                .options(options)
                .encoder(encoder)
                .decoder(decoder)
                .errorDecoder(errorDecoder)
                .requestInterceptor(apiKey)
                .logger(new RedactingLogger())
                .logLevel(logLevel)
                .retryer(Retryer.NEVER_RETRY)
                .addCapability(OasstCapability.of(new RetryingDecorator(retrier)))
                .target(new BaseUrlTarget<>(api, baseUrl));
    }

    /**
     * An {@code AsyncFeign} client of the asynchronous interface, on OkHttp's asynchronous calls,
     * running each call under the retrier.
     */
    OasstTasksAsyncApi createAsync(Retrier retrier) {
        return AsyncFeign.builder()
                .client(client)
                .options(options)
                .encoder(encoder)
                .decoder(decoder)
                .errorDecoder(errorDecoder)
                .requestInterceptor(apiKey)
                .logger(new RedactingLogger())
                .logLevel(logLevel)
                .retryer(Retryer.NEVER_RETRY)
                .addCapability(OasstCapability.of(new RetryingDecorator(retrier)))
                .target(new BaseUrlTarget<>(OasstTasksAsyncApi.class, baseUrl));
    }

    /** The path task requests go to, as the interface declares it, under the base URL's path. */
    String tasksPath() {
        try {
            String line = OasstTasksApi.class
                    .getMethod("requestTask", TaskRequest.class)
                    .getAnnotation(RequestLine.class)
                    .value();
            return URI.create(baseUrl).getRawPath() + line.substring(line.indexOf(' ') + 1);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
