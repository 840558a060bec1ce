package io.github.oasst.client.data;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The optional query parameters of the pages of a user's messages: {@code
 * OasstUsersApi.getUserMessagesCursor} and {@code OasstFrontendUsersApi.getUserMessagesCursor} (servers from
 * 2023-02 on), for example {@code UserMessageCursorQuery.builder().maxCount(100).desc(true).build()}.
 *
 * <p>Immutable. As a {@link QueryParameters} it is the map of the parameters as they are sent, escaped; see
 * there why, and how its builder checks the values.
 */
public final class UserMessageCursorQuery extends QueryParameters {
    private static final String NAME = "UserMessageCursorQuery";

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
    public static final class Builder {
        private @Nullable String before;
        private @Nullable String after;
        private @Nullable Boolean onlyRoots;
        private @Nullable Boolean includeDeleted;
        private @Nullable Integer maxCount;
        private @Nullable Boolean desc;
        private @Nullable String lang;

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

        /** Only the roots of trees (the server's default: all). */
        public Builder onlyRoots(boolean onlyRoots) {
            this.onlyRoots = onlyRoots;
            return this;
        }

        /** Also the deleted ones (the server's default: not). */
        public Builder includeDeleted(boolean includeDeleted) {
            this.includeDeleted = includeDeleted;
            return this;
        }

        /** How many per page, 1 to 1000; the server's default is 10. */
        public Builder maxCount(int maxCount) {
            this.maxCount = maxCount;
            return this;
        }

        /** Newest first, or oldest first (the server's default). */
        public Builder desc(boolean desc) {
            this.desc = desc;
            return this;
        }

        /** Only messages of this language code (servers from 2023-02 on). */
        public Builder lang(String lang) {
            this.lang = QueryText.required(lang, NAME + ".lang");
            return this;
        }

        /**
         * The query.
         *
         * @throws IllegalArgumentException when a value is out of the server's bounds or a text has no
         *     exact form (it is not valid Unicode, or holds NUL); the message names the field
         */
        public UserMessageCursorQuery build() {
            return new UserMessageCursorQuery(new QueryText(NAME)
                    .add("before", before)
                    .add("after", after)
                    .add("only_roots", onlyRoots)
                    .add("include_deleted", includeDeleted)
                    .count("max_count", maxCount, 1000)
                    .add("desc", desc)
                    .add("lang", lang)
                    .parameters());
        }
    }
}
