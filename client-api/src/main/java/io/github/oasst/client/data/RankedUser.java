package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Whom a line of a leaderboard or of the trollboard is about, and its place ({@link UserScore},
 * {@link TrollScore}). Its fields stand in the line's JSON itself.
 *
 * @param rank the place of the line; null when the server gave none
 * @param userId the backend's id of the user
 * @param highlighted whether this is the asking user's line
 * @param username the frontend's id of the user
 * @param authMethod how the frontend identifies the user (discord, local, …)
 * @param displayName the name shown
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RankedUser(
        @JsonProperty("rank") @Nullable Integer rank,
        @JsonProperty("user_id") UUID userId,
        @JsonProperty("highlighted") boolean highlighted,
        @JsonProperty("username") String username,
        @JsonProperty("auth_method") String authMethod,
        @JsonProperty("display_name") String displayName) {
    public RankedUser {
        Checks.notNull(userId, "user id");
        Checks.notNull(username, "username");
        Checks.notNull(authMethod, "auth method");
        Checks.notNull(displayName, "display name");
    }
}
