package io.github.oasst.client.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oasst.client.testkit.MayRouter.Auth;
import io.github.oasst.client.testkit.RequestValidation.Dialect;
import io.github.oasst.client.testkit.Responses.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code /api/v1/frontend_users} of the 2023-05 fake: users by auth method and username (the
 * caller's client's, another's only for a trusted client), create-or-get with updates, the list
 * (as {@code /users/by_username} without {@code desc}), a user's messages, cursor and deletes (all
 * of them). Called under the backend's lock.
 */
final class MayFrontendUsers {
    private final MayStore store;
    private final MayUsers users;

    MayFrontendUsers(MayStore store, MayUsers users) {
        this.store = store;
        this.users = users;
    }

    void routes(MayRouter router) {
        router.add("GET", "/api/v1/frontend_users/", Auth.KEY, call -> users.list(call, true, false));
        router.add("GET", "/api/v1/frontend_users/{auth_method}/{username}", Auth.KEY, this::byName);
        router.add("POST", "/api/v1/frontend_users/", Auth.KEY, this::create);
        router.add("GET", "/api/v1/frontend_users/{auth_method}/{username}/messages", Auth.KEY, this::messagesByName);
        router.add("GET", "/api/v1/frontend_users/{auth_method}/{username}/messages/cursor", Auth.KEY, call -> {
            MayQueries.Filter filter = new MayQueries.Filter();
            filter.authMethod = call.path("auth_method");
            filter.username = call.path("username");
            return MayMessages.cursor(call, filter);
        });
        router.add("DELETE", "/api/v1/frontend_users/{auth_method}/{username}/messages", Auth.TRUSTED, call -> {
            MayQueries.Filter filter = new MayQueries.Filter();
            filter.authMethod = call.path("auth_method");
            filter.username = call.path("username");
            filter.apiClientId = call.clientId().toString();
            filter.deleted = null;
            MayMessages.markDeleted(store, MayQueries.query(call, filter));
            return Responses.noContent();
        });
    }

    private Reply byName(MayCall call) {
        UUID client = call.query.uuid("api_client_id");
        call.check();
        return Responses.json(200, MayShapes.frontendUser(byName(call, client)));
    }

    /** {@code query_frontend_user}: the path's user of the client (another's for a trusted client). */
    private MayUser byName(MayCall call, @Nullable UUID apiClientId) {
        UUID client = apiClientId == null ? call.clientId() : apiClientId;
        if (!call.client().trusted() && !client.equals(call.clientId())) {
            throw MayError.forbidden();
        }
        MayUser user = store.user(client, call.path("auth_method"), call.path("username"));
        if (user == null) {
            throw MayError.userNotFound();
        }
        return user;
    }

    private Reply create(MayCall call) {
        JsonNode body = call.requiredBody(MayFrontendUsers::createBody);
        MayUser user = store.lookup(call.clientId(), body);
        boolean enabled = bool(body, "enabled", true);
        boolean show = bool(body, "show_on_leaderboard", true);
        JsonNode notes = body.get("notes");
        String note = notes == null || notes.isNull() ? null : Coercions.text(notes);
        boolean tos = bool(body, "tos_acceptance", false);
        if (enabled != user.enabled
                || show != user.showOnLeaderboard
                || note != null && !note.equals(user.notes)
                || tos && user.tosAcceptance == null) {
            if (!call.client().trusted()) {
                throw MayError.forbidden();
            }
            users.update(user, null, enabled, note, show, tos);
        }
        return Responses.json(200, MayShapes.frontendUser(user));
    }

    private static boolean bool(JsonNode body, String field, boolean fallback) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? fallback : Boolean.TRUE.equals(Coercions.bool(value));
    }

    private static List<ObjectNode> createBody(JsonNode body) {
        List<ObjectNode> errors = new ArrayList<>(RequestValidation.user(body, List.of("body"), Dialect.V2023_05));
        for (String field : List.of("show_on_leaderboard", "enabled", "tos_acceptance")) {
            JsonNode value = body.get(field);
            boolean optional = field.equals("tos_acceptance");
            if (value != null && !(optional && value.isNull()) && Coercions.bool(value) == null) {
                errors.add(Responses.error(
                        List.of("body", field), "value could not be parsed to a boolean", "type_error.bool"));
            }
        }
        if (body.isObject()) {
            RequestValidation.optionalString(body, "notes", List.of("body"), errors);
        }
        return errors;
    }

    private Reply messagesByName(MayCall call) {
        MayQueries.Filter filter = new MayQueries.Filter();
        UUID client = call.query.uuid("api_client_id");
        filter.apiClientId = client == null ? null : client.toString();
        MayMessages.listFilter(call, filter, "include_deleted");
        call.check();
        // the path's user is the repository's user: its emojis and authorship are shown
        MayUser user = byName(call, null);
        filter.authMethod = call.path("auth_method");
        filter.username = call.path("username");
        return Responses.json(200, MayShapes.messages(MayQueries.query(call, filter), user));
    }
}
