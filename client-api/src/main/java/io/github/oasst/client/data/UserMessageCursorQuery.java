package io.github.oasst.client.data;

import java.util.Map;

/**
 * The optional query parameters of the pages of a user's messages: {@code
 * OasstUsersApi.getUserMessagesCursor} and {@code OasstFrontendUsersApi.getUserMessagesCursor} (servers from
 * 2023-02 on), for example {@code UserMessageCursorQuery.builder().maxCount(100).desc(true).build()}.
 *
 * <p>Immutable. As a {@link QueryParameters} it is the map of the parameters as they are sent, escaped; see
 * there why, and how its builder checks the values.
 */
public final class UserMessageCursorQuery extends QueryParameters {
    private UserMessageCursorQuery(Map<String, String> parameters) {
        super(parameters);
    }

    /** A builder with no parameter set. */
    public static Builder builder() {
        return new Builder();
    }

    /** No parameter: the server's defaults, the first page of 10 of the user's messages. */
    public static UserMessageCursorQuery defaults() {
        return new UserMessageCursorQuery(Map.of());
    }

    /**
     * This query for the page after the cursor (a page's {@code next()}): with {@code after} set to it and
     * without {@code before}.
     */
    public UserMessageCursorQuery after(String cursor) {
        return new UserMessageCursorQuery(parametersAfter(cursor));
    }

    /**
     * Sets the parameters of a {@link UserMessageCursorQuery}; a null argument is refused at once, the values
     * are checked by {@link #build()}.
     */
    public static final class Builder extends MessagePageFilters<Builder> {
        private Builder() {
            super("UserMessageCursorQuery", "before after only_roots include_deleted max_count desc lang");
        }

        /**
         * The query.
         *
         * @throws IllegalArgumentException when a value is out of the server's bounds or a text has no
         *     exact form (it is not valid Unicode, or holds NUL); the message names the field
         */
        public UserMessageCursorQuery build() {
            return new UserMessageCursorQuery(parameters());
        }
    }
}
