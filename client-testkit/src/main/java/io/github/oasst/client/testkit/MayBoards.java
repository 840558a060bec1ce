package io.github.oasst.client.testkit;

import static io.github.oasst.client.api.OasstErrorCode.CACHED_STATS_NOT_AVAILABLE;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oasst.client.testkit.MayRouter.Auth;
import io.github.oasst.client.testkit.Responses.Reply;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The 2023-05 fake's statistics: {@code /stats} (messages, tree manager, cached stats), {@code
 * /leaderboards}, {@code /trollboards}, a user's stats and leaderboard window, and the toxicity
 * check as it fails offline (500). Stats exist once updated, as the backend's do. Called under the
 * backend's lock.
 */
final class MayBoards {
    private static final List<String> CACHED = List.of(
            "human_messages_by_lang",
            "human_messages_by_role",
            "message_trees_by_state",
            "message_trees_states_by_lang",
            "users_accepted_tos");

    private final MayStore store;
    private final MayScores scores;

    MayBoards(MayStore store, MayScores scores) {
        this.store = store;
        this.scores = scores;
    }

    void routes(MayRouter router) {
        router.add("GET", "/api/v1/users/{user_id}/stats", Auth.KEY, this::userStats);
        router.add("GET", "/api/v1/users/{user_id}/stats/{time_frame}", Auth.KEY, this::userStatsOf);
        router.add("GET", "/api/v1/users/{user_id}/stats/{time_frame}/window", Auth.KEY, this::window);
        router.add("GET", "/api/v1/stats/", Auth.TRUSTED, call -> Responses.json(200, systemStats()));
        router.add(
                "GET",
                "/api/v1/stats/tree_manager/state_counts",
                Auth.TRUSTED,
                call -> Responses.json(200, stateCounts()));
        router.add("GET", "/api/v1/stats/tree_manager/message_counts", Auth.TRUSTED, call -> {
            boolean onlyActive = call.query.bool("only_active", true);
            call.check();
            return Responses.json(200, messageCounts(onlyActive));
        });
        router.add("GET", "/api/v1/stats/tree_manager", Auth.TRUSTED, call -> {
            ObjectNode json = Responses.MAPPER.createObjectNode();
            json.set("state_counts", stateCounts());
            json.set("message_counts", messageCounts(true));
            return Responses.json(200, json);
        });
        router.add("GET", "/api/v1/stats/cached/{name}", Auth.KEY, this::cached);
        router.add("GET", "/api/v1/stats/cached", Auth.KEY, call -> {
            ObjectNode json = Responses.MAPPER.createObjectNode();
            json.set("stats_by_name", Responses.MAPPER.valueToTree(store.cachedStats));
            return Responses.json(200, json);
        });
        router.add("POST", "/api/v1/stats/cached/update", Auth.TRUSTED, call -> {
            updateCached();
            return Responses.noContent();
        });
        router.add("GET", "/api/v1/leaderboards/{time_frame}", Auth.KEY, this::leaderboard);
        router.add("POST", "/api/v1/leaderboards/update/{time_frame}", Auth.TRUSTED, call -> {
            String timeFrame = call.pathEnum("time_frame", MayScores.TIME_FRAMES);
            call.check();
            scores.update(timeFrame);
            return Responses.noContent();
        });
        router.add("POST", "/api/v1/leaderboards/update", Auth.TRUSTED, call -> {
            MayScores.TIME_FRAMES.forEach(scores::update);
            return Responses.noContent();
        });
        router.add("GET", "/api/v1/trollboards/{time_frame}", Auth.TRUSTED, this::trollboard);
        router.add("GET", "/api/v1/hf/text_toxicity", Auth.TRUSTED, call -> {
            call.query.required("msg");
            call.check();
            // the backend asks Hugging Face; offline, as recorded, that fails
            throw MayError.serverError();
        });
    }

    private ObjectNode systemStats() {
        int deleted = 0;
        Map<String, Integer> byLang = new TreeMap<>();
        for (MayMessage m : store.messages()) {
            if (m.deleted) {
                deleted++;
            } else {
                byLang.merge(m.lang, 1, Integer::sum);
            }
        }
        int active = byLang.values().stream().mapToInt(Integer::intValue).sum();
        ObjectNode json = Responses.MAPPER.createObjectNode();
        json.put("all", active + deleted);
        json.put("active", active);
        json.set("active_by_lang", Responses.MAPPER.valueToTree(byLang));
        json.put("deleted", deleted);
        json.put(
                "message_trees",
                store.messages().stream().filter(m -> m.parentId == null).count());
        return json;
    }

