package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.List;

/**
 * The trollboard of one time frame. Servers from 2023-02 on.
 *
 * @param timeFrame the time frame: day, week, month or total
 * @param lastUpdated when it was computed
 * @param trollboard the lines, worst first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrollboardStats(
        @JsonProperty("time_frame") String timeFrame,
        @JsonProperty("last_updated") Timestamp lastUpdated,
        @JsonProperty("trollboard") List<TrollScore> trollboard) {
    public TrollboardStats {
        Checks.notNull(timeFrame, "time frame");
        Checks.notNull(lastUpdated, "last updated");
        Checks.notNull(trollboard, "trollboard");
        trollboard = trollboard == null ? List.of() : List.copyOf(trollboard);
    }
}
