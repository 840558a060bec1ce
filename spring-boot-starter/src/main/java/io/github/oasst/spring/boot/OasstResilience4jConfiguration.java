package io.github.oasst.spring.boot;

import io.github.oasst.client.OasstResilience4j;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Resilience4j beside Spring Boot: the client's rules in the instances its Spring Boot starter
 * configures, and the Retry meters of the client's own registry.
 */
@Configuration(proxyBeanMethods = false)
class OasstResilience4jConfiguration {
    /**
     * For Resilience4j's Spring Boot starter: an {@code oasst-*} instance configured in {@code
     * resilience4j.retry.instances} keeps its attempts and waits, and gets the client's rules of
     * which failure is retried ({@link RetryPolicy#withClientRules}); Resilience4j's own default
     * would retry every failure, a lost interaction included. Likewise the {@code oasst} circuit
     * breaker counts only failures of the backend ({@link OasstCircuitBreaker}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RetryConfigCustomizer.class)
    @Import(Customizers.RetryRules.class)
    static class Customizers {
        @Bean
        CircuitBreakerConfigCustomizer oasstCircuitBreakerCustomizer() {
            return CircuitBreakerConfigCustomizer.of(
                    OasstAutoConfiguration.CIRCUIT_BREAKER, OasstResilience4j::withClientRules);
        }

        /**
         * A {@link RetryConfigCustomizer} for the Retry instance of every {@link OasstOperation}
         * ({@code oasstFetchTaskRetryCustomizer}, …), so that an operation added to the client is
         * covered without a bean of its own here.
         */
        static class RetryRules implements ImportBeanDefinitionRegistrar {
            @Override
            public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
                for (OasstOperation operation : OasstOperation.values()) {
                    registry.registerBeanDefinition(
                            beanName(operation),
                            BeanDefinitionBuilder.genericBeanDefinition(
                                            RetryConfigCustomizer.class, () -> rules(operation))
                                    .getBeanDefinition());
                }
            }

            /** {@code oasst-fetch-task} becomes {@code oasstFetchTaskRetryCustomizer}. */
            static String beanName(OasstOperation operation) {
                StringBuilder name = new StringBuilder();
                for (String word : OasstAutoConfiguration.retryName(operation).split("-")) {
                    name.append(name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
                }
                return name.append("RetryCustomizer").toString();
            }

            /** Resilience4j hands its customizers a raw {@code RetryConfig.Builder}. */
            @SuppressWarnings("unchecked")
            private static RetryConfigCustomizer rules(OasstOperation operation) {
                return RetryConfigCustomizer.of(
                        OasstAutoConfiguration.retryName(operation), OasstResilience4j::withClientRules);
            }
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
}
