package io.github.oasst.client.data;

import io.github.oasst.client.internal.UriEscapes;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The optional query parameters of an operation, as the URL carries them: an immutable map from
 * each parameter's name on the wire ({@code max_count}) to its value already percent-encoded as
 * {@code io.github.oasst.client.api.QueryValue} encodes a text (every UTF-8 byte of a character
 * outside RFC 3986's unreserved set as {@code %XX}, the value's own {@code %} included), in the
 * order of the request. A parameter that was not set is absent, so it is not sent and the server
 * applies its default. Made by the builders of its subclasses, which refuse a null at once and
 * check every value in {@code build()} (a count within the server's bounds, a text with an exact
 * form), each failure naming the query's field, so that nothing invalid is ever sent.
 *
 * <p>Why a map of escaped text: the interfaces take a query as a Feign {@code @QueryMap}. Feign uses
 * a {@code Map} argument as it is, while any other object goes through the {@code QueryMapEncoder}
 * configured (Spring Cloud OpenFeign installs its own); Feign then passes each value through its
 * URI encoder, which leaves a value made of unreserved characters and {@code %XX} escapes unchanged
 * (raw text would not come through: that encoder keeps an existing escape, so {@code p%41x} would
 * reach the server as {@code pAx}, and Feign takes a {@code {…}} for a template expression). So every
 * query arrives byte for byte the same, whatever encoder a Feign client is configured with, and the
 * server decodes exactly the caller's values.
 *
 * <p>As a map it is equal to any map with the same entries; {@link #toString()} shows the query as
 * it is sent, escaped (so a line break in a value cannot break a log line).
 */
public abstract sealed class QueryParameters extends AbstractMap<String, String>
        permits DisplayNameQuery,
                MessageCursorQuery,
                MessageQuery,
                UserCursorQuery,
                UserMessageCursorQuery,
                UserMessageQuery,
                UserQuery,
                UserUpdate {
    private final Map<String, String> parameters;

    QueryParameters(Map<String, String> parameters) {
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    @Override
    public final Set<Map.Entry<String, String>> entrySet() {
        return parameters.entrySet();
    }

    @Override
    public final @Nullable String get(@Nullable Object name) {
        return parameters.get(name);
    }

    @Override
    public final boolean containsKey(@Nullable Object name) {
        return parameters.containsKey(name);
    }

    @Override
    public final int size() {
        return parameters.size();
    }

    /**
     * The class's name and the query as it is sent, for example {@code
     * MessageQuery?username=p%2541x&max_count=10}; the name alone when there is no parameter.
     */
    @Override
    public final String toString() {
        StringJoiner query = new StringJoiner("&", getClass().getSimpleName() + "?", "");
        query.setEmptyValue(getClass().getSimpleName());
        parameters.forEach((name, value) -> query.add(name + "=" + value));
        return query.toString();
    }

    /**
     * The parameters with {@code after} set to the cursor, escaped, and without {@code before}: the
     * next page of a cursor query, whose first two parameters these are.
     */
    final Map<String, String> parametersAfter(@Nullable String cursor) {
        String field = getClass().getSimpleName() + ".after";
        Map<String, String> next = new LinkedHashMap<>();
        next.put("after", UriEscapes.escape(QueryText.required(cursor, field).toString(), field));
        parameters.forEach((name, value) -> {
            if (!name.equals("before") && !name.equals("after")) {
                next.put(name, value);
            }
        });
        return next;
    }
}
