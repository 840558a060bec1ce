package io.github.oasst.client.data;

import java.util.Map;

/**
 * The settings {@code OasstUsersApi.updateUser} changes ({@code PUT /api/v1/users/{user_id}}, a moderator's;
 * servers from 2023-02 on), sent as query parameters; those not set stay as they are: {@code
 * UserUpdate.builder().enabled(false).notes("spam wave").build()}.
 *
 * <p>Immutable. As a {@link QueryParameters} it is the map of the parameters as they are sent, escaped; see
 * there why, and how its builder checks the values.
 */
public final class UserUpdate extends QueryParameters {
    private UserUpdate(Map<String, String> parameters) {
        super(parameters);
    }

    /** A builder with no parameter set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the parameters of a {@link UserUpdate}; a null argument is refused at once, the values are checked
     * by {@link #build()}.
     */
    public static final class Builder extends QueryBuilder<Builder> {
        private Builder() {
            super("UserUpdate", "enabled notes show_on_leaderboard tos_acceptance");
        }

        /** Enables or disables the user. */
        public Builder enabled(boolean enabled) {
            return set("enabled", enabled);
        }

        /** The moderators' notes on the user. */
        public Builder notes(String notes) {
            return set("notes", notes);
        }

        /** Whether the user shows on the leaderboards. */
        public Builder showOnLeaderboard(boolean showOnLeaderboard) {
            return set("show_on_leaderboard", showOnLeaderboard);
        }

        /** Whether the user has accepted the terms of service. */
        public Builder tosAcceptance(boolean tosAcceptance) {
            return set("tos_acceptance", tosAcceptance);
        }

        /**
         * The update.
         *
         * @throws IllegalArgumentException when the notes have no exact form (they are not valid
         *     Unicode, or hold NUL); the message names the field
         */
        public UserUpdate build() {
            return new UserUpdate(parameters());
        }
    }
}
