package io.github.oasst.spring.boot;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.OasstResilience4j;
import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Resilience4j beside Spring Boot: the client's rule of what counts against the backend in the
 * {@code oasst} circuit breaker of Resilience4j's starter ({@link OasstResilience4j}), the Retry
 * meters of the client's own registry, and, with the actuator, which settings each operation's
 * retries follow in {@code info}. The Retry instances get no customizer: one would make
 * Resilience4j's starter create every {@code oasst-*} instance with its own defaults, hiding {@code
 * oasst.retry.*} ({@link RetrySources} puts the client's rules into the instances the application
 * configured).
 */
@Configuration(proxyBeanMethods = false)
class OasstResilience4jConfiguration {
    /**
     * For Resilience4j's Spring Boot starter: the {@code oasst} circuit breaker counts only failures
     * of the backend ({@link OasstResilience4j#countsAgainstTheBackend}), not 4xx answers.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CircuitBreakerConfigCustomizer.class)
    static class Customizers {
        @Bean
        CircuitBreakerConfigCustomizer oasstCircuitBreakerCustomizer() {
            return CircuitBreakerConfigCustomizer.of(
                    OasstAutoConfiguration.CIRCUIT_BREAKER, OasstResilience4j::withClientRules);
        }
    }

    /**
     * The Retry meters ({@code resilience4j.retry.calls}) of the client's own registry; those of the
     * application's registry are its Resilience4j starter's to bind.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({TaggedRetryMetrics.class, MeterRegistry.class})
    static class Metrics {
        @Bean
        MeterBinder oasstRetryMetrics(OasstResilience resilience) {
            return registry -> {
                if (!resilience.applications()) {
                    TaggedRetryMetrics.ofRetryRegistry(resilience.retryRegistry())
                            .bindTo(registry);
                }
            };
        }
    }

    /** With the actuator: which settings each operation's retries follow, in {@code info} ({@code oasst}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(InfoContributor.class)
    static class Info {
        @Bean
        InfoContributor oasstInfoContributor(OasstClient oasstClient, OasstResilience resilience) {
            return new OasstInfoContributor(oasstClient, resilience);
        }
    }
}
