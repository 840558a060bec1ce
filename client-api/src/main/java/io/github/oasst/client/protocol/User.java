package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.oasst.client.internal.Checks;

/**
 * A frontend user on whose behalf tasks are fetched and answered.
 *
 * @param id the frontend's id of the user (for example a Discord user id); not blank
 * @param displayName the name shown for the user; not null
 * @param authMethod how the frontend authenticated the user
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(
        @JsonProperty("id") String id,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("auth_method") AuthMethod authMethod) {

    public User {
        Checks.notBlank(id, "user id");
        Checks.notNull(displayName, "user display name");
        Checks.notNull(authMethod, "user auth method");
    }

    /** A user authenticated by Discord. */
    public static User discord(String id, String displayName) {
        return new User(id, displayName, AuthMethod.DISCORD);
    }

    /** A user authenticated by the frontend itself. */
    public static User local(String id, String displayName) {
        return new User(id, displayName, AuthMethod.LOCAL);
    }
}
