package io.github.oasst.spring.boot;

import io.github.oasst.client.OasstClientBuilder;
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
        return new Observing(observationRegistry, convention);
    }

    /** Observes the calls of the application's client (not the health probe's). */
    static final class Observing implements OasstClientBuilderCustomizer {
        private final ObjectProvider<ObservationRegistry> observationRegistry;
        private final ObjectProvider<OasstObservationConvention> convention;

        Observing(
                ObjectProvider<ObservationRegistry> observationRegistry,
                ObjectProvider<OasstObservationConvention> convention) {
            this.observationRegistry = observationRegistry;
            this.convention = convention;
        }

        @Override
        public void customize(OasstClientBuilder builder) {
            ObservationRegistry registry = observationRegistry.getIfAvailable();
            if (registry != null && !registry.isNoop()) {
                builder.listener(new ObservedCalls(registry, convention.getIfAvailable()));
            }
        }
    }
}
