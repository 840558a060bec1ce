package io.github.oasst.client.api;

import feign.Param;
import io.github.oasst.client.internal.UriEscapes;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes a text path parameter (a frontend message id, a username, an auth method) as exactly one
 * path segment that the server decodes back to the caller's text: every character outside RFC 3986's
 * unreserved set is percent-encoded as UTF-8, the value's own {@code %} included ({@code p%41x} is
 * sent as {@code p%2541x}), so no escape the caller wrote is ever read as one. Use it with {@code
 * @RequestLine(decodeSlash = false)}, as the client's interfaces do.
 *
 * <p>Refused with {@link IllegalArgumentException} before anything is sent, because no escaping keeps
 * them one segment: an empty value, {@code .} and {@code ..} (dot segments, which the URL resolves
 * away), a value with {@code /} (the OASST backend, on uvicorn and Starlette, decodes {@code %2F}
 * into {@code /} before it routes, so {@code a%2Fb} reaches another route), and text that is not
 * valid Unicode (a lone surrogate).
 */
public final class PathSegment implements Param.Expander {
    /** Made by Feign for each parameter that names it. */
    public PathSegment() {}

    @Override
    public String expand(@Nullable Object value) {
        if (value == null) {
            throw new NullPointerException("a path parameter must not be null");
        }
        return escape(value, "a path parameter");
    }

    /**
     * The value's text ({@code toString()}) as one escaped path segment.
     *
     * @param parameter the parameter's name, for the message of a refusal
     * @throws IllegalArgumentException when the value cannot be one segment (see the class comment);
     *     the message names the parameter
     */
    public static String escape(Object value, String parameter) {
        Objects.requireNonNull(value, () -> parameter + " must not be null");
        String text = value.toString();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(parameter + " must not be empty: it is a path segment");
        }
        if (text.equals(".") || text.equals("..")) {
            throw new IllegalArgumentException(
                    parameter + " must not be '" + text + "': a dot segment would name another path");
        }
        int slash = text.indexOf('/');
        if (slash >= 0) {
            throw new IllegalArgumentException(parameter + " must not contain '/' (found at index " + slash
                    + "): the OASST backend decodes an escaped slash before routing, so it would reach another path");
        }
        return UriEscapes.escape(text, parameter);
    }
}
