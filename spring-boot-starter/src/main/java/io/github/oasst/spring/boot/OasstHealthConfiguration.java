package io.github.oasst.spring.boot;

import io.github.oasst.client.OasstClientBuilder;
import io.github.oasst.client.OasstJson;
import io.github.oasst.client.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The {@code oasst} health indicator, with Spring Boot's health support ({@code management.health.oasst.enabled}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("oasst")
class OasstHealthConfiguration {
    /**
     * The probe's client: the properties and the application's customizers (its OkHttp client, a
     * proxy, TLS), but one attempt per call, timeouts within {@code oasst.health.timeout}, and no
     * observations, so that probes are neither retried nor counted among the application's calls.
     */
    @Bean(destroyMethod = "close")
    OasstHealthProbe oasstHealthProbe(
            OasstProperties properties,
            OasstJson json,
            Environment environment,
            ObjectProvider<OasstClientBuilderCustomizer> customizers) {
        OasstHealthProbe.checkInterval(properties.getHealth().getInterval()); // before a client is made
        Duration timeout = properties.getHealth().getTimeout();
        if (timeout.isNegative() || timeout.isZero()) {
            throw new OasstConfigurationException(
                    "oasst.health.timeout",
                    "oasst.health.timeout must be positive, got " + timeout,
                    "Set oasst.health.timeout to the longest a probe may take, for example 5s.");
        }
        OasstClientBuilder builder = OasstSettings.builder(properties, json);
        customizers
                .orderedStream()
                .filter(customizer -> !(customizer instanceof OasstObservationConfiguration.Observing))
                .forEach(customizer -> customizer.customize(builder));
        builder.retryPolicy(RetryPolicy.disabled())
                .virtualThreads(OasstAutoConfiguration.virtualThreads(properties, environment))
                .connectTimeout(shorter(properties.getConnectTimeout(), timeout))
                .readTimeout(shorter(properties.getReadTimeout(), timeout))
                .callTimeout(timeout);
        return OasstHealthProbe.of(builder.build(), properties.getHealth().getInterval(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean(name = "oasstHealthIndicator")
    OasstHealthIndicator oasstHealthIndicator(
            OasstClientHealth oasstClientHealth, OasstResilience resilience, OasstHealthProbe oasstHealthProbe) {
        return new OasstHealthIndicator(oasstClientHealth, resilience.circuitBreaker(), oasstHealthProbe);
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
