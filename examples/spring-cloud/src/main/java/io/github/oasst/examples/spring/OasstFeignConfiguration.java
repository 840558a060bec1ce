package io.github.oasst.examples.spring;

import feign.Capability;
import feign.Client;
import feign.Contract;
import feign.DefaultContract;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstFeign;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.springframework.cloud.openfeign.FeignLoggerFactory;
import org.springframework.context.annotation.Bean;

/**
 * The beans of the {@code oasst} Feign client's own context: the client's Feign components from
 * {@link OasstFeign}, in place of Spring Cloud OpenFeign's defaults.
 *
 * <p>Deliberately not a {@code @Configuration}: component scanning would then register these beans in
 * the application context, where every Feign client (and anything injecting a {@link Contract} or a
 * {@link Decoder}) would get them. Named in {@code @FeignClient(configuration = ...)}, they exist only
 * in the client's context, whose parent is the application context (for {@link OasstProperties}).
 */
class OasstFeignConfiguration {

    /**
     * Feign's default contract (what {@code Feign.builder()} uses): the interface carries Feign's own
     * annotations ({@code @RequestLine}), not Spring MVC's. {@code DefaultContract} is feign 13.12's
     * name for the deprecated {@code Contract.Default}.
     */
    @Bean
    Contract feignContract() {
        return new DefaultContract();
    }

    @Bean
    RequestInterceptor oasstApiKeyInterceptor(OasstProperties properties) {
        return OasstFeign.apiKeyInterceptor(properties.apiKey());
    }

    @Bean
    RequestInterceptor oasstUserAgentInterceptor() {
        return OasstFeign.userAgentInterceptor("oasst-spring-cloud-example");
    }

    /** The client's JSON encoder, on its own Jackson 2 ObjectMapper, not Boot's. */
    @Bean
    Encoder feignEncoder() {
        return OasstFeign.encoder();
    }

    @Bean
    Decoder feignDecoder() {
        return OasstFeign.decoder();
    }

    @Bean
    ErrorDecoder feignErrorDecoder() {
        return OasstFeign.errorDecoder();
    }

    /** Translates Feign's exceptions into the client's; retries are {@link FrontendTasks}'s. */
    @Bean
    Capability oasstCapability() {
        return OasstFeign.capability();
    }

    /** Resilience4j retries in {@link FrontendTasks}; Feign's would multiply them. */
    @Bean
    Retryer feignRetryer() {
        return Retryer.NEVER_RETRY;
    }

    /**
     * Feign's request log without the API key at any level ({@code
     * spring.cloud.openfeign.client.config.oasst.logger-level}), at DEBUG on {@code
     * io.github.oasst.client.http}. A factory, so that Spring Cloud's Slf4jLogger is never used.
     */
    @Bean
    FeignLoggerFactory oasstFeignLoggerFactory() {
        Logger logger = OasstFeign.logger();
        return type -> logger;
    }

    /**
     * The connections, kept alive as long as {@link OasstClient}'s own ({@link
     * OasstClient#DEFAULT_KEEP_ALIVE}: under the keep-alive of the server the OASST backend runs on).
     * Emptied when the client's context closes.
     */
    @Bean(destroyMethod = "evictAll")
    ConnectionPool oasstConnectionPool() {
        return new ConnectionPool(5, OasstClient.DEFAULT_KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Bean
    OkHttpClient oasstOkHttpClient(OasstProperties properties, ConnectionPool oasstConnectionPool) {
        return new OkHttpClient.Builder()
                .connectionPool(oasstConnectionPool)
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .writeTimeout(properties.readTimeout())
                .callTimeout(properties.callTimeout())
                .build();
    }

    /**
     * The client's {@code feign.Client} on OkHttp, without redirects and without OkHttp's silent
     * repeats (Spring Cloud OpenFeign 5 has no OkHttp support).
     */
    @Bean
    Client feignClient(OkHttpClient oasstOkHttpClient) {
        return OasstFeign.client(oasstOkHttpClient);
    }

    /**
     * The OkHttp client's timeouts, redirects off. Without this bean Spring Cloud OpenFeign would use
     * Feign's default options (redirects on), and the client applies a call's options over the
     * OkHttp client's. Spring Cloud 5.0.4 keeps these values when {@code
     * spring.cloud.openfeign.client.config.oasst.*} properties are set, unless they set the timeouts
     * or {@code follow-redirects} themselves.
     */
    @Bean
    Request.Options feignRequestOptions(OkHttpClient oasstOkHttpClient) {
        return OasstFeign.options(oasstOkHttpClient);
    }
}
