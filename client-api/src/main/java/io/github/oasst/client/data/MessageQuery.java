package io.github.oasst.client.data;

import io.github.oasst.client.protocol.AuthMethod;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The optional query parameters of {@code OasstMessagesApi.queryMessages} ({@code GET /api/v1/messages/}),
 * for example {@code
 * MessageQuery.builder().authMethod(AuthMethod.DISCORD).username("1234").maxCount(10).build()}.
 *
 * <p>Immutable. As a {@link QueryParameters} it is the map of the parameters as they are sent, escaped; see
 * there why, and how its builder checks the values.
 */
public final class MessageQuery extends QueryParameters {
    private static final String NAME = "MessageQuery";

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
    public static final class Builder {
        private @Nullable AuthMethod authMethod;
        private @Nullable String username;
        private @Nullable UUID apiClientId;
        private @Nullable Integer maxCount;
        private @Nullable Instant startDate;
        private @Nullable Instant endDate;
        private @Nullable Boolean onlyRoots;
        private @Nullable Boolean desc;
        private @Nullable Boolean allowDeleted;
        private @Nullable String lang;

        private Builder() {}

        /**
         * The author's auth method: servers from 2023-02 on need it with {@link #username(String)} (one
         * without the other is refused), the 2023-01 backend ignores it.
         */
        public Builder authMethod(AuthMethod authMethod) {
            this.authMethod = QueryText.required(authMethod, NAME + ".authMethod");
            return this;
        }

        /** The frontend's id of the author. */
        public Builder username(String username) {
            this.username = QueryText.required(username, NAME + ".username");
            return this;
        }

        /** The API client whose messages: a trusted key may name any, another sees its own. */
        public Builder apiClientId(UUID apiClientId) {
            this.apiClientId = QueryText.required(apiClientId, NAME + ".apiClientId");
            return this;
        }

        /** How many, 1 to 1000; the server's default is 10. */
        public Builder maxCount(int maxCount) {
            this.maxCount = maxCount;
            return this;
        }

        /** Made at or after this instant. */
        public Builder startDate(Instant startDate) {
            this.startDate = QueryText.required(startDate, NAME + ".startDate");
            return this;
        }

        /** Made before this instant (the 2023-01 backend), at or before it (newer servers). */
        public Builder endDate(Instant endDate) {
            this.endDate = QueryText.required(endDate, NAME + ".endDate");
            return this;
        }

        /** Only the roots of trees (the server's default: all). */
        public Builder onlyRoots(boolean onlyRoots) {
            this.onlyRoots = onlyRoots;
            return this;
        }

        /** Newest first (the server's default) or oldest first. */
        public Builder desc(boolean desc) {
            this.desc = desc;
            return this;
        }

        /** Also the deleted ones (the server's default: not). */
        public Builder allowDeleted(boolean allowDeleted) {
            this.allowDeleted = allowDeleted;
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
        public MessageQuery build() {
            return new MessageQuery(new QueryText(NAME)
                    .add("auth_method", authMethod)
                    .add("username", username)
                    .add("api_client_id", apiClientId)
                    .count("max_count", maxCount, 1000)
                    .add("start_date", startDate)
                    .add("end_date", endDate)
                    .add("only_roots", onlyRoots)
                    .add("desc", desc)
                    .add("allow_deleted", allowDeleted)
                    .add("lang", lang)
                    .parameters());
        }
    }
}
