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
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * The OASST client from {@code oasst.*}: an {@link OasstClient}, its {@link OasstTasksApi} and
 * {@link OasstTasksAsyncApi} (the same Feign path, retried per method) and the interfaces of the
 * rest of the API ({@code OasstMessagesApi}, …), each unless the application has its own. It
 * applies when {@code oasst.base-url} or {@code oasst.api-key} is set, and then refuses to start
 * without both, or with one that cannot work ({@link OasstSettings}). Retries follow {@code
 * oasst.retry.*}, or for an operation whose Retry the application configured ({@code
 * resilience4j.retry.instances.oasst-fetch-task}, …), that one ({@link RetrySources}); the circuit
 * breaker ({@code oasst}) comes from the application's registry.
 */
@AutoConfiguration(
        afterName = {
            "io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration",
            "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@Conditional(OnOasstProperties.class)
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
    private static final String JACKSON_2_MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";

    /**
     * The JSON library of the client's codec, as {@code oasst.json} says; {@code auto}: Jackson 3
     * when it is on the application's class path (Spring Boot 4's default), else Jackson 2.
     */
    @Bean
    @ConditionalOnMissingBean
    OasstJson oasstJson(OasstProperties properties, ResourceLoader resourceLoader) {
        ClassLoader classLoader = resourceLoader.getClassLoader();
        boolean jackson3 = ClassUtils.isPresent(JACKSON_3_MAPPER, classLoader);
        OasstProperties.Json json = properties.getJson();
        if (json == OasstProperties.Json.JACKSON2 && !ClassUtils.isPresent(JACKSON_2_MAPPER, classLoader)) {
            throw new OasstConfigurationException(
                    "oasst.json",
                    "oasst.json=jackson2, and Jackson 2 (com.fasterxml.jackson.core:jackson-databind) is not on the class path",
                    "Add com.fasterxml.jackson.core:jackson-databind to the application, or set oasst.json=auto.");
        }
        return json == OasstProperties.Json.JACKSON3 || (json == OasstProperties.Json.AUTO && jackson3)
                ? OasstJson.jackson3()
                : OasstJson.jackson2();
    }

    @Bean
    @ConditionalOnMissingBean
    OasstClientHealth oasstClientHealth() {
        return new OasstClientHealth(Clock.systemUTC());
    }

    /**
     * The client's registries and which settings each operation's retries follow, said once in the
     * log ({@link RetrySources}); the circuit breaker: the application's registry's {@code oasst}
     * instance, or none.
     */
    @Bean
    @ConditionalOnMissingBean
    OasstResilience oasstResilience(
            OasstProperties properties,
            ObjectProvider<RetryRegistry> retryRegistry,
            ObjectProvider<CircuitBreakerRegistry> circuitBreakers) {
        CircuitBreakerRegistry breakers = circuitBreakers.getIfAvailable();
        CircuitBreaker breaker = null;
        if (breakers != null) {
            breaker = breakers.find(CIRCUIT_BREAKER)
                    .orElseGet(() -> breakers.circuitBreaker(
                            CIRCUIT_BREAKER,
                            OasstResilience4j.withClientRules(CircuitBreakerConfig.from(breakers.getDefaultConfig()))
                                    .build()));
        }
        RetryPolicy policy = OasstSettings.retryPolicy(properties.getRetry());
        RetryRegistry retries = retryRegistry.getIfAvailable();
        Map<OasstOperation, String> sources =
                RetrySources.apply(properties.getRetry().isEnabled(), policy, retries);
        RetrySources.log(sources, policy);
        return new OasstResilience(
                retries == null ? RetryRegistry.ofDefaults() : retries, retries != null, breaker, sources);
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
        OasstClientBuilder builder = OasstSettings.builder(properties, json)
                .retryPolicy(OasstSettings.retryPolicy(properties.getRetry()))
                .retryRegistry(resilience.retryRegistry())
                .virtualThreads(virtualThreads(properties, environment))
                .listener(health);
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

    /** {@code oasst.virtual-threads}, else {@code spring.threads.virtual.enabled}, else false. */
    static boolean virtualThreads(OasstProperties properties, Environment environment) {
        Boolean own = properties.getVirtualThreads();
        return own != null ? own : environment.getProperty("spring.threads.virtual.enabled", Boolean.class, false);
    }
}
