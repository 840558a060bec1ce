package io.github.oasst.client.data;

import io.github.oasst.client.protocol.AuthMethod;
import java.util.Map;

/**
 * The optional query parameters of {@code OasstMessagesApi.queryMessages} ({@code GET /api/v1/messages/}),
 * for example {@code
 * MessageQuery.builder().authMethod(AuthMethod.DISCORD).username("1234").maxCount(10).build()}.
 *
 * <p>Immutable. As a {@link QueryParameters} it is the map of the parameters as they are sent, escaped; see
 * there why, and how its builder checks the values.
 */
public final class MessageQuery extends QueryParameters {
    private MessageQuery(Map<String, String> parameters) {
        super(parameters);
    }

    /** A builder with no parameter set. */
    public static Builder builder() {
        return new Builder();
    }

    /** No parameter: the server's defaults, the 10 newest messages the calling API client may see. */
    public static MessageQuery defaults() {
        return new MessageQuery(Map.of());
    }

    /**
     * Sets the parameters of a {@link MessageQuery}; a null argument is refused at once, the values are
     * checked by {@link #build()}.
     */
    public static final class Builder extends DatedMessageFilters<Builder> {
        private Builder() {
            super(
                    "MessageQuery",
                    "auth_method username api_client_id max_count start_date "
                            + "end_date only_roots desc allow_deleted lang");
        }

        /**
         * The author's auth method: servers from 2023-02 on need it with {@link #username(String)} (one
         * without the other is refused), the 2023-01 backend ignores it.
         */
        public Builder authMethod(AuthMethod authMethod) {
            return set("auth_method", authMethod);
        }

        /** The frontend's id of the author. */
        public Builder username(String username) {
            return set("username", username);
        }

        /** Also the deleted ones (the server's default: not). */
        public Builder allowDeleted(boolean allowDeleted) {
            return set("allow_deleted", allowDeleted);
        }

        /**
         * The query.
         *
         * @throws IllegalArgumentException when a value is out of the server's bounds or a text has no
         *     exact form (it is not valid Unicode, or holds NUL); the message names the field
         */
        public MessageQuery build() {
            return new MessageQuery(parameters());
        }
    }
}
