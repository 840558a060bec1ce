package io.github.oasst.client.testkit;

import static io.github.oasst.client.api.OasstErrorCode.AUTH_AND_USERNAME_REQUIRED;
import static io.github.oasst.client.api.OasstErrorCode.BROKEN_CONVERSATION;
import static io.github.oasst.client.api.OasstErrorCode.INVALID_CURSOR_VALUE;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The 2023-05 backend's message queries on the fake's store: the list ordered by creation with its
 * filters and keyset bounds ({@code query_messages_ordered_by_created_date}), the cursor pages over
 * it, and a tree's conversations and descendants. Called under the backend's lock.
 */
final class MayQueries {
    static final Pattern CURSOR =
            Pattern.compile("^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\$(.*)$");
    /** Creation order, ties by id as PostgreSQL compares UUIDs. */
    private static final Comparator<MayMessage> ORDER =
            Comparator.<MayMessage, OffsetDateTime>comparing(m -> m.created).thenComparing(m -> m.id.toString());

    private MayQueries() {}

    /** The filters of a message query; null means none. {@code apiClientId} is as the request gave it. */
    static final class Filter {
        @Nullable
        UUID userId;

        @Nullable
        String authMethod;

        @Nullable
        String username;

        @Nullable
        String apiClientId;

        @Nullable
        OffsetDateTime gte;

        @Nullable
        UUID gtId;

        @Nullable
        OffsetDateTime lte;

        @Nullable
        UUID ltId;

        boolean onlyRoots;
        /** Only messages with this deleted flag; null for all. */
        @Nullable
        Boolean deleted = Boolean.FALSE;

        boolean desc;

        @Nullable
        Integer limit;

        @Nullable
        String lang;
    }

