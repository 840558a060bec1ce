package io.github.oasst.client.data;

import io.github.oasst.client.protocol.AuthMethod;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The optional query parameters of the users ordered by display name: {@code
 * OasstUsersApi.usersByDisplayName} (servers from 2023-02 on), for example {@code
 * DisplayNameQuery.builder().gteDisplayName("A").maxCount(20).build()}.
 *
 * <p>Immutable. As a {@link QueryParameters} it is the map of the parameters as they are sent, escaped; see
 * there why, and how its builder checks the values.
 */
public final class DisplayNameQuery extends QueryParameters {
    private static final String NAME = "DisplayNameQuery";

    private DisplayNameQuery(Map<String, String> parameters) {
        super(parameters);
    }

    /** A builder with no parameter set. */
    public static Builder builder() {
        return new Builder();
    }

    /** No parameter: the server's defaults, the first 100 users. */
    public static DisplayNameQuery defaults() {
        return new DisplayNameQuery(Map.of());
    }

    /**
     * Sets the parameters of a {@link DisplayNameQuery}; a null argument is refused at once, the values are
     * checked by {@link #build()}.
     */
    public static final class Builder {
        private @Nullable UUID apiClientId;
        private @Nullable String gteDisplayName;
        private @Nullable UUID gtId;
        private @Nullable String lteDisplayName;
        private @Nullable UUID ltId;
        private @Nullable AuthMethod authMethod;
        private @Nullable String searchText;
        private @Nullable Integer maxCount;
        private @Nullable Boolean desc;

        private Builder() {}

        /** The API client whose users: a trusted key may name any, another sees its own. */
        public Builder apiClientId(UUID apiClientId) {
            this.apiClientId = QueryText.required(apiClientId, NAME + ".apiClientId");
            return this;
        }

        /** From this display name on, in the order of display names. */
        public Builder gteDisplayName(String gteDisplayName) {
            this.gteDisplayName = QueryText.required(gteDisplayName, NAME + ".gteDisplayName");
            return this;
        }

        /**
         * With {@link #gteDisplayName(String)}: among the users of exactly that display name, only those
         * after this backend id.
         */
        public Builder gtId(UUID gtId) {
            this.gtId = QueryText.required(gtId, NAME + ".gtId");
            return this;
        }

        /** Down to this display name, in the order of display names. */
        public Builder lteDisplayName(String lteDisplayName) {
            this.lteDisplayName = QueryText.required(lteDisplayName, NAME + ".lteDisplayName");
            return this;
        }

        /**
         * With {@link #lteDisplayName(String)}: among the users of exactly that display name, only those
         * before this backend id.
         */
        public Builder ltId(UUID ltId) {
            this.ltId = QueryText.required(ltId, NAME + ".ltId");
            return this;
        }

        /** Only users of this auth method. */
        public Builder authMethod(AuthMethod authMethod) {
            this.authMethod = QueryText.required(authMethod, NAME + ".authMethod");
            return this;
        }

        /** Only users whose display name contains this text. */
        public Builder searchText(String searchText) {
            this.searchText = QueryText.required(searchText, NAME + ".searchText");
            return this;
        }

        /** How many, 1 to 10000; the server's default is 100. */
        public Builder maxCount(int maxCount) {
            this.maxCount = maxCount;
            return this;
        }

        /** Descending, or ascending (the server's default). */
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
        public DisplayNameQuery build() {
            return new DisplayNameQuery(new QueryText(NAME)
                    .add("api_client_id", apiClientId)
                    .add("gte_display_name", gteDisplayName)
                    .add("gt_id", gtId)
                    .add("lte_display_name", lteDisplayName)
                    .add("lt_id", ltId)
                    .add("auth_method", authMethod)
                    .add("search_text", searchText)
                    .count("max_count", maxCount, 10000)
                    .add("desc", desc)
                    .parameters());
        }
    }
}
