package io.github.oasst.spring.boot;

import io.github.oasst.client.OasstResilience4j;
import io.github.oasst.client.retry.OasstOperation;
import io.github.oasst.client.retry.RetryPolicy;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one rule for the auto-configured client's retries: {@code oasst.retry.*} apply to every
 * operation, but where the application configured the operation's Retry itself ({@code
 * resilience4j.retry.instances.oasst-fetch-task}, or an instance already in its registry), whose
 * attempts and waits win for that operation; the client's classification of failures, its deadline
 * and a server's {@code Retry-After} stay either way; {@code oasst.retry.enabled=false} is one
 * attempt for every operation, whatever else is configured.
 */
final class RetrySources {
    static final String PROPERTIES = "oasst.retry";
    static final String DISABLED = "oasst.retry.enabled=false";
    static final String INSTANCES = "resilience4j.retry.instances.";

    private static final Logger LOG = LoggerFactory.getLogger(OasstAutoConfiguration.class);

    private RetrySources() {}

    /**
     * Each operation's source, once the application's {@code oasst-*} instances got the client's
     * rules (or, with retries off, a single attempt): replaced in its registry, so that its
     * metrics and endpoints show what applies.
     */
    static Map<OasstOperation, String> apply(boolean enabled, RetryPolicy policy, @Nullable RetryRegistry registry) {
        Map<OasstOperation, String> sources = new EnumMap<>(OasstOperation.class);
        for (OasstOperation operation : OasstOperation.values()) {
            String name = operation.retryName();
            Retry configured = registry == null ? null : registry.find(name).orElse(null);
            if (registry == null || configured == null) {
                sources.put(operation, enabled ? PROPERTIES : DISABLED);
                continue;
            }
            RetryConfig config = enabled
                    ? OasstResilience4j.withClientRules(RetryConfig.from(configured.getRetryConfig()))
                            .build()
                    : OasstResilience4j.retryConfig(policy);
            registry.replace(name, Retry.of(name, config, configured.getTags()));
            sources.put(operation, enabled ? INSTANCES + name : DISABLED);
        }
        return Collections.unmodifiableMap(sources);
    }

    /** Says once, at start, which source applies to which operation. */
    static void log(Map<OasstOperation, String> sources, RetryPolicy policy) {
        Map<String, List<String>> operations = new LinkedHashMap<>();
        sources.forEach((operation, source) ->
                operations.computeIfAbsent(source, any -> new ArrayList<>()).add(operation(operation)));
        List<String> parts = new ArrayList<>();
        operations.forEach((source, names) -> parts.add(describe(source, policy) + " for " + String.join(", ", names)));
        LOG.info("OASST client retries: {}", String.join("; ", parts));
    }

    /** {@code fetch-task} for {@code FETCH_TASK}. */
    static String operation(OasstOperation operation) {
        return operation.retryName().substring("oasst-".length());
    }

    private static String describe(String source, RetryPolicy policy) {
        if (source.equals(DISABLED)) {
            return source + " (one attempt)";
        }
        if (source.equals(PROPERTIES)) {
            return source + " (" + policy.maxAttempts() + " attempts, waits from " + policy.initialBackoff()
                    + " times " + policy.multiplier() + " up to " + policy.maxBackoff() + ", deadline "
                    + policy.deadline() + ")";
        }
        return source + " (its attempts and waits; the client's rules of what is retried, deadline " + policy.deadline()
                + ")";
    }
}
