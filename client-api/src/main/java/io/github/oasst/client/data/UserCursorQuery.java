package io.github.oasst.client.data;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The optional query parameters of the pages of users: {@code OasstUsersApi.usersCursor} (servers from
 * 2023-02 on), for example {@code UserCursorQuery.builder().sortKey("display_name").maxCount(100).build()}.
 *
 * <p>Immutable. As a {@link QueryParameters} it is the map of the parameters as they are sent, escaped; see
 * there why, and how its builder checks the values.
 */
public final class UserCursorQuery extends QueryParameters {
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
    public static final class Builder extends UserFilters<Builder> {
        private Builder() {
            super("UserCursorQuery", "before after sort_key max_count api_client_id search_text auth_method");
        }

        /** The page before this cursor (a page's {@code prev()}). */
        public Builder before(String before) {
            return set("before", before);
        }

        /** The page after this cursor (a page's {@code next()}). */
        public Builder after(String after) {
            return set("after", after);
        }

        /** The order: {@code username} (the server's default) or {@code display_name}; at most 32 characters. */
        public Builder sortKey(String sortKey) {
            return set("sort_key", sortKey);
        }

        @Override
        void add(QueryText text, String name, @Nullable Object value) {
            if (name.equals("sort_key")) {
                text.text(name, (String) value, 32);
            } else {
                super.add(text, name, value);
            }
        }

        /**
         * The query.
         *
         * @throws IllegalArgumentException when a value is out of the server's bounds or a text has no
         *     exact form (it is not valid Unicode, or holds NUL); the message names the field
         */
        public UserCursorQuery build() {
            return new UserCursorQuery(parameters());
        }
    }
}
