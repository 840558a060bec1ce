package io.github.oasst.client;

import feign.AsyncFeign;
import feign.BaseBuilder;
import feign.Capability;
import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.RequestLine;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.internal.feign.OasstCapability;
import io.github.oasst.client.internal.feign.RetryingDecorator;
import io.github.oasst.client.internal.http.ApiKeyInterceptor;
import io.github.oasst.client.internal.http.BaseUrlTarget;
import io.github.oasst.client.internal.http.FeignOptions;
import io.github.oasst.client.internal.http.OkHttpFeignClient;
import io.github.oasst.client.internal.http.ParsedContract;
import io.github.oasst.client.internal.http.RedactingLogger;
import io.github.oasst.client.internal.http.UserAgentInterceptor;
import io.github.oasst.client.internal.retry.Retrier;
import io.github.oasst.client.protocol.TaskRequest;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Builds the Feign clients of {@link OasstTasksApi} (and of the rest of the API) that {@link
 * OasstClient} sends through, from the components {@link OasstFeign} hands out: one OkHttp client
 * (which sends the {@code User-Agent}), options, encoder, decoder and error decoder shared by all,
 * the API-key interceptor, the redacting logger at the configured level, Feign's own retryer off,
 * the client's capability, and the base URL as target. One {@code Feign} (and one {@code
 * AsyncFeign}) makes them all, from interfaces parsed once: a per-user view's clients cost only
 * their method handlers.
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
    private final ParsedContract contract = new ParsedContract();
    private final Capability capability;
    /** Every blocking Feign client of the client is made by this one. */
    private final Feign feign;
    /** Every asynchronous one by this, made at the first. */
    private volatile @Nullable AsyncFeign<Object> asyncFeign;

    /** @param retrier runs every call of the Feign clients made here */
    TasksFeign(
            String baseUrl,
            okhttp3.OkHttpClient http,
            FeignOptions options,
            String apiKey,
            @Nullable String product,
            Logger.Level logLevel,
            OasstJson json,
            Retrier retrier) {
        this.encoder = OasstFeign.encoder(json);
        this.decoder = OasstFeign.decoder(json);
        this.errorDecoder = OasstFeign.errorDecoder(json);
        this.baseUrl = baseUrl;
        this.client = new OkHttpFeignClient(http, UserAgentInterceptor.value(product));
        this.options = options;
        this.apiKey = new ApiKeyInterceptor(apiKey);
        this.logLevel = logLevel;
        this.capability = OasstCapability.of(new RetryingDecorator(retrier));
        this.feign = configured(Feign.builder().client(client)).build();
    }

    Client client() {
        return client;
    }

    Request.Options options() {
        return options;
    }

    /**
     * A Feign client of one of the client's interfaces, running each call under the retrier; naming a
     * user in every request when {@code userHeader} is not null (a per-user view).
     */
    <T> T create(Class<T> api, @Nullable String userHeader) {
        return feign.newInstance(new BaseUrlTarget<>(api, baseUrl, userHeader));
    }

    /**
     * An {@code AsyncFeign} client of an asynchronous interface, on OkHttp's asynchronous calls,
     * running each call under the retrier; {@code userHeader} as {@link #create}.
     */
    <T> T createAsync(Class<T> api, @Nullable String userHeader) {
        AsyncFeign<Object> async = asyncFeign;
        if (async == null) {
            synchronized (this) {
                async = asyncFeign;
                if (async == null) {
                    async = configured(AsyncFeign.<Object>builder().client(client))
                            .build();
                    asyncFeign = async;
                }
            }
        }
        return async.newInstance(new BaseUrlTarget<>(api, baseUrl, userHeader));
    }

    /**
     * Feign's builder, blocking or asynchronous, with the client's components; the capability turns
     * Feign's own retryer off and runs each call under the retrier.
     */
    private <B extends BaseBuilder<B, ?>> B configured(B builder) {
        return builder.contract(contract)
                .options(options)
                .encoder(encoder)
                .decoder(decoder)
                .errorDecoder(errorDecoder)
                .requestInterceptor(apiKey)
                .logger(new RedactingLogger())
                .logLevel(logLevel)
                .addCapability(capability);
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
