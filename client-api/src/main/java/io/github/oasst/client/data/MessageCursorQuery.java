package io.github.oasst.client.data;

import io.github.oasst.client.protocol.AuthMethod;
import java.util.Map;
import java.util.UUID;

/**
 * The optional query parameters of {@code OasstMessagesApi.messagesCursor} ({@code GET
 * /api/v1/messages/cursor}, servers from 2023-02 on), for example {@code
 * MessageCursorQuery.builder().onlyRoots(true).maxCount(50).desc(true).build()}.
 *
 * <p>Immutable. As a {@link QueryParameters} it is the map of the parameters as they are sent, escaped; see
 * there why, and how its builder checks the values.
 */
public final class MessageCursorQuery extends QueryParameters {
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
    public static final class Builder extends MessagePageFilters<Builder> {
        private Builder() {
            super(
                    "MessageCursorQuery",
                    "before after user_id auth_method username api_client_id "
                            + "only_roots include_deleted max_count desc lang include_user");
        }

        /** The backend's id of the author. */
        public Builder userId(UUID userId) {
            return set("user_id", userId);
        }

        /** The author's auth method, with {@link #username(String)} (one without the other is refused). */
        public Builder authMethod(AuthMethod authMethod) {
            return set("auth_method", authMethod);
        }

        /** The frontend's id of the author, with {@link #authMethod(AuthMethod)}. */
        public Builder username(String username) {
            return set("username", username);
        }

        /** The API client whose messages: a trusted key may name any, another sees its own. */
        public Builder apiClientId(UUID apiClientId) {
            return set("api_client_id", apiClientId);
        }

        /** Each message with its author ({@code Message.user()}). */
        public Builder includeUser(boolean includeUser) {
            return set("include_user", includeUser);
        }

        /**
         * The query.
         *
         * @throws IllegalArgumentException when a value is out of the server's bounds or a text has no
         *     exact form (it is not valid Unicode, or holds NUL); the message names the field
         */
        public MessageCursorQuery build() {
            return new MessageCursorQuery(parameters());
        }
    }
}
