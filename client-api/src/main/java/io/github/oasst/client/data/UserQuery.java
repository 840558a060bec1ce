package io.github.oasst.client.data;

import io.github.oasst.client.protocol.AuthMethod;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The optional query parameters of the users ordered by the frontend's id: {@code
 * OasstUsersApi.usersByUsername} and {@code OasstFrontendUsersApi.getUsers} (servers from 2023-02 on), for
 * example {@code UserQuery.builder().gteUsername("a").maxCount(20).build()}.
 *
 * <p>Immutable. As a {@link QueryParameters} it is the map of the parameters as they are sent, escaped; see
 * there why, and how its builder checks the values.
 */
public final class UserQuery extends QueryParameters {
    private static final String NAME = "UserQuery";

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
    public static final class Builder {
        private @Nullable UUID apiClientId;
        private @Nullable String gteUsername;
        private @Nullable UUID gtId;
        private @Nullable String lteUsername;
        private @Nullable UUID ltId;
        private @Nullable String searchText;
        private @Nullable AuthMethod authMethod;
        private @Nullable Integer maxCount;
        private @Nullable Boolean desc;

        private Builder() {}

        /** The API client whose users: a trusted key may name any, another sees its own. */
        public Builder apiClientId(UUID apiClientId) {
            this.apiClientId = QueryText.required(apiClientId, NAME + ".apiClientId");
            return this;
        }

        /** From this frontend id on, in the order of frontend ids. */
        public Builder gteUsername(String gteUsername) {
            this.gteUsername = QueryText.required(gteUsername, NAME + ".gteUsername");
            return this;
        }

        /**
         * With {@link #gteUsername(String)}: among the users of exactly that frontend id, only those after
         * this backend id.
         */
        public Builder gtId(UUID gtId) {
            this.gtId = QueryText.required(gtId, NAME + ".gtId");
            return this;
        }

        /** Down to this frontend id, in the order of frontend ids. */
        public Builder lteUsername(String lteUsername) {
            this.lteUsername = QueryText.required(lteUsername, NAME + ".lteUsername");
            return this;
        }

        /**
         * With {@link #lteUsername(String)}: among the users of exactly that frontend id, only those before
         * this backend id.
         */
        public Builder ltId(UUID ltId) {
            this.ltId = QueryText.required(ltId, NAME + ".ltId");
            return this;
        }

        /** Only users whose frontend id contains this text. */
        public Builder searchText(String searchText) {
            this.searchText = QueryText.required(searchText, NAME + ".searchText");
            return this;
        }

        /** Only users of this auth method. */
        public Builder authMethod(AuthMethod authMethod) {
            this.authMethod = QueryText.required(authMethod, NAME + ".authMethod");
            return this;
        }

        /** How many, 1 to 10000; the server's default is 100. */
        public Builder maxCount(int maxCount) {
            this.maxCount = maxCount;
            return this;
        }

        /**
         * Descending, or ascending (the server's default); only {@code OasstUsersApi.usersByUsername} reads
         * it, {@code OasstFrontendUsersApi.getUsers} always ascends.
         */
        public Builder desc(boolean desc) {
            this.desc = desc;
            return this;
        }

        /**
         * The query.
         *
         * @throws IllegalArgumentException when a value is out of the server's bounds or a text has no
         *     exact form (it is not valid Unicode, or holds NUL); the message names the field
         */
        public UserQuery build() {
            return new UserQuery(new QueryText(NAME)
                    .add("api_client_id", apiClientId)
                    .add("gte_username", gteUsername)
                    .add("gt_id", gtId)
                    .add("lte_username", lteUsername)
                    .add("lt_id", ltId)
                    .add("search_text", searchText)
                    .add("auth_method", authMethod)
                    .count("max_count", maxCount, 10000)
                    .add("desc", desc)
                    .parameters());
        }
    }
}