    /** The messages the filter selects, for the calling client. */
    static List<MayMessage> query(MayCall call, Filter filter) {
        String client = filter.apiClientId;
        if (!call.client().trusted()) {
            if (client == null) {
                client = call.clientId().toString();
            } else if (!client.equals(call.clientId().toString())) {
                throw MayError.forbidden();
            }
        }
        if ((filter.username != null || filter.authMethod != null)
                && (filter.username == null || filter.authMethod == null)) {
            throw MayError.bad(AUTH_AND_USERNAME_REQUIRED, "Auth method or username missing.");
        }
        UUID clientId = client == null ? null : Coercions.uuid(client);
        if (client != null && clientId == null) {
            // the column is a UUID: the database refuses the text
            throw MayError.serverError();
        }
        Comparator<MayMessage> order = filter.desc ? ORDER.reversed() : ORDER;
        return call.store.messages().stream()
                .filter(m -> filter.userId == null || m.user.id.equals(filter.userId))
                .filter(m -> filter.username == null
                        || m.user.username.equals(filter.username) && m.user.authMethod.equals(filter.authMethod))
                .filter(m -> clientId == null || m.clientId().equals(clientId))
                .filter(m -> filter.gte == null || after(m, filter.gte, filter.gtId))
                .filter(m -> filter.lte == null || before(m, filter.lte, filter.ltId))
                .filter(m -> !filter.onlyRoots || m.parentId == null)
                .filter(m -> filter.deleted == null || m.deleted == filter.deleted)
                .filter(m -> filter.lang == null || m.lang.equals(filter.lang))
                .sorted(order)
                .limit(filter.limit == null ? Long.MAX_VALUE : filter.limit)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static boolean after(MayMessage m, OffsetDateTime date, @Nullable UUID id) {
        int cmp = m.created.compareTo(date);
        return id == null ? cmp >= 0 : cmp > 0 || cmp == 0 && m.id.toString().compareTo(id.toString()) > 0;
    }

    private static boolean before(MayMessage m, OffsetDateTime date, @Nullable UUID id) {
        int cmp = m.created.compareTo(date);
        return id == null ? cmp <= 0 : cmp < 0 || cmp == 0 && m.id.toString().compareTo(id.toString()) < 0;
    }

    /** A cursor's date and id (null without an id part); 400/101 when it is none. */
    private static Object @Nullable [] cursor(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Matcher m = CURSOR.matcher(text);
        OffsetDateTime date = MayTime.fromIso(m.matches() ? m.group(2) : text);
        if (date == null) {
            throw MayError.bad(INVALID_CURSOR_VALUE, "Invalid cursor value");
        }
        return new Object[] {date, m.matches() ? UUID.fromString(m.group(1)) : null};
    }

    /**
     * {@code get_messages_cursor}: a page of the filter's messages after or before a cursor; {@code
     * viewer} is resolved after the cursors are read, as the backend does.
     */
    static ObjectNode page(
            MayCall call,
            Filter filter,
            @Nullable String before,
            @Nullable String after,
            int maxCount,
            boolean desc,
            boolean includeUser) {
        Object[] low = cursor(desc ? before : after);
        Object[] high = cursor(desc ? after : before);
        boolean queryDesc = desc ? !(before != null && after == null) : before != null && after == null;
        int queryMax = before == null || after == null ? maxCount + 1 : maxCount;
        MayUser viewer = call.viewer();
        filter.gte = low == null ? null : (OffsetDateTime) low[0];
        filter.gtId = low == null ? null : (UUID) low[1];
        filter.lte = high == null ? null : (OffsetDateTime) high[0];
        filter.ltId = high == null ? null : (UUID) high[1];
        filter.desc = queryDesc;
        filter.limit = queryMax;
        List<MayMessage> items = query(call, filter);
        int rows = items.size();
        if (queryMax > maxCount && rows == queryMax) {
            items.remove(items.size() - 1);
        }
        if (desc != queryDesc) {
            java.util.Collections.reverse(items);
        }
        String prev = null;
        String next = null;
        if (!items.isEmpty()) {
            if (rows > maxCount && before != null || after != null) {
                prev = cursorOf(items.get(0));
            }
            if (rows > maxCount || before != null) {
                next = cursorOf(items.get(items.size() - 1));
            }
        } else {
            if (after != null) {
                prev = MayTime.iso(desc ? filter.lte : filter.gte);
            }
            if (before != null) {
                next = MayTime.iso(desc ? filter.gte : filter.lte);
            }
        }
        ArrayNode array = Responses.MAPPER.createArrayNode();
        items.forEach(m -> array.add(MayShapes.message(m, viewer, includeUser)));
        return MayShapes.page(prev, next, "created_date", array, desc ? "desc" : "asc");
    }

    private static String cursorOf(MayMessage message) {
        return message.id + "$" + MayTime.iso(message.created);
    }

    // ---- trees -----------------------------------------------------------------------------------------

    /** The tree's messages, reviewed ones only unless {@code withUnreviewed}, deleted ones when asked. */
    static List<MayMessage> tree(MayStore store, UUID treeId, boolean withUnreviewed, boolean withDeleted) {
        return store.treeMessages(treeId).stream()
                .filter(m -> withUnreviewed || Boolean.TRUE.equals(m.reviewResult))
                .filter(m -> withDeleted || !m.deleted)
                .toList();
    }

    /** From the root to the message over the reviewed messages of its tree; 500/2009 when broken. */
    static List<MayMessage> conversation(MayStore store, MayMessage message) {
        Map<UUID, MayMessage> reviewed =
                tree(store, message.treeId, false, false).stream().collect(Collectors.toMap(m -> m.id, m -> m));
        List<MayMessage> path = new ArrayList<>();
        path.add(message);
        while (path.get(0).parentId != null) {
            MayMessage parent = reviewed.get(path.get(0).parentId);
            if (parent == null) {
                throw MayError.of(500, BROKEN_CONVERSATION, "Broken conversation");
            }
            path.add(0, parent);
        }
        return path;
    }

    /** Every message below this one, depth first, children in the order stored. */
    static List<MayMessage> descendants(MayStore store, MayMessage message) {
        List<MayMessage> below = new ArrayList<>();
        for (MayMessage child : store.children(message.id)) {
            below.add(child);
            below.addAll(descendants(store, child));
        }
        return below;
    }

    /** From the root to the deepest reviewed message of the tree (the first of the deepest). */
    static List<MayMessage> longestConversation(MayStore store, MayMessage message) {
        List<MayMessage> reviewed = tree(store, message.treeId, false, false);
        MayMessage deepest =
                reviewed.stream().reduce((a, b) -> b.depth > a.depth ? b : a).orElseThrow(MayError::serverError);
        return conversation(store, deepest);
    }

    /** The reviewed message with most children (the first of them), then its reviewed children. */
    static List<MayMessage> maxChildren(MayStore store, MayMessage message) {
        List<MayMessage> reviewed = tree(store, message.treeId, false, false);
        MayMessage most = reviewed.stream()
                .reduce((a, b) -> b.childrenCount > a.childrenCount ? b : a)
                .orElseThrow(MayError::serverError);
        List<MayMessage> result = new ArrayList<>();
        result.add(most);
        reviewed.stream().filter(m -> most.id.equals(m.parentId)).forEach(result::add);
        return result;
    }
}