    private ObjectNode stateCounts() {
        ObjectNode json = Responses.MAPPER.createObjectNode();
        store.trees().forEach(t -> json.put(t.state, json.path(t.state).asInt(0) + 1));
        return json;
    }

    private ArrayNode messageCounts(boolean onlyActive) {
        ArrayNode array = Responses.MAPPER.createArrayNode();
        for (MayTree tree : store.trees()) {
            List<MayMessage> messages =
                    store.treeMessages(tree.id).stream().filter(m -> !m.deleted).toList();
            if (onlyActive && !tree.active || messages.isEmpty()) {
                continue;
            }
            ObjectNode json = array.addObject();
            json.put("message_tree_id", tree.id.toString());
            json.put("state", tree.state);
            json.put("depth", messages.stream().mapToInt(m -> m.depth).max().orElse(0));
            json.put(
                    "oldest",
                    MayTime.iso(messages.stream()
                            .map(m -> m.created)
                            .min(Comparator.naturalOrder())
                            .orElseThrow()));
            json.put(
                    "youngest",
                    MayTime.iso(messages.stream()
                            .map(m -> m.created)
                            .max(Comparator.naturalOrder())
                            .orElseThrow()));
            json.put("count", messages.size());
            json.put("goal_tree_size", MayTree.GOAL_TREE_SIZE);
        }
        return array;
    }

    private Reply cached(MayCall call) {
        String name = call.pathEnum("name", CACHED);
        call.check();
        ObjectNode stats = store.cachedStats.get(name);
        if (stats == null) {
            throw MayError.bad(
                    CACHED_STATS_NOT_AVAILABLE, "Cached stats " + MayInteractions.repr(name) + " not found.");
        }
        return Responses.json(200, stats);
    }

    private void updateCached() {
        Map<String, Integer> byLang = new TreeMap<>();
        Map<String, Integer> byRole = new TreeMap<>();
        for (MayMessage m : store.messages()) {
            if (!m.deleted && Boolean.TRUE.equals(m.reviewResult)) {
                byLang.merge(m.lang, 1, Integer::sum);
                byRole.merge(m.role(), 1, Integer::sum);
            }
        }
        Map<String, Integer> byState = new TreeMap<>();
        Map<String, Integer> byLangState = new TreeMap<>();
        for (MayTree tree : store.trees()) {
            byState.merge(tree.state, 1, Integer::sum);
            byLangState.merge(tree.lang + "\u0000" + tree.state, 1, Integer::sum);
        }
        ArrayNode statesByLang = Responses.MAPPER.createArrayNode();
        byLangState.forEach((key, count) -> statesByLang
                .addObject()
                .put("lang", key.split("\u0000")[0])
                .put("count", count)
                .put("state", key.split("\u0000")[1]));
        long tos = store.users().stream()
                .filter(u -> u.enabled && u.tosAcceptance != null)
                .count();
        cache("human_messages_by_lang", Responses.MAPPER.valueToTree(byLang));
        cache("human_messages_by_role", Responses.MAPPER.valueToTree(byRole));
        cache("message_trees_by_state", Responses.MAPPER.valueToTree(byState));
        cache("message_trees_states_by_lang", statesByLang);
        cache("users_accepted_tos", Responses.MAPPER.createObjectNode().put("count", tos));
    }

    private void cache(String name, com.fasterxml.jackson.databind.JsonNode stats) {
        ObjectNode json = Responses.MAPPER.createObjectNode();
        json.put("name", name);
        json.put("last_updated", MayTime.iso(store.time.now()));
        json.set("stats", stats);
        store.cachedStats.put(name, json);
    }

    private Reply leaderboard(MayCall call) {
        String timeFrame = call.pathEnum("time_frame", MayScores.TIME_FRAMES);
        int max = call.query.count("max_count", 100, 10000);
        call.check();
        String[] named = call.frontendUser();
        UUID highlighted = named == null || named[1].isEmpty() ? null : call.knownUser(named[0], named[1]).id;
        List<MayScores.Row> rows = shown(timeFrame).stream().limit(max).toList();
        ArrayNode board = Responses.MAPPER.createArrayNode();
        rows.forEach(row -> board.add(scores.userScore(row, row.user, highlighted)));
        return Responses.json(200, board(timeFrame, rows, "leaderboard", board));
    }

