package io.github.oasst.client.data;

import org.jspecify.annotations.Nullable;

/**
 * The setters that all the queries of messages have.
 *
 * @param <B> the concrete builder
 */
abstract class MessageFilters<B extends MessageFilters<B>> extends QueryBuilder<B> {
    MessageFilters(String query, String order) {
        super(query, order);
    }

    /** How many (in a query of pages, per page), 1 to 1000; the server's default is 10. */
    public B maxCount(int maxCount) {
        return set("max_count", maxCount);
    }

    /** Only the roots of trees (the server's default: all). */
    public B onlyRoots(boolean onlyRoots) {
        return set("only_roots", onlyRoots);
    }

    /** Only messages of this language code (servers from 2023-02 on; the 2023-01 backend ignores it). */
    public B lang(String lang) {
        return set("lang", lang);
    }

    @Override
    void add(QueryText text, String name, @Nullable Object value) {
        if (name.equals("max_count")) {
            text.count(name, (Integer) value, 1000);
        } else {
            super.add(text, name, value);
        }
    }
}
