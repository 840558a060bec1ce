package io.github.oasst.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code oasst} health indicator, with Spring Boot's health support ({@code management.health.oasst.enabled}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("oasst")
class OasstHealthConfiguration {
    @Bean
    @ConditionalOnMissingBean(name = "oasstHealthIndicator")
    OasstHealthIndicator oasstHealthIndicator(OasstClientHealth oasstClientHealth, OasstResilience resilience) {
        return new OasstHealthIndicator(oasstClientHealth, resilience.circuitBreaker());
    }
}
