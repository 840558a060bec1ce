package io.github.oasst.spring.boot;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Micrometer's {@link ObservationRegistry} (Spring Boot's actuator), every call of the client
 * is an observation {@code oasst.client.calls}: a timer with {@code operation}, {@code outcome},
 * {@code status} and {@code error.code} tags, and with Micrometer Tracing a client span whose
 * context ({@code traceparent}) goes with each of the call's requests.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ObservationRegistry.class)
class OasstObservationConfiguration {
    @Bean
    OasstClientBuilderCustomizer oasstObservationCustomizer(
            ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<OasstObservationConvention> convention) {
        return builder -> {
            ObservationRegistry registry = observationRegistry.getIfAvailable();
            if (registry != null && !registry.isNoop()) {
                builder.listener(new ObservedCalls(registry, convention.getIfAvailable()));
            }
        };
    }
}
