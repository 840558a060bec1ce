package io.github.oasst.client.api;

import feign.Param;
import org.jspecify.annotations.Nullable;

/**
 * Writes a text path parameter (a frontend message id, a username) as exactly one path segment,
 * percent-encoded by Feign: a value that would name another path (empty, {@code .}, {@code ..}, or
 * with a {@code /}, which Feign leaves as it is and the backend's router splits on) is refused with
 * {@link IllegalArgumentException} before anything is sent. Without it, {@code
 * deleteMessagesByUsername("discord/bob")} would reach {@code DELETE
 * /api/v1/frontend_users/discord/bob/messages} of a newer backend.
 */
public final class PathSegment implements Param.Expander {
    /** Made by Feign for each parameter that names it. */
    public PathSegment() {}

    @Override
    public String expand(@Nullable Object value) {
        if (value == null) {
            throw new NullPointerException("a path parameter must not be null");
        }
        String text = value.toString();
        if (text.isEmpty() || text.equals(".") || text.equals("..") || text.indexOf('/') >= 0) {
            throw new IllegalArgumentException(
                    "a path parameter must be one path segment: not empty, '.', '..' or with a '/', got '" + text
                            + "'");
        }
        return text;
    }
}
