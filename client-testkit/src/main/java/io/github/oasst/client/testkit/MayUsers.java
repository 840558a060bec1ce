package io.github.oasst.client.testkit;

import static io.github.oasst.client.api.OasstErrorCode.GENERIC_ERROR;
import static io.github.oasst.client.api.OasstErrorCode.SORT_KEY_UNSUPPORTED;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.oasst.client.testkit.MayRouter.Auth;
import io.github.oasst.client.testkit.Responses.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code /api/v1/users} of the 2023-05 fake: users by id, the keyset lists and cursors by username
 * or display name, updates, anonymising deletes, a user's messages and their deletes; an untrusted
 * client sees and finds only its own users. Called under the backend's lock.
 */
final class MayUsers {
    private final MayStore store;

    MayUsers(MayStore store) {
        this.store = store;
    }

    void routes(MayRouter router) {
        router.add("GET", "/api/v1/users/by_username", Auth.KEY, call -> list(call, true, true));
        router.add("GET", "/api/v1/users/by_display_name", Auth.KEY, call -> list(call, false, true));
        router.add("GET", "/api/v1/users/cursor", Auth.KEY, this::cursor);
        router.add("GET", "/api/v1/users/{user_id}", Auth.KEY, this::byId);
        router.add("PUT", "/api/v1/users/{user_id}", Auth.TRUSTED, this::update);
        router.add("DELETE", "/api/v1/users/{user_id}", Auth.TRUSTED, this::delete);
        router.add("GET", "/api/v1/users/{user_id}/messages", Auth.KEY, this::messages);
        router.add("GET", "/api/v1/users/{user_id}/messages/cursor", Auth.KEY, this::messagesCursor);
        router.add("DELETE", "/api/v1/users/{user_id}/messages", Auth.TRUSTED, this::deleteMessages);
    }

    /** A keyset query of users by username or display name. */
    private record UserQuery(
            boolean byUsername,
            @Nullable UUID apiClientId,
            @Nullable String gte,
            @Nullable UUID gtId,
            @Nullable String lte,
            @Nullable UUID ltId,
            @Nullable String authMethod,
            @Nullable String searchText,
            int limit,
            boolean desc) {}

    /** {@code by_username}, {@code by_display_name} or (without {@code desc}) the frontend users' list. */
    Reply list(MayCall call, boolean byUsername, boolean withDesc) {
        String key = byUsername ? "username" : "display_name";
        UUID client = call.query.uuid("api_client_id");
        String gte = call.query.text("gte_" + key);
        UUID gtId = call.query.uuid("gt_id");
        String lte = call.query.text("lte_" + key);
        UUID ltId = call.query.uuid("lt_id");
        String search = call.query.text("search_text");
        String authMethod = call.query.text("auth_method");
        int max = call.query.count("max_count", 100, 10000);
        boolean desc = withDesc && call.query.bool("desc", false);
        call.check();
        return Responses.json(
                200,
                MayShapes.frontendUsers(users(
                        call, new UserQuery(byUsername, client, gte, gtId, lte, ltId, authMethod, search, max, desc))));
    }

    private List<MayUser> users(MayCall call, UserQuery q) {
        UUID client = q.apiClientId();
        if (!call.client().trusted()) {
            client = client == null ? call.clientId() : client;
            if (!client.equals(call.clientId())) {
                throw MayError.forbidden();
            }
        }
        if (q.gte() == null && q.gtId() != null || q.lte() == null && q.ltId() != null) {
            throw MayError.bad(GENERIC_ERROR, "Need id and name for keyset pagination");
        }
        Function<MayUser, String> key = q.byUsername() ? u -> u.username : u -> u.displayName;
        Comparator<MayUser> order = Comparator.comparing(key).thenComparing(u -> u.id.toString());
        UUID scope = client;
        return store.users().stream()
                .filter(u ->
                        q.gte() == null || bound(key.apply(u), u.id, q.gte(), q.gtId()) >= (q.gtId() == null ? 0 : 1))
                .filter(u ->
                        q.lte() == null || bound(key.apply(u), u.id, q.lte(), q.ltId()) <= (q.ltId() == null ? 0 : -1))
                .filter(u -> q.authMethod() == null || q.authMethod().isEmpty() || u.authMethod.equals(q.authMethod()))
                .filter(u -> scope == null || u.clientId.equals(scope))
                .filter(u -> q.searchText() == null
                        || q.searchText().isEmpty()
                        || key.apply(u).contains(q.searchText()))
                .sorted(q.desc() ? order.reversed() : order)
                .limit(q.limit())
                .toList();
    }

    /** The sign of (value, id) against (bound, boundId); ids compare only on equal values. */
    private static int bound(String value, UUID id, String bound, @Nullable UUID boundId) {
        int cmp = Integer.signum(value.compareTo(bound));
        return cmp != 0 || boundId == null ? cmp : Integer.signum(id.toString().compareTo(boundId.toString()));
    }

