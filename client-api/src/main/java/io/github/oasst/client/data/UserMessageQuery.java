package io.github.oasst.client.data;

import java.util.Map;

/**
 * The optional query parameters of a user's messages: {@code OasstUsersApi.getUserMessages}, {@code
 * OasstFrontendUsersApi.getUserMessages} and, on the 2023-01 backend, {@code
 * OasstFrontendUsersApi.getMessagesByUsername}, for example {@code
 * UserMessageQuery.builder().maxCount(10).onlyRoots(true).build()}.
 *
 * <p>Immutable. As a {@link QueryParameters} it is the map of the parameters as they are sent, escaped; see
 * there why, and how its builder checks the values.
 */
public final class UserMessageQuery extends QueryParameters {
    private UserMessageQuery(Map<String, String> parameters) {
        super(parameters);
    }

    /** A builder with no parameter set. */
    public static Builder builder() {
        return new Builder();
    }

    /** No parameter: the server's defaults, the user's 10 newest messages. */
    public static UserMessageQuery defaults() {
        return new UserMessageQuery(Map.of());
    }

    /**
     * Sets the parameters of a {@link UserMessageQuery}; a null argument is refused at once, the values are
     * checked by {@link #build()}.
     */
    public static final class Builder extends DatedMessageFilters<Builder> {
        private Builder() {
            super(
                    "UserMessageQuery",
                    "api_client_id max_count start_date end_date only_roots desc include_deleted lang");
        }

        /** Also the deleted ones (the server's default: not). */
        public Builder includeDeleted(boolean includeDeleted) {
            return set("include_deleted", includeDeleted);
        }

        /**
         * The query.
         *
         * @throws IllegalArgumentException when a value is out of the server's bounds or a text has no
         *     exact form (it is not valid Unicode, or holds NUL); the message names the field
         */
        public UserMessageQuery build() {
            return new UserMessageQuery(parameters());
        }
    }
}
