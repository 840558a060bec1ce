package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.List;

/**
 * A leaderboard of one time frame. Servers from 2023-02 on.
 *
 * @param timeFrame the time frame: day, week, month or total
 * @param lastUpdated when it was computed
 * @param leaderboard the lines, best first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeaderboardStats(
        @JsonProperty("time_frame") String timeFrame,
        @JsonProperty("last_updated") Timestamp lastUpdated,
        @JsonProperty("leaderboard") List<UserScore> leaderboard) {
    public LeaderboardStats {
        Checks.notNull(timeFrame, "time frame");
        Checks.notNull(lastUpdated, "last updated");
        Checks.notNull(leaderboard, "leaderboard");
        leaderboard = leaderboard == null ? List.of() : List.copyOf(leaderboard);
    }
}
