package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;

/**
 * One of the backend's cached statistics; {@code stats} as the backend computed it (plain JSON
 * values: maps, lists, strings, numbers), its shape depending on {@code name}. Servers from 2023-02 on.
 *
 * @param name the statistic's name
 * @param lastUpdated when it was computed
 * @param stats the statistic
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CachedStats(
        @JsonProperty("name") String name,
        @JsonProperty("last_updated") Timestamp lastUpdated,
        @JsonProperty("stats") Object stats) {
    public CachedStats {
        Checks.notNull(name, "name");
        Checks.notNull(lastUpdated, "last updated");
        Checks.notNull(stats, "stats");
    }
}
