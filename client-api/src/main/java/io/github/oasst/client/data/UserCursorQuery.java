package io.github.oasst.client.data;

import io.github.oasst.client.protocol.AuthMethod;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The optional query parameters of the pages of users: {@code OasstUsersApi.usersCursor} (servers from
 * 2023-02 on), for example {@code UserCursorQuery.builder().sortKey("display_name").maxCount(100).build()}.
 *
 * <p>Immutable. As a {@link QueryParameters} it is the map of the parameters as they are sent, escaped; see
 * there why, and how its builder checks the values.
 */
public final class UserCursorQuery extends QueryParameters {
    private static final String NAME = "UserCursorQuery";

    private UserCursorQuery(Map<String, String> parameters) {
        super(parameters);
    }

    /** A builder with no parameter set. */
    public static Builder builder() {
        return new Builder();
    }

    /** No parameter: the server's defaults, the first page of 100 users by frontend id. */
    public static UserCursorQuery defaults() {
        return new UserCursorQuery(Map.of());
    }

    /**
     * This query for the page after the cursor (a page's {@code next()}): with {@code after} set to it and
     * without {@code before}.
     */
    public UserCursorQuery after(String cursor) {
        return new UserCursorQuery(parametersAfter(cursor));
    }

    /**
     * Sets the parameters of a {@link UserCursorQuery}; a null argument is refused at once, the values are
     * checked by {@link #build()}.
     */
    public static final class Builder {
        private @Nullable String before;
        private @Nullable String after;
        private @Nullable String sortKey;
        private @Nullable Integer maxCount;
        private @Nullable UUID apiClientId;
        private @Nullable String searchText;
        private @Nullable AuthMethod authMethod;

        private Builder() {}

        /** The page before this cursor (a page's {@code prev()}). */
        public Builder before(String before) {
            this.before = QueryText.required(before, NAME + ".before");
            return this;
        }

        /** The page after this cursor (a page's {@code next()}). */
        public Builder after(String after) {
            this.after = QueryText.required(after, NAME + ".after");
            return this;
        }

        /** The order: {@code username} (the server's default) or {@code display_name}; at most 32 characters. */
        public Builder sortKey(String sortKey) {
            this.sortKey = QueryText.required(sortKey, NAME + ".sortKey");
            return this;
        }

        /** How many per page, 1 to 10000; the server's default is 100. */
        public Builder maxCount(int maxCount) {
            this.maxCount = maxCount;
            return this;
        }

        /** The API client whose users: a trusted key may name any, another sees its own. */
        public Builder apiClientId(UUID apiClientId) {
            this.apiClientId = QueryText.required(apiClientId, NAME + ".apiClientId");
            return this;
        }

        /** Only users whose name in the order's key contains this text. */
        public Builder searchText(String searchText) {
            this.searchText = QueryText.required(searchText, NAME + ".searchText");
            return this;
        }

        /** Only users of this auth method. */
        public Builder authMethod(AuthMethod authMethod) {
            this.authMethod = QueryText.required(authMethod, NAME + ".authMethod");
            return this;
        }

        /**
         * The query.
         *
         * @throws IllegalArgumentException when a value is out of the server's bounds or a text has no
         *     exact form (it is not valid Unicode, or holds NUL); the message names the field
         */
        public UserCursorQuery build() {
            return new UserCursorQuery(new QueryText(NAME)
                    .add("before", before)
                    .add("after", after)
                    .text("sort_key", sortKey, 32)
                    .count("max_count", maxCount, 10000)
                    .add("api_client_id", apiClientId)
                    .add("search_text", searchText)
                    .add("auth_method", authMethod)
                    .parameters());
        }
    }
}
