package io.github.oasst.client.data;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The settings {@code OasstUsersApi.updateUser} changes ({@code PUT /api/v1/users/{user_id}}, a moderator's;
 * servers from 2023-02 on), sent as query parameters; those not set stay as they are: {@code
 * UserUpdate.builder().enabled(false).notes("spam wave").build()}.
 *
 * <p>Immutable. As a {@link QueryParameters} it is the map of the parameters as they are sent, escaped; see
 * there why, and how its builder checks the values.
 */
public final class UserUpdate extends QueryParameters {
    private static final String NAME = "UserUpdate";

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
    public static final class Builder {
        private @Nullable Boolean enabled;
        private @Nullable String notes;
        private @Nullable Boolean showOnLeaderboard;
        private @Nullable Boolean tosAcceptance;

        private Builder() {}

        /** Enables or disables the user. */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** The moderators' notes on the user. */
        public Builder notes(String notes) {
            this.notes = QueryText.required(notes, NAME + ".notes");
            return this;
        }

        /** Whether the user shows on the leaderboards. */
        public Builder showOnLeaderboard(boolean showOnLeaderboard) {
            this.showOnLeaderboard = showOnLeaderboard;
            return this;
        }

        /** Whether the user has accepted the terms of service. */
        public Builder tosAcceptance(boolean tosAcceptance) {
            this.tosAcceptance = tosAcceptance;
            return this;
        }

        /**
         * The update.
         *
         * @throws IllegalArgumentException when the notes have no exact form (they are not valid
         *     Unicode, or hold NUL); the message names the field
         */
        public UserUpdate build() {
            return new UserUpdate(new QueryText(NAME)
                    .add("enabled", enabled)
                    .add("notes", notes)
                    .add("show_on_leaderboard", showOnLeaderboard)
                    .add("tos_acceptance", tosAcceptance)
                    .parameters());
        }
    }
}
