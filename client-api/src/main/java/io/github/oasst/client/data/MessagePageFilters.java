package io.github.oasst.client.data;

/**
 * The setters of the queries of pages of messages: {@link MessageCursorQuery} and {@link
 * UserMessageCursorQuery}.
 *
 * @param <B> the concrete builder
 */
abstract class MessagePageFilters<B extends MessagePageFilters<B>> extends MessageFilters<B> {
    MessagePageFilters(String query, String order) {
        super(query, order);
    }

    /** The page before this cursor (a page's {@code prev()}). */
    public B before(String before) {
        return set("before", before);
    }

    /** The page after this cursor (a page's {@code next()}). */
    public B after(String after) {
        return set("after", after);
    }

    /** Also the deleted ones (the server's default: not). */
    public B includeDeleted(boolean includeDeleted) {
        return set("include_deleted", includeDeleted);
    }

    /** Newest first, or oldest first (the server's default). */
    public B desc(boolean desc) {
        return set("desc", desc);
    }
}
