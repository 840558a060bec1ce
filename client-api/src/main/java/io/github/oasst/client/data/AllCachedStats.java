package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every cached statistic, by name. Servers from 2023-02 on.
 *
 * @param statsByName the statistics by name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AllCachedStats(@JsonProperty("stats_by_name") Map<String, CachedStats> statsByName) {
    public AllCachedStats {
        Checks.notNull(statsByName, "stats by name");
        statsByName = statsByName == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(statsByName));
    }
}
