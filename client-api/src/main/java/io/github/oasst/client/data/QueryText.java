package io.github.oasst.client.data;

import io.github.oasst.client.internal.UriEscapes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a query being built, in the order of the request, each value escaped by
 * {@link UriEscapes}, as {@code io.github.oasst.client.api.QueryValue} escapes a text; every failure
 * names the query's field ({@code MessageQuery.maxCount}).
 */
final class QueryText {
    private final String query;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    /** @param query the query class's simple name, for the messages */
    QueryText(String query) {
        this.query = query;
    }

    /**
     * A builder's argument, which must not be null.
     *
     * @param field the query's name and the field's, {@code MessageQuery.username}
     */
    static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw new NullPointerException(field + " must not be null");
        }
        return value;
    }

    /** The parameter's value as its text escaped, when there is one. */
    QueryText add(String name, @Nullable Object value) {
        if (value != null) {
            parameters.put(name, UriEscapes.escape(value.toString(), field(name)));
        }
        return this;
    }

    /** A count, which the server takes from 1 to {@code max}. */
    QueryText count(String name, @Nullable Integer value, int max) {
        if (value != null && (value < 1 || value > max)) {
            throw new IllegalArgumentException(field(name) + " must be 1 to " + max + ", got " + value);
        }
        return add(name, value);
    }

    /** A text of at most {@code maxLength} characters (Unicode code points, as the server counts). */
    QueryText text(String name, @Nullable String value, int maxLength) {
        add(name, value);
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            throw new IllegalArgumentException(field(name) + " must be at most " + maxLength + " characters, got "
                    + value.codePointCount(0, value.length()));
        }
        return this;
    }

    /** The parameters so far. */
    Map<String, String> parameters() {
        return parameters;
    }

    private String field(String name) {
        return field(query, name);
    }

    /** {@code MessageQuery.maxCount} for the query {@code MessageQuery} and the parameter {@code max_count}. */
    static String field(String query, String name) {
        StringBuilder field = new StringBuilder(query).append('.');
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return field.toString();
    }
}
