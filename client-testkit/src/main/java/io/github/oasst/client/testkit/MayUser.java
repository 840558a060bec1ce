package io.github.oasst.client.testkit;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user of the 2023-05 fake: one per API client, auth method and username, as that backend keeps
 * them. Guarded by the backend's lock.
 */
final class MayUser {
    final UUID id;
    final UUID clientId;
    final String authMethod;
    final OffsetDateTime created;
    String username;
    String displayName;
    boolean enabled = true;
    boolean deleted;
    String notes = "";
    boolean showOnLeaderboard = true;

    @Nullable
    Integer streakDays;

    @Nullable
    OffsetDateTime streakLastDay;

    @Nullable
    OffsetDateTime lastActivity;

    @Nullable
    OffsetDateTime tosAcceptance;

    MayUser(UUID id, UUID clientId, String authMethod, String username, String displayName, OffsetDateTime created) {
        this.id = id;
        this.clientId = clientId;
        this.authMethod = authMethod;
        this.username = username;
        this.displayName = displayName;
        this.created = created;
        this.streakLastDay = created;
    }

    /** Whether a task may be given to this user ({@code ensure_user_is_enabled}). */
    boolean active() {
        return enabled && !deleted;
    }
}
