package io.github.oasst.client.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oasst.client.fixtures.Exchanges;
import io.github.oasst.client.fixtures.Exchanges.Exchange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The state the 2023-05 backend was in when the other exchanges were recorded, as far as their
 * answers show it, planted into a fake in 2023-05 mode in place of its own seed trees: every user
 * and message the answers show (under their ids and times; no message deleted and without emojis,
 * as before the recorded exchanges changed them), the tree states shown, and the stats rows shown
 * before the first leaderboard update. Users created by the recorded exchanges are left to them.
 * The fake's clock starts at the recording's time.
 */
final class RecordedState2023_05 {
    static final String UNTRUSTED_KEY = "untrusted-api-key-789";
    /** About when the recorder's setup ended and these exchanges began. */
    private static final Instant START = Instant.parse("2026-12-03T08:03:34Z");

    private final Map<String, JsonNode> users = new LinkedHashMap<>();
    private final Set<String> untrusted = new HashSet<>();
    private final Map<String, JsonNode> scoreUsers = new LinkedHashMap<>();
    private final Map<String, JsonNode> messages = new LinkedHashMap<>();
    private final Map<String, String> treeStates = new LinkedHashMap<>();
    /** Stats rows: time frame and UserScore. */
    private final List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();

    private final Set<String> createdByReplay = new HashSet<>();

    RecordedState2023_05(List<Exchange> recorded) {
        boolean updated = false;
        for (Exchange exchange : recorded) {
            JsonNode body = exchange.responseBody();
            if (exchange.method().equals("POST") && exchange.path().equals("/api/v1/frontend_users/")) {
                createdByReplay.add(body.path("user_id").asText());
            }
            updated |= exchange.path().startsWith("/api/v1/leaderboards/update");
            boolean byUntrusted = UNTRUSTED_KEY.equals(Exchanges.header(exchange, "X-API-Key"));
            boolean stats = exchange.path().matches("/api/v1/users/[^/]+/stats");
            String timeFrame = body.path("time_frame").asText(null);
            boolean before = !updated;
            walk(body, null, (node, key) -> collect(node, byUntrusted, before, stats ? key : timeFrame));
        }
    }

    private void collect(JsonNode node, boolean byUntrusted, boolean beforeUpdate, @Nullable String timeFrame) {
        if (node.has("notes") && node.has("user_id")) {
            String id = node.get("user_id").textValue();
            if (!createdByReplay.contains(id)) {
                users.putIfAbsent(id, node);
                if (byUntrusted) {
                    untrusted.add(id);
                }
            }
        } else if (node.has("leader_score")) {
            scoreUsers.putIfAbsent(node.get("user_id").textValue(), node);
            boolean row =
                    !node.path("rank").isNull() || node.get("leader_score").intValue() > 0;
            if (beforeUpdate && row && timeFrame != null) {
                rows.add(Map.entry(timeFrame, node));
            }
        } else if (node.has("message_tree_id") && node.has("text")) {
            messages.putIfAbsent(node.get("id").textValue(), node);
        } else if (node.has("message_tree_id") && node.has("goal_tree_size") && node.has("active")) {
            treeStates.putIfAbsent(
                    node.get("message_tree_id").textValue(), node.get("state").textValue());
        }
    }

    /** Visits every object, with the field name it is found under (null for list items and the root). */
    private static void walk(JsonNode node, @Nullable String key, BiConsumer<JsonNode, @Nullable String> visit) {
        if (node.isObject()) {
            visit.accept(node, key);
            node.properties().forEach(e -> walk(e.getValue(), e.getKey(), visit));
        } else if (node.isArray()) {
            node.forEach(item -> walk(item, null, visit));
        }
    }

    /** The ids of the users the recorded exchanges created. */
    Set<String> createdByReplay() {
        return createdByReplay;
    }

    void plant(FakeOasstBackend backend) {
        MayBackend may = (MayBackend) backend.behaviour();
        UUID main = may.clients().main().id();
        UUID other = may.clients().known(UNTRUSTED_KEY).id();
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));
        may.replaceStore(clock, store -> {
            users.forEach((id, json) -> store.addUser(user(json, untrusted.contains(id) ? other : main)));
            scoreUsers.forEach((id, json) -> {
                if (store.userById(UUID.fromString(id)) == null) {
                    MayUser user = store.addUser(user(json, MaySeed.SEED_CLIENT));
                    user.showOnLeaderboard = !json.get("rank").isNull();
                }
            });
            messages.values().stream()
                    .sorted(Comparator.comparing(m -> m.get("created_date").textValue()))
                    .forEach(json -> message(store, json));
            rows.forEach(row -> scoreRow(store, row.getKey(), row.getValue()));
        });
    }

    private static MayUser user(JsonNode json, UUID client) {
        boolean score = json.has("leader_score");
        OffsetDateTime created = time(json.get(score ? "streak_last_day_date" : "created_date"));
        MayUser user = new MayUser(
                UUID.fromString(json.get("user_id").textValue()),
                client,
                json.get("auth_method").textValue(),
                json.get(score ? "username" : "id").textValue(),
                json.get("display_name").textValue(),
                created);
        if (!score) {
            user.enabled = json.get("enabled").booleanValue();
            user.deleted = json.get("deleted").booleanValue();
            user.notes = json.get("notes").textValue();
            user.showOnLeaderboard = json.get("show_on_leaderboard").booleanValue();
            user.tosAcceptance = time(json.get("tos_acceptance_date"));
        }
        user.streakLastDay = time(json.get("streak_last_day_date"));
        user.lastActivity = time(json.get("last_activity_date"));
        return user;
    }

    private void message(MayStore store, JsonNode json) {
        MayMessage parent = json.get("parent_id").isNull()
                ? null
                : store.message(UUID.fromString(json.get("parent_id").textValue()));
        MayMessage message = store.add(new MayMessage(
                UUID.fromString(json.get("id").textValue()),
                parent,
                json.get("frontend_message_id").textValue(),
                store.userById(UUID.fromString(json.get("user_id").textValue())),
                json.get("text").textValue(),
                json.get("lang").textValue(),
                json.get("is_assistant").booleanValue(),
                time(json.get("created_date"))));
        message.reviewCount = json.get("review_count").intValue();
        message.reviewResult = json.get("review_result").isNull()
                ? null
                : json.get("review_result").booleanValue();
        message.rankingCount = json.get("ranking_count").intValue();
        message.rank = json.get("rank").isNull() ? null : json.get("rank").intValue();
        if (parent == null) {
            String state = treeStates.getOrDefault(message.id.toString(), MayTree.INITIAL_PROMPT_REVIEW);
            store.addTree(new MayTree(message.id, message.lang, state));
        }
    }

    private static void scoreRow(MayStore store, String timeFrame, JsonNode json) {
        MayUser user = store.userById(UUID.fromString(json.get("user_id").textValue()));
        MayScores.Row row = new MayScores.Row(user, time(json.get("base_date")), time(json.get("modified_date")));
        MayScores.COUNTS.forEach(name -> row.values.put(name, json.get(name).intValue()));
        row.score = json.get("leader_score").intValue();
        row.rank = json.get("rank").isNull() ? null : json.get("rank").intValue();
        store.leaders.computeIfAbsent(timeFrame, tf -> new LinkedHashMap<>()).putIfAbsent(user.id, row);
    }

    private static @Nullable OffsetDateTime time(@Nullable JsonNode value) {
        return value == null || value.isNull() ? null : MayTime.fromIso(value.textValue());
    }
}
