package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.oasst.client.internal.Checks;

/**
 * How a frontend authenticated its user, an open set: the 2023-01 backend knows {@link #DISCORD}
 * and {@link #LOCAL}; newer ones add {@link #GOOGLE} and {@link #SYSTEM}. Values this class does not
 * name are kept as they are, so a newer server's methods round-trip unchanged.
 *
 * @param value the name on the wire
 */
public record AuthMethod(@JsonValue String value) {
    public static final AuthMethod DISCORD = new AuthMethod("discord");
    public static final AuthMethod LOCAL = new AuthMethod("local");
    /** Known to servers from 2023-02 on; a 2023-01 server rejects it with 422. */
    public static final AuthMethod GOOGLE = new AuthMethod("google");
    /** Known to servers from 2023-02 on; a 2023-01 server rejects it with 422. */
    public static final AuthMethod SYSTEM = new AuthMethod("system");

    public AuthMethod {
        Checks.notBlank(value, "auth method");
    }

    @JsonCreator
    public static AuthMethod of(String value) {
        return switch (value) {
            case "discord" -> DISCORD;
            case "local" -> LOCAL;
            case "google" -> GOOGLE;
            case "system" -> SYSTEM;
            default -> new AuthMethod(value);
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
