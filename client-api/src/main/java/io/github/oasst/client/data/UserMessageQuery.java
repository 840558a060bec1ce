package io.github.oasst.client.data;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The optional query parameters of a user's messages: {@code OasstUsersApi.getUserMessages}, {@code
 * OasstFrontendUsersApi.getUserMessages} and, on the 2023-01 backend, {@code
 * OasstFrontendUsersApi.getMessagesByUsername}, for example {@code
 * UserMessageQuery.builder().maxCount(10).onlyRoots(true).build()}.
 *
 * <p>Immutable. As a {@link QueryParameters} it is the map of the parameters as they are sent, escaped; see
 * there why, and how its builder checks the values.
 */
public final class UserMessageQuery extends QueryParameters {
    private static final String NAME = "UserMessageQuery";

    private UserMessageQuery(Map<String, String> parameters) {
        super(parameters);
    }

    /** A builder with no parameter set. */
    public static Builder builder() {
        return new Builder();
    }

    /** No parameter: the server's defaults, the user's 10 newest messages. */
    public static UserMessageQuery defaults() {
        return new UserMessageQuery(Map.of());
    }

    /**
     * Sets the parameters of a {@link UserMessageQuery}; a null argument is refused at once, the values are
     * checked by {@link #build()}.
     */
    public static final class Builder {
        private @Nullable UUID apiClientId;
        private @Nullable Integer maxCount;
        private @Nullable Instant startDate;
        private @Nullable Instant endDate;
        private @Nullable Boolean onlyRoots;
        private @Nullable Boolean desc;
        private @Nullable Boolean includeDeleted;
        private @Nullable String lang;

        private Builder() {}

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
        public Builder includeDeleted(boolean includeDeleted) {
            this.includeDeleted = includeDeleted;
            return this;
        }

        /** Only messages of this language code (servers from 2023-02 on; the 2023-01 backend ignores it). */
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
        public UserMessageQuery build() {
            return new UserMessageQuery(new QueryText(NAME)
                    .add("api_client_id", apiClientId)
                    .count("max_count", maxCount, 1000)
                    .add("start_date", startDate)
                    .add("end_date", endDate)
                    .add("only_roots", onlyRoots)
                    .add("desc", desc)
                    .add("include_deleted", includeDeleted)
                    .add("lang", lang)
                    .parameters());
        }
    }
}
