package io.github.oasst.spring.boot;

import io.github.oasst.client.OasstClient;
import io.github.oasst.client.retry.OasstOperation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * {@code oasst} in the actuator's {@code info}: the backend's URL and, per operation, where its
 * retries' settings come from ({@link RetrySources}) and the attempts that apply.
 */
final class OasstInfoContributor implements InfoContributor {
    private final OasstClient client;
    private final OasstResilience resilience;

    OasstInfoContributor(OasstClient client, OasstResilience resilience) {
        this.client = client;
        this.resilience = resilience;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> retries = new LinkedHashMap<>();
        for (OasstOperation operation : OasstOperation.values()) {
            String source = resilience.retrySources().get(operation);
            retries.put(
                    RetrySources.operation(operation),
                    Map.of(
                            "source",
                            source == null ? RetrySources.PROPERTIES : source,
                            "maxAttempts",
                            client.retry(operation).getRetryConfig().getMaxAttempts()));
        }
        Map<String, Object> oasst = new LinkedHashMap<>();
        oasst.put("baseUrl", client.baseUrl());
        oasst.put("retries", retries);
        builder.withDetail("oasst", oasst);
    }
}
