package io.github.oasst.client.api;

import feign.Param;
import io.github.oasst.client.protocol.User;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@value #NAME} header that names the frontend user a request acts for: {@code
 * <auth_method>:<id>}, as OASST's own web frontend sends it. A 2023-05 server needs it to nack a
 * task (naming the task's owner), and reads it on many other operations (an unknown user gets 404
 * {@code USER_NOT_FOUND}); a 2023-01 server ignores it.
 *
 * <p>The server reads the header's bytes as they are (no percent-decoding, non-ASCII as ISO-8859-1)
 * and splits the value at its first {@code :}, so the value is checked like the API key before
 * anything is sent: printable ASCII without control characters, no whitespace at either end, and an
 * auth method without {@code :}. A user whose id or auth method fails that is refused with {@link
 * IllegalArgumentException}.
 *
 * <p>As a {@link Param.Expander} of a {@link User} parameter: {@code @Headers("x-oasst-user:
 * {user}")} with {@code @Param(value = "user", expander = OasstUserHeader.class) User user}. Feign's
 * header templates turn a {@code %2F} of a value into {@code /}, so there a user whose id holds
 * {@code %2F} is refused too ({@link #forTemplate}); the client's per-user views send the header as
 * a literal and take such a user.
 */
public final class OasstUserHeader implements Param.Expander {
    /** The header's name. */
    public static final String NAME = "x-oasst-user";

    /** Made by Feign for each parameter that names it. */
    public OasstUserHeader() {}

    @Override
    public String expand(@Nullable Object value) {
        if (!(value instanceof User user)) {
            throw new IllegalArgumentException("the " + NAME + " parameter must be a User, got " + value);
        }
        return forTemplate(user, "the user");
    }

    /**
     * The header's value for the user, as {@link #value}, for a Feign header template.
     *
     * @throws IllegalArgumentException also when the value holds {@code %2F}, which Feign's header
     *     templates turn into {@code /}
     */
    public static String forTemplate(User user, String what) {
        String value = value(user, what);
        int slash = value.indexOf("%2F");
        if (slash >= 0) {
            throw new IllegalArgumentException(what + " must not contain \"%2F\" in a Feign header template,"
                    + " which would send '/' instead (found at index " + slash
                    + "); name the user with the client's forUser(user), which sends it as it is");
        }
        return value;
    }

    /**
     * The header's value for the user: {@code <auth_method>:<id>}.
     *
     * @param what names the value in the message of a refusal (a parameter, say)
     * @throws IllegalArgumentException when the value could not go into the header unchanged
     */
    public static String value(User user, String what) {
        Objects.requireNonNull(user, () -> what + " must not be null");
        String method = user.authMethod().value();
        if (method.indexOf(':') >= 0) {
            throw new IllegalArgumentException(what + " must have an auth method without ':' for " + NAME);
        }
        String value = method + ":" + user.id();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException(what + " must be printable ASCII for " + NAME
                        + " (the server reads the header's bytes as they are); found another character at index "
                        + (i < method.length() + 1
                                ? i + " of the auth method"
                                : (i - method.length() - 1) + " of the id"));
            }
        }
        if (Character.isWhitespace(user.id().charAt(0))
                || Character.isWhitespace(user.id().charAt(user.id().length() - 1))
                || Character.isWhitespace(method.charAt(0))) {
            throw new IllegalArgumentException(
                    what + " must not start or end with a space for " + NAME + " (the server would trim it)");
        }
        return value;
    }
}
