package io.github.oasst.client.data;

import java.time.Instant;
import java.util.UUID;

/**
 * The setters of the queries of messages that are not paged by a cursor: {@link MessageQuery} and
 * {@link UserMessageQuery}.
 *
 * @param <B> the concrete builder
 */
abstract class DatedMessageFilters<B extends DatedMessageFilters<B>> extends MessageFilters<B> {
    DatedMessageFilters(String query, String order) {
        super(query, order);
    }

    /** The API client whose messages: a trusted key may name any, another sees its own. */
    public B apiClientId(UUID apiClientId) {
        return set("api_client_id", apiClientId);
    }

    /** Made at or after this instant. */
    public B startDate(Instant startDate) {
        return set("start_date", startDate);
    }

    /** Made before this instant (the 2023-01 backend), at or before it (newer servers). */
    public B endDate(Instant endDate) {
        return set("end_date", endDate);
    }

    /** Newest first (the server's default) or oldest first. */
    public B desc(boolean desc) {
        return set("desc", desc);
    }
}
