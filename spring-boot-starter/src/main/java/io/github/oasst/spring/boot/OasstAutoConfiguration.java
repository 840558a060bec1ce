package io.github.oasst.spring.boot;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstClientBuilder;
import io.github.oasst.client.OasstJson;
import io.github.oasst.client.OasstResilience4j;
import io.github.oasst.client.api.OasstTasksApi;
import io.github.oasst.client.api.OasstTasksAsyncApi;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * The OASST client from {@code oasst.*}: an {@link OasstClient}, its {@link OasstTasksApi} and
 * {@link OasstTasksAsyncApi} (the same Feign path, retried per method) and the interfaces of the
 * rest of the API ({@code OasstMessagesApi}, …), each unless the application has its own. Without {@code oasst.base-url} it configures nothing. With the application's
 * Resilience4j registries (Resilience4j's Spring Boot starter) the client's Retry instances ({@code
 * oasst-fetch-task}, …) and circuit breaker ({@code oasst}) come from them.
 */
@AutoConfiguration(
        afterName = {
            "io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration",
            "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnProperty(prefix = "oasst", name = "base-url")
@EnableConfigurationProperties(OasstProperties.class)
@Import({
    OasstDataConfiguration.class,
    OasstObservationConfiguration.class,
    OasstResilience4jConfiguration.class,
    OasstHealthConfiguration.class
})
public class OasstAutoConfiguration {
    /** The name of the client's circuit breaker in the application's registry. */
    public static final String CIRCUIT_BREAKER = "oasst";

    private static final String JACKSON_3_MAPPER = "tools.jackson.databind.json.JsonMapper";

    /**
     * The JSON library of the client's codec, as {@code oasst.json} says; {@code auto}: Jackson 3
     * when it is on the application's class path (Spring Boot 4's default), else Jackson 2.
     */
    @Bean
    @ConditionalOnMissingBean
    OasstJson oasstJson(OasstProperties properties, ResourceLoader resourceLoader) {
        return switch (properties.getJson()) {
            case JACKSON2 -> OasstJson.jackson2();
            case JACKSON3 -> OasstJson.jackson3();
            case AUTO ->
                ClassUtils.isPresent(JACKSON_3_MAPPER, resourceLoader.getClassLoader())
                        ? OasstJson.jackson3()
                        : OasstJson.jackson2();
        };
    }

    @Bean
    @ConditionalOnMissingBean
    OasstClientHealth oasstClientHealth() {
        return new OasstClientHealth(Clock.systemUTC());
    }

    /** The client's circuit breaker: the application's registry's {@code oasst} instance, or none. */
    @Bean
    @ConditionalOnMissingBean
    OasstResilience oasstResilience(
            ObjectProvider<RetryRegistry> retryRegistry, ObjectProvider<CircuitBreakerRegistry> circuitBreakers) {
        CircuitBreakerRegistry breakers = circuitBreakers.getIfAvailable();
        CircuitBreaker breaker = null;
        if (breakers != null) {
            breaker = breakers.find(CIRCUIT_BREAKER)
                    .orElseGet(() -> breakers.circuitBreaker(
                            CIRCUIT_BREAKER,
                            OasstResilience4j.withClientRules(CircuitBreakerConfig.from(breakers.getDefaultConfig()))
                                    .build()));
        }
        RetryRegistry retries = retryRegistry.getIfAvailable();
        return new OasstResilience(retries == null ? RetryRegistry.ofDefaults() : retries, retries != null, breaker);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    OasstClient oasstClient(
            OasstProperties properties,
            OasstResilience resilience,
            OasstClientHealth health,
            OasstJson json,
            Environment environment,
            ObjectProvider<OasstClientBuilderCustomizer> customizers) {
        OasstClientBuilder builder = OasstClient.builder();
        try {
            builder.baseUrl(required(properties.getBaseUrl(), "oasst.base-url"))
                    .apiKey(required(properties.getApiKey(), "oasst.api-key"));
        } catch (IllegalArgumentException e) {
            String property = e.getMessage().startsWith("apiKey") ? "oasst.api-key" : "oasst.base-url";
            throw new OasstConfigurationException(property, property + ": " + e.getMessage());
        }
        builder.connectTimeout(properties.getConnectTimeout())
                .readTimeout(properties.getReadTimeout())
                .callTimeout(properties.getCallTimeout())
                .logLevel(properties.getLogLevel())
                .json(json)
                .retryPolicy(retryPolicy(properties.getRetry()))
                .retryRegistry(resilience.retryRegistry())
                .virtualThreads(virtualThreads(properties, environment))
                .listener(health);
        if (properties.getServerVersion() != null) {
            builder.serverVersion(properties.getServerVersion());
        }
        if (properties.getUserAgent() != null) {
            builder.userAgent(properties.getUserAgent());
        }
        if (resilience.circuitBreaker() != null) {
            builder.circuitBreaker(resilience.circuitBreaker());
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    OasstTasksApi oasstTasksApi(OasstClient oasstClient) {
        return oasstClient.tasksApi();
    }

    @Bean
    @ConditionalOnMissingBean
    OasstTasksAsyncApi oasstTasksAsyncApi(OasstClient oasstClient) {
        return oasstClient.tasksAsyncApi();
    }

    private static String required(@Nullable String value, String property) {
        if (value == null || value.isBlank()) {
            throw new OasstConfigurationException(property, property + " is not set");
        }
        return value.strip();
    }

    /** {@code oasst.virtual-threads}, else {@code spring.threads.virtual.enabled}, else false. */
    static boolean virtualThreads(OasstProperties properties, Environment environment) {
        Boolean own = properties.getVirtualThreads();
        return own != null ? own : environment.getProperty("spring.threads.virtual.enabled", Boolean.class, false);
    }

    static RetryPolicy retryPolicy(OasstProperties.Retry retry) {
        if (!retry.isEnabled()) {
            return RetryPolicy.disabled();
        }
        try {
            RetryPolicy.Builder policy = RetryPolicy.builder()
                    .maxAttempts(retry.getMaxAttempts())
                    .initialBackoff(retry.getInitialBackoff())
                    .multiplier(retry.getMultiplier())
                    .maxBackoff(retry.getMaxBackoff())
                    .jitter(retry.getJitter())
                    .deadline(retry.getDeadline());
            if (retry.getAmbiguousInteractions() != null) {
                policy.retryAmbiguousInteractions(retry.getAmbiguousInteractions());
            }
            return policy.build();
        } catch (IllegalArgumentException e) {
            throw new OasstConfigurationException("oasst.retry.*", "oasst.retry: " + e.getMessage());
        }
    }

    /** The registry name of an operation's Retry, for example {@code oasst-fetch-task}. */
    static String retryName(OasstOperation operation) {
        return "oasst-" + operation.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