    private Reply cursor(MayCall call) {
        String before = call.query.text("before");
        String after = call.query.text("after");
        String sortKey = call.query.text("sort_key", 32);
        int max = call.query.count("max_count", 100, 10000);
        UUID client = call.query.uuid("api_client_id");
        String search = call.query.text("search_text");
        String authMethod = call.query.text("auth_method");
        call.check();
        String key = sortKey == null ? "username" : sortKey;
        if (!key.equals("username") && !key.equals("display_name")) {
            throw MayError.bad(SORT_KEY_UNSUPPORTED, "Unsupported sort key: " + MayInteractions.repr(key));
        }
        String[] low = split(after);
        String[] high = split(before);
        int queryMax = before == null || after == null ? max + 1 : max;
        boolean desc = before != null && after == null;
        List<MayUser> items = new ArrayList<>(users(
                call,
                new UserQuery(
                        key.equals("username"),
                        client,
                        low == null ? null : low[1],
                        low == null || low[0] == null ? null : UUID.fromString(low[0]),
                        high == null ? null : high[1],
                        high == null || high[0] == null ? null : UUID.fromString(high[0]),
                        authMethod,
                        search,
                        queryMax,
                        desc)));
        int rows = items.size();
        if (queryMax > max && rows == queryMax) {
            items.remove(items.size() - 1);
        }
        if (desc) {
            java.util.Collections.reverse(items);
        }
        Function<MayUser, String> name = key.equals("username") ? u -> u.username : u -> u.displayName;
        String lte = high == null ? null : high[1];
        String gte = low == null ? null : low[1];
        String prev = null;
        String next = null;
        if (!items.isEmpty()) {
            if (rows > max && lte != null || gte != null) {
                prev = items.get(0).id + "$" + name.apply(items.get(0));
            }
            if (rows > max || lte != null) {
                next = items.get(items.size() - 1).id + "$" + name.apply(items.get(items.size() - 1));
            }
        } else {
            prev = gte;
            next = lte;
        }
        ArrayNode array = MayShapes.frontendUsers(items);
        return Responses.json(200, MayShapes.page(prev, next, key, array, "asc"));
    }

    /** A users cursor's id (null without one) and name. */
    private static String @Nullable [] split(@Nullable String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        java.util.regex.Matcher m = MayQueries.CURSOR.matcher(cursor);
        return m.matches() ? new String[] {m.group(1), m.group(2)} : new String[] {null, cursor};
    }

    /** {@code get_user}: any user for a trusted client, its own client's for another. */
    static MayUser user(MayCall call, @Nullable UUID id, @Nullable UUID apiClientId) {
        UUID client = apiClientId;
        if (!call.client().trusted()) {
            client = client == null ? call.clientId() : client;
            if (!client.equals(call.clientId())) {
                throw MayError.forbidden();
            }
        }
        MayUser user = call.store.userById(id);
        if (user == null || client != null && !user.clientId.equals(client)) {
            throw MayError.userNotFound();
        }
        return user;
    }

    private Reply byId(MayCall call) {
        UUID id = call.pathUuid("user_id");
        UUID client = call.query.uuid("api_client_id");
        call.check();
        return Responses.json(200, MayShapes.frontendUser(user(call, id, client)));
    }

    private Reply update(MayCall call) {
        UUID id = call.pathUuid("user_id");
        String displayName = call.query.text("display_name");
        Boolean enabled = call.query.text("enabled") == null ? null : call.query.bool("enabled", true);
        String notes = call.query.text("notes");
        Boolean show =
                call.query.text("show_on_leaderboard") == null ? null : call.query.bool("show_on_leaderboard", true);
        boolean tos = call.query.bool("tos_acceptance", false);
        call.check();
        update(existing(id), displayName, enabled, notes, show, tos);
        return Responses.noContent();
    }

    private MayUser existing(@Nullable UUID id) {
        MayUser user = store.userById(id);
        if (user == null) {
            throw MayError.userNotFound();
        }
        return user;
    }

    /** {@code update_user}: sets what is given; a terms-of-service acceptance is dated now. */
    void update(
            MayUser user,
            @Nullable String displayName,
            @Nullable Boolean enabled,
            @Nullable String notes,
            @Nullable Boolean show,
            boolean tos) {
        if (enabled != null) {
            user.enabled = enabled;
        }
        if (notes != null) {
            user.notes = notes;
        }
        if (show != null) {
            user.showOnLeaderboard = show;
        }
        if (tos) {
            user.tosAcceptance = store.time.now();
        }
        if (displayName != null) {
            user.displayName = displayName;
        }
    }

    private Reply delete(MayCall call) {
        UUID id = call.pathUuid("user_id");
        call.check();
        MayUser user = existing(id);
        user.deleted = true;
        user.displayName = "Deleted User";
        user.username = "deleted_" + user.id;
        user.showOnLeaderboard = false;
        return Responses.noContent();
    }

    private Reply messages(MayCall call) {
        MayQueries.Filter filter = new MayQueries.Filter();
        filter.userId = call.pathUuid("user_id");
        UUID client = call.query.uuid("api_client_id");
        filter.apiClientId = client == null ? null : client.toString();
        MayMessages.listFilter(call, filter, "include_deleted");
        call.check();
        MayUser viewer = call.viewer();
        return Responses.json(200, MayShapes.messages(MayQueries.query(call, filter), viewer));
    }

    private Reply messagesCursor(MayCall call) {
        MayQueries.Filter filter = new MayQueries.Filter();
        filter.userId = call.pathUuid("user_id");
        return MayMessages.cursor(call, filter);
    }

    private Reply deleteMessages(MayCall call) {
        MayQueries.Filter filter = new MayQueries.Filter();
        filter.userId = call.pathUuid("user_id");
        call.check();
        call.viewer();
        filter.deleted = null;
        MayMessages.markDeleted(store, MayQueries.query(call, filter));
        return Responses.noContent();
    }
}
