package io.github.oasst.client.data;

import io.github.oasst.client.protocol.AuthMethod;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The optional query parameters of {@code OasstMessagesApi.messagesCursor} ({@code GET
 * /api/v1/messages/cursor}, servers from 2023-02 on), for example {@code
 * MessageCursorQuery.builder().onlyRoots(true).maxCount(50).desc(true).build()}.
 *
 * <p>Immutable. As a {@link QueryParameters} it is the map of the parameters as they are sent, escaped; see
 * there why, and how its builder checks the values.
 */
public final class MessageCursorQuery extends QueryParameters {
    private static final String NAME = "MessageCursorQuery";

    private MessageCursorQuery(Map<String, String> parameters) {
        super(parameters);
    }

    /** A builder with no parameter set. */
    public static Builder builder() {
        return new Builder();
    }

    /** No parameter: the server's defaults, the first page of 10 messages the calling API client may see. */
    public static MessageCursorQuery defaults() {
        return new MessageCursorQuery(Map.of());
    }

    /**
     * This query for the page after the cursor (a page's {@code next()}): with {@code after} set to it and
     * without {@code before}.
     */
    public MessageCursorQuery after(String cursor) {
        return new MessageCursorQuery(parametersAfter(cursor));
    }

    /**
     * Sets the parameters of a {@link MessageCursorQuery}; a null argument is refused at once, the values are
     * checked by {@link #build()}.
     */
    public static final class Builder {
        private @Nullable String before;
        private @Nullable String after;
        private @Nullable UUID userId;
        private @Nullable AuthMethod authMethod;
        private @Nullable String username;
        private @Nullable UUID apiClientId;
        private @Nullable Boolean onlyRoots;
        private @Nullable Boolean includeDeleted;
        private @Nullable Integer maxCount;
        private @Nullable Boolean desc;
        private @Nullable String lang;
        private @Nullable Boolean includeUser;

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

        /** The backend's id of the author. */
        public Builder userId(UUID userId) {
            this.userId = QueryText.required(userId, NAME + ".userId");
            return this;
        }

        /** The author's auth method, with {@link #username(String)} (one without the other is refused). */
        public Builder authMethod(AuthMethod authMethod) {
            this.authMethod = QueryText.required(authMethod, NAME + ".authMethod");
            return this;
        }

        /** The frontend's id of the author, with {@link #authMethod(AuthMethod)}. */
        public Builder username(String username) {
            this.username = QueryText.required(username, NAME + ".username");
            return this;
        }

        /** The API client whose messages: a trusted key may name any, another sees its own. */
        public Builder apiClientId(UUID apiClientId) {
            this.apiClientId = QueryText.required(apiClientId, NAME + ".apiClientId");
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

        /** Each message with its author ({@code Message.user()}). */
        public Builder includeUser(boolean includeUser) {
            this.includeUser = includeUser;
            return this;
        }

        /**
         * The query.
         *
         * @throws IllegalArgumentException when a value is out of the server's bounds or a text has no
         *     exact form (it is not valid Unicode, or holds NUL); the message names the field
         */
        public MessageCursorQuery build() {
            return new MessageCursorQuery(new QueryText(NAME)
                    .add("before", before)
                    .add("after", after)
                    .add("user_id", userId)
                    .add("auth_method", authMethod)
                    .add("username", username)
                    .add("api_client_id", apiClientId)
                    .add("only_roots", onlyRoots)
                    .add("include_deleted", includeDeleted)
                    .count("max_count", maxCount, 1000)
                    .add("desc", desc)
                    .add("lang", lang)
                    .add("include_user", includeUser)
                    .parameters());
        }
    }
}