    /** The time frame's rows of shown, enabled users, by rank. */
    private List<MayScores.Row> shown(String timeFrame) {
        return store.leaders.getOrDefault(timeFrame, Map.of()).values().stream()
                .filter(r -> r.rank != null && r.user.showOnLeaderboard && r.user.enabled)
                .sorted(Comparator.comparingInt(r -> r.rank))
                .toList();
    }

    private ObjectNode board(String timeFrame, List<MayScores.Row> rows, String field, ArrayNode entries) {
        OffsetDateTime updated = rows.stream()
                .map(r -> r.modified)
                .max(Comparator.naturalOrder())
                .orElseGet(store.time::now);
        ObjectNode json = Responses.MAPPER.createObjectNode();
        json.put("time_frame", timeFrame);
        json.put("last_updated", MayTime.iso(updated));
        json.set(field, entries);
        return json;
    }

    private Reply trollboard(MayCall call) {
        String timeFrame = call.pathEnum("time_frame", MayScores.TIME_FRAMES);
        int max = call.query.count("max_count", 100, 10000);
        Boolean enabled = call.query.text("enabled") == null ? null : call.query.bool("enabled", true);
        call.check();
        List<MayScores.Row> rows = store.trolls.getOrDefault(timeFrame, Map.of()).values().stream()
                .filter(r -> enabled == null || r.user.enabled == enabled)
                .sorted(Comparator.comparingInt(r -> r.rank == null ? Integer.MAX_VALUE : r.rank))
                .limit(max)
                .toList();
        ArrayNode board = Responses.MAPPER.createArrayNode();
        rows.forEach(row -> board.add(scores.trollScore(row)));
        return Responses.json(200, board(timeFrame, rows, "trollboard", board));
    }

    /** A user's stats by time frame: all four (empty) without stats rows, {@code {}} for an unknown user. */
    private ObjectNode statsOf(UUID userId) {
        ObjectNode json = Responses.MAPPER.createObjectNode();
        MayUser user = store.userById(userId);
        if (user == null) {
            return json;
        }
        boolean any = store.leaders.values().stream().anyMatch(rows -> rows.containsKey(userId));
        for (String timeFrame : MayScores.TIME_FRAMES) {
            MayScores.Row row = store.leaders.getOrDefault(timeFrame, Map.of()).get(userId);
            if (row != null || !any) {
                json.set(timeFrame, scores.userScore(row, user, userId));
            }
        }
        return json;
    }

    private Reply userStats(MayCall call) {
        UUID id = call.pathUuid("user_id");
        call.check();
        return Responses.json(200, statsOf(id));
    }

    private Reply userStatsOf(MayCall call) {
        UUID id = call.pathUuid("user_id");
        String timeFrame = call.pathEnum("time_frame", MayScores.TIME_FRAMES);
        call.check();
        ObjectNode stats = statsOf(id);
        if (!stats.has(timeFrame)) {
            // the backend indexes the dictionary of time frames: a KeyError
            throw MayError.serverError();
        }
        return Responses.json(200, stats.get(timeFrame));
    }

    private Reply window(MayCall call) {
        UUID id = call.pathUuid("user_id");
        String timeFrame = call.pathEnum("time_frame", MayScores.TIME_FRAMES);
        int size = call.query.count("window_size", 5, 100);
        call.check();
        MayUser user = MayUsers.user(call, id, null);
        MayScores.Row own = store.leaders.getOrDefault(timeFrame, Map.of()).get(user.id);
        if (!user.showOnLeaderboard || !user.enabled || own == null || own.rank == null) {
            return new Reply(200, "null");
        }
        int min = Math.max(0, own.rank - size / 2);
        List<MayScores.Row> rows = shown(timeFrame).stream()
                .filter(r -> r.rank >= min && r.rank <= min + size)
                .toList();
        ArrayNode board = Responses.MAPPER.createArrayNode();
        rows.forEach(row -> board.add(scores.userScore(row, row.user, user.id)));
        return Responses.json(200, board(timeFrame, rows, "leaderboard", board));
    }
}
