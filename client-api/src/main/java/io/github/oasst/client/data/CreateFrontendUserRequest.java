package io.github.oasst.client.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;
import io.github.oasst.client.protocol.AuthMethod;
import org.jspecify.annotations.Nullable;

/**
 * Creates a frontend user (or updates the one with this id and auth method). Servers from 2023-02 on.
 * A null setting is not sent: the server's default applies (shown on leaderboards, enabled).
 *
 * @param id its id
 * @param displayName the name shown
 * @param authMethod how the frontend identifies the user (discord, local, …)
 * @param showOnLeaderboard whether the user shows on leaderboards
 * @param enabled whether the user may act
 * @param tosAcceptance whether the user accepted the terms of service
 * @param notes moderators' notes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateFrontendUserRequest(
        @JsonProperty("id") String id,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("auth_method") AuthMethod authMethod,
        @JsonProperty("show_on_leaderboard") @Nullable Boolean showOnLeaderboard,
        @JsonProperty("enabled") @Nullable Boolean enabled,
        @JsonProperty("tos_acceptance") @Nullable Boolean tosAcceptance,
        @JsonProperty("notes") @Nullable String notes) {
    public CreateFrontendUserRequest {
        Checks.notNull(id, "id");
        Checks.notNull(displayName, "display name");
        Checks.notNull(authMethod, "auth method");
    }

    /** A user with the server's defaults. */
    public static CreateFrontendUserRequest of(String id, String displayName, AuthMethod authMethod) {
        return new CreateFrontendUserRequest(id, displayName, authMethod, null, null, null, null);
    }
}
