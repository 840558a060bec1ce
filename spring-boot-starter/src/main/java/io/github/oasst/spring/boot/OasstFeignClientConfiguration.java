package io.github.oasst.spring.boot;

import feign.Capability;
import feign.Client;
import feign.Contract;
import feign.DefaultContract;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstFeign;
import io.github.oasst.client.OasstJson;
import org.springframework.cloud.openfeign.FeignLoggerFactory;
import org.springframework.context.annotation.Bean;

/**
 * For a Spring Cloud OpenFeign client of {@code OasstTasksApi}: {@code @FeignClient(name = "oasst",
 * url = "${oasst.base-url}", configuration = OasstFeignClientConfiguration.class)}. Its beans live in
 * that client's own context and make it send as the auto-configured {@link OasstClient}'s {@code
 * tasksApi()} does: Feign's own contract, the client's {@code feign.Client} (its OkHttp client and
 * connections), options, JSON codec, API-key and User-Agent interceptors, redacting logger, and its
 * retries, listeners and observations through {@link OasstFeign#capability(OasstClient)}; Feign's
 * own retryer off. Not a {@code @Configuration}: scanned, its beans would apply to every Feign
 * client of the application.
 */
public class OasstFeignClientConfiguration {
    /** Feign's own annotations ({@code @RequestLine}), not Spring MVC's. */
    @Bean
    Contract feignContract() {
        return new DefaultContract();
    }

    @Bean
    Client feignClient(OasstClient oasstClient) {
        return OasstFeign.client(oasstClient);
    }

    @Bean
    Request.Options feignRequestOptions(OasstClient oasstClient) {
        return OasstFeign.options(oasstClient);
    }

    @Bean
    Encoder feignEncoder(OasstJson oasstJson) {
        return OasstFeign.encoder(oasstJson);
    }

    @Bean
    Decoder feignDecoder(OasstJson oasstJson) {
        return OasstFeign.decoder(oasstJson);
    }

    @Bean
    ErrorDecoder feignErrorDecoder(OasstJson oasstJson) {
        return OasstFeign.errorDecoder(oasstJson);
    }

    @Bean
    RequestInterceptor oasstApiKeyInterceptor(OasstProperties properties) {
        return OasstFeign.apiKeyInterceptor(OasstSettings.apiKey(properties));
    }

    @Bean
    RequestInterceptor oasstUserAgentInterceptor(OasstProperties properties) {
        return OasstFeign.userAgentInterceptor(properties.getUserAgent());
    }

    /**
     * The client's retries, reconciliation, listeners and observations, as for its own calls; it also
     * turns Feign's own retryer off.
     */
    @Bean
    Capability oasstCapability(OasstClient oasstClient) {
        return OasstFeign.capability(oasstClient);
    }

    @Bean
    Logger.Level feignLoggerLevel(OasstProperties properties) {
        return properties.getLogLevel();
    }

    /** Feign's log without the API key at any level, at DEBUG on {@code io.github.oasst.client.http}. */
    @Bean
    FeignLoggerFactory oasstFeignLoggerFactory() {
        Logger logger = OasstFeign.logger();
        return type -> logger;
    }
}
