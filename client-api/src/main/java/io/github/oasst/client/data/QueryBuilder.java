package io.github.oasst.client.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the builders of the query objects share: the values set so far, by their parameter's name on the
 * wire, and the parameters they make, escaped and checked, in the order of the request. Its subclasses
 * add the setters that several queries have, each returning the concrete builder.
 *
 * @param <B> the concrete builder
 */
abstract class QueryBuilder<B extends QueryBuilder<B>> {
    private final String query;
    private final List<String> order;
    private final Map<String, Object> values = new HashMap<>();

    /**
     * @param query the query class's simple name, for the messages
     * @param order the names of the query's parameters on the wire, separated by spaces, in the order
     *     of the request
     */
    QueryBuilder(String query, String order) {
        this.query = query;
        this.order = List.of(order.split(" "));
    }

    /**
     * Sets a parameter; a null value is refused at once, the message naming the query's field ({@code
     * MessageQuery.lang} for {@code lang}).
     */
    final B set(String name, @Nullable Object value) {
        if (!order.contains(name)) {
            throw new IllegalStateException(query + " has no parameter " + name);
        }
        values.put(name, QueryText.required(value, QueryText.field(query, name)));
        @SuppressWarnings("unchecked") // every subclass is the B it names
        B self = (B) this;
        return self;
    }

    /**
     * The parameters set, escaped, in the order of the request.
     *
     * @throws IllegalArgumentException when a value is out of the server's bounds or a text has no exact
     *     form; the message names the field
     */
    final Map<String, String> parameters() {
        QueryText text = new QueryText(query);
        for (String name : order) {
            add(text, name, values.get(name));
        }
        return text.parameters();
    }

    /** Adds a parameter, when it is set; a builder with a bounded parameter checks it here. */
    void add(QueryText text, String name, @Nullable Object value) {
        text.add(name, value);
    }
}
