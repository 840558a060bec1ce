package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The 2023-01 backend's experimental leaderboard of the users who wrote the most assistant or
 * prompter messages (the schema leaves it undescribed; this is what that backend sends). Newer
 * servers answer these paths 404: their leaderboards are {@link LeaderboardStats}.
 *
 * @param leaderboard the users, best first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreatorLeaderboard(
        @JsonProperty("leaderboard") List<Entry> leaderboard) {
    public CreatorLeaderboard {
        leaderboard = leaderboard == null ? List.of() : List.copyOf(leaderboard);
    }

    /**
     * One user's line.
     *
     * @param ranking the place, from 1
     * @param userId the backend's id of the user; null for messages without one (the backend joins
     *     the users to the messages outer)
     * @param username the frontend's id of the user; null likewise
     * @param displayName the user's name; null likewise
     * @param score the messages counted
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(
            @JsonProperty("ranking") int ranking,
            @JsonProperty("user_id") @Nullable UUID userId,
            @JsonProperty("username") @Nullable String username,
            @JsonProperty("display_name") @Nullable String displayName,
            @JsonProperty("score") int score) {}
}
