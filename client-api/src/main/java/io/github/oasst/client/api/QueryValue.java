package io.github.oasst.client.api;

import feign.Param;
import io.github.oasst.client.internal.UriEscapes;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes a text query parameter so that the server decodes back exactly the caller's text: every
 * character outside RFC 3986's unreserved set is percent-encoded as UTF-8, among them {@code +}
 * (which a server reads as a space), {@code &}, {@code =}, {@code #}, {@code ,} (which Feign would
 * split into several values) and the value's own {@code %}. Use it with {@code
 * @RequestLine(decodeSlash = false)}, as the client's interfaces do. Text that is not valid Unicode
 * (a lone surrogate) is refused with {@link IllegalArgumentException} before anything is sent.
 */
public final class QueryValue implements Param.Expander {
    /** Made by Feign for each parameter that names it. */
    public QueryValue() {}

    @Override
    public String expand(@Nullable Object value) {
        if (value == null) {
            throw new NullPointerException("a query parameter must not be null");
        }
        return escape(value, "a query parameter");
    }

    /**
     * The value's text ({@code toString()}), escaped for a query.
     *
     * @param parameter the parameter's name, for the message of a refusal
     * @throws IllegalArgumentException when the text is not valid Unicode; the message names the
     *     parameter
     */
    public static String escape(Object value, String parameter) {
        Objects.requireNonNull(value, () -> parameter + " must not be null");
        return UriEscapes.escape(value.toString(), parameter);
    }
}
