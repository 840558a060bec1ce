package io.github.oasst.client.data;

import java.util.Map;
import java.util.UUID;

/**
 * The optional query parameters of the users ordered by the frontend's id: {@code
 * OasstUsersApi.usersByUsername} and {@code OasstFrontendUsersApi.getUsers} (servers from 2023-02 on), for
 * example {@code UserQuery.builder().gteUsername("a").maxCount(20).build()}.
 *
 * <p>Immutable. As a {@link QueryParameters} it is the map of the parameters as they are sent, escaped; see
 * there why, and how its builder checks the values.
 */
public final class UserQuery extends QueryParameters {
    private UserQuery(Map<String, String> parameters) {
        super(parameters);
    }

    /** A builder with no parameter set. */
    public static Builder builder() {
        return new Builder();
    }

    /** No parameter: the server's defaults, the first 100 users. */
    public static UserQuery defaults() {
        return new UserQuery(Map.of());
    }

    /**
     * Sets the parameters of a {@link UserQuery}; a null argument is refused at once, the values are checked
     * by {@link #build()}.
     */
    public static final class Builder extends UserFilters<Builder> {
        private Builder() {
            super(
                    "UserQuery",
                    "api_client_id gte_username gt_id lte_username " + "lt_id search_text auth_method max_count desc");
        }

        /** From this frontend id on, in the order of frontend ids. */
        public Builder gteUsername(String gteUsername) {
            return set("gte_username", gteUsername);
        }

        /**
         * With {@link #gteUsername(String)}: among the users of exactly that frontend id, only those after
         * this backend id.
         */
        public Builder gtId(UUID gtId) {
            return set("gt_id", gtId);
        }

        /** Down to this frontend id, in the order of frontend ids. */
        public Builder lteUsername(String lteUsername) {
            return set("lte_username", lteUsername);
        }

        /**
         * With {@link #lteUsername(String)}: among the users of exactly that frontend id, only those before
         * this backend id.
         */
        public Builder ltId(UUID ltId) {
            return set("lt_id", ltId);
        }

        /**
         * Descending, or ascending (the server's default); only {@code OasstUsersApi.usersByUsername} reads
         * it, {@code OasstFrontendUsersApi.getUsers} always ascends.
         */
        public Builder desc(boolean desc) {
            return set("desc", desc);
        }

        /**
         * The query.
         *
         * @throws IllegalArgumentException when a value is out of the server's bounds or a text has no
         *     exact form (it is not valid Unicode, or holds NUL); the message names the field
         */
        public UserQuery build() {
            return new UserQuery(parameters());
        }
    }
}
