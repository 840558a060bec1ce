package io.github.oasst.examples.spring;

import io.github.oasst.client.OasstOperation;
import io.github.oasst.client.OasstRetries;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The client's retries for calls of the Feign client: one Resilience4j Retry per operation ({@code
 * oasst-fetch-task}, {@code oasst-ack-task}, …) in the {@link RetryRegistry} bean, where their events
 * and metrics can be observed (and bound to Micrometer with resilience4j-micrometer).
 */
@Configuration(proxyBeanMethods = false)
class OasstRetryConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(OasstRetryConfiguration.class);

    @Bean
    RetryRegistry oasstRetryRegistry() {
        return RetryRegistry.ofDefaults();
    }

    @Bean
    OasstRetries oasstRetries(OasstProperties properties, RetryRegistry oasstRetryRegistry) {
        OasstRetries retries = OasstRetries.create(properties.retry().toPolicy(), oasstRetryRegistry, null);
        for (OasstOperation operation : OasstOperation.values()) {
            retries.retry(operation)
                    .getEventPublisher()
                    .onRetry(event -> LOG.info(
                            "{}: attempt {} failed, retrying in {} ms: {}",
                            event.getName(),
                            event.getNumberOfRetryAttempts(),
                            event.getWaitInterval().toMillis(),
                            event.getLastThrowable() == null
                                    ? "?"
                                    : event.getLastThrowable().getMessage()));
        }
        return retries;
    }
}
