package io.github.oasst.client.data;

import java.util.Map;
import java.util.UUID;

/**
 * The optional query parameters of the users ordered by display name: {@code
 * OasstUsersApi.usersByDisplayName} (servers from 2023-02 on), for example {@code
 * DisplayNameQuery.builder().gteDisplayName("A").maxCount(20).build()}.
 *
 * <p>Immutable. As a {@link QueryParameters} it is the map of the parameters as they are sent, escaped; see
 * there why, and how its builder checks the values.
 */
public final class DisplayNameQuery extends QueryParameters {
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
    public static final class Builder extends UserFilters<Builder> {
        private Builder() {
            super(
                    "DisplayNameQuery",
                    "api_client_id gte_display_name gt_id lte_display_name "
                            + "lt_id auth_method search_text max_count desc");
        }

        /** From this display name on, in the order of display names. */
        public Builder gteDisplayName(String gteDisplayName) {
            return set("gte_display_name", gteDisplayName);
        }

        /**
         * With {@link #gteDisplayName(String)}: among the users of exactly that display name, only those
         * after this backend id.
         */
        public Builder gtId(UUID gtId) {
            return set("gt_id", gtId);
        }

        /** Down to this display name, in the order of display names. */
        public Builder lteDisplayName(String lteDisplayName) {
            return set("lte_display_name", lteDisplayName);
        }

        /**
         * With {@link #lteDisplayName(String)}: among the users of exactly that display name, only those
         * before this backend id.
         */
        public Builder ltId(UUID ltId) {
            return set("lt_id", ltId);
        }

        /** Descending, or ascending (the server's default). */
        public Builder desc(boolean desc) {
            return set("desc", desc);
        }

        /**
         * The query.
         *
         * @throws IllegalArgumentException when a value is out of the server's bounds or a text has no
         *     exact form (it is not valid Unicode, or holds NUL); the message names the field
         */
        public DisplayNameQuery build() {
            return new DisplayNameQuery(parameters());
        }
    }
}
