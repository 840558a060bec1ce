package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import io.github.oasst.client.protocol.AuthMethod;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user as the backend knows them: the frontend's id and name for them, and the backend's own
 * id ({@code userId}), which the users operations take. Servers from 2023-02 on.
 *
 * @param id its id
 * @param displayName the name shown
 * @param authMethod how the frontend identifies the user (discord, local, …)
 * @param userId the backend's id of the user
 * @param enabled whether the user may act
 * @param deleted whether it is marked deleted
 * @param notes moderators' notes
 * @param createdDate when it was made
 * @param showOnLeaderboard whether the user shows on leaderboards
 * @param streakDays days of activity in a row
 * @param streakLastDayDate the last day of the streak
 * @param lastActivityDate when the user was last active
 * @param tosAcceptanceDate when the user accepted the terms of service
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FrontEndUser(
        @JsonProperty("id") String id,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("auth_method") AuthMethod authMethod,
        @JsonProperty("user_id") UUID userId,
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("deleted") boolean deleted,
        @JsonProperty("notes") String notes,
        @JsonProperty("created_date") @Nullable Timestamp createdDate,
        @JsonProperty("show_on_leaderboard") boolean showOnLeaderboard,
        @JsonProperty("streak_days") @Nullable Integer streakDays,
        @JsonProperty("streak_last_day_date") @Nullable Timestamp streakLastDayDate,
        @JsonProperty("last_activity_date") @Nullable Timestamp lastActivityDate,
        @JsonProperty("tos_acceptance_date") @Nullable Timestamp tosAcceptanceDate) {
    public FrontEndUser {
        Checks.notNull(id, "id");
        Checks.notNull(displayName, "display name");
        Checks.notNull(authMethod, "auth method");
        Checks.notNull(userId, "user id");
        Checks.notNull(notes, "notes");
    }
}
