package io.github.oasst.client.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The 2023-05 backend's user stats, as its leaderboard and trollboard updates compute them from the
 * messages, finished label tasks, rankings, emojis and labels since a time frame's base date: the
 * counts, the leader score and level, the troll score, the ranks. Called under the backend's lock.
 */
final class MayScores {
    static final List<String> TIME_FRAMES = List.of("day", "week", "month", "total");
    static final List<String> COUNTS = List.of(
            "prompts",
            "replies_assistant",
            "replies_prompter",
            "labels_simple",
            "labels_full",
            "rankings_total",
            "rankings_good",
            "accepted_prompts",
            "accepted_replies_assistant",
            "accepted_replies_prompter",
            "reply_ranked_1",
            "reply_ranked_2",
            "reply_ranked_3");
    private static final List<String> FLAGS = List.of(
            "spam", "lang_mismatch", "not_appropriate", "pii", "hate_speech", "sexual_content", "political_content");
    private static final List<String> MEANS = List.of("quality", "humor", "toxicity", "violence", "helpfulness");
    /** The leader score each level needs, level 0 first. */
    private static final int[] THRESHOLDS = thresholds();

    /** A user's stats of a time frame: the counts (or troll fields), score and rank. */
    static final class Row {
        final MayUser user;
        final Map<String, @Nullable Object> values = new LinkedHashMap<>();
        final @Nullable OffsetDateTime base;
        final OffsetDateTime modified;
        int score;

        @Nullable
        Integer rank;

        Row(MayUser user, @Nullable OffsetDateTime base, OffsetDateTime modified) {
            this.user = user;
            this.base = base;
            this.modified = modified;
        }

        int count(String name) {
            Object value = values.get(name);
            return value instanceof Integer i ? i : 0;
        }

        void add(String name, int amount) {
            values.put(name, count(name) + amount);
        }
    }

    private final MayStore store;

    MayScores(MayStore store) {
        this.store = store;
    }

    private static int[] thresholds() {
        int[] levels = new int[100];
        double sum = 0;
        for (int i = 1; i < 100; i++) {
            sum += i * 1.1521 + 3;
            levels[i] = (int) Math.rint(sum);
        }
        return levels;
    }

    static int level(int score) {
        int level = 0;
        for (int threshold : THRESHOLDS) {
            if (threshold <= score) {
                level++;
            }
        }
        return level;
    }

    private @Nullable OffsetDateTime base(String timeFrame, OffsetDateTime now) {
        OffsetDateTime midnight = now.toLocalDate().atStartOfDay().atOffset(now.getOffset());
        return switch (timeFrame) {
            case "day" -> now.minusDays(1);
            case "week" -> midnight.minusDays(7);
            case "month" -> midnight.minusDays(30);
            default -> null;
        };
    }

    private static boolean since(OffsetDateTime created, @Nullable OffsetDateTime base) {
        return base == null || !created.isBefore(base);
    }

    /** Recomputes the leader and troll stats of the time frame. */
    void update(String timeFrame) {
        OffsetDateTime now = store.time.now();
        OffsetDateTime base = base(timeFrame, now);
        Map<UUID, Row> leader = new LinkedHashMap<>();
        BiConsumer<MayUser, String> count = (user, name) ->
                leader.computeIfAbsent(user.id, id -> new Row(user, base, now)).add(name, 1);
        for (MayMessage m : store.messages()) {
            if (m.deleted || !since(m.created, base)) {
                continue;
            }
            String kind = m.parentId == null ? "prompts" : "replies_" + m.role();
            count.accept(m.user, kind);
            if (Boolean.TRUE.equals(m.reviewResult)) {
                count.accept(m.user, "accepted_" + kind);
            }
        }
        for (MayTask task : store.tasks()) {
            if (task.isLabel() && task.done && since(task.created, base)) {
                count.accept(task.user, "labels_" + task.payload.path("mode").asText());
            }
        }
        for (MayStore.Ranking ranking : store.rankings()) {
            MayTask task = store.task(ranking.user().clientId, ranking.taskId());
            if (task != null && since(task.created, base)) {
                count.accept(ranking.user(), "rankings_total");
                for (int i = 0; i < Math.min(3, ranking.rankedIds().size()); i++) {
                    MayMessage ranked = store.message(ranking.rankedIds().get(i));
                    if (ranked != null) {
                        count.accept(ranked.user, "reply_ranked_" + (i + 1));
                    }
                }
            }
        }
        for (Row row : leader.values()) {
            COUNTS.forEach(name -> row.values.putIfAbsent(name, 0));
            row.score = row.count("prompts") / 10
                    + row.count("replies_assistant") * 4
                    + row.count("replies_prompter")
                    + row.count("labels_simple")
                    + row.count("labels_full") * 2
                    + row.count("rankings_total")
                    + row.count("rankings_good")
                    + row.count("accepted_prompts") / 10
                    + row.count("accepted_replies_assistant") * 4
                    + row.count("accepted_replies_prompter")
                    + row.count("reply_ranked_1") * 9
                    + row.count("reply_ranked_2") * 3
                    + row.count("reply_ranked_3");
        }
        rank(leader, true);
        store.leaders.put(timeFrame, leader);
        store.trolls.put(timeFrame, trolls(base, now));
    }

    private Map<UUID, Row> trolls(@Nullable OffsetDateTime base, OffsetDateTime now) {
        Map<UUID, Row> troll = new LinkedHashMap<>();
        Map<UUID, Map<String, List<Double>>> means = new LinkedHashMap<>();
        for (MayMessage m : store.messages()) {
            if (m.deleted || m.emojis == null || !since(m.created, base)) {
                continue;
            }
            Row row = troll.computeIfAbsent(m.user.id, id -> new Row(m.user, base, now));
            row.add("upvotes", m.emojis.getOrDefault("+1", 0));
            row.add("downvotes", m.emojis.getOrDefault("-1", 0));
            row.add("red_flags", m.emojis.getOrDefault("red_flag", 0));
            if (m.parentId == null && store.tree(m.treeId).state.equals(MayTree.ABORTED_LOW_GRADE)) {
                row.add("spam_prompts", 1);
            }
            Map<String, List<Double>> userMeans = means.computeIfAbsent(m.user.id, id -> new LinkedHashMap<>());
            for (MayLabel label : store.labels()) {
                if (label.messageId.equals(m.id)) {
                    FLAGS.forEach(flag -> row.add(flag, (int) Math.round(label.labels.getOrDefault(flag, 0.0))));
                    label.labels.forEach((name, value) -> {
                        if (MEANS.contains(name)) {
                            userMeans
                                    .computeIfAbsent(name, k -> new ArrayList<>())
                                    .add(value);
                        }
                    });
                }
            }
        }
        for (Row row : troll.values()) {
            Map<String, List<Double>> userMeans = means.getOrDefault(row.user.id, Map.of());
            for (String mean : MEANS) {
                List<Double> values = userMeans.getOrDefault(mean, List.of());
                row.values.put(
                        mean,
                        values.isEmpty()
                                ? null
                                : values.stream()
                                                .mapToDouble(Double::doubleValue)
                                                .sum()
                                        / values.size());
            }
            row.score = row.count("red_flags") * 3
                    - row.count("upvotes")
                    + row.count("downvotes")
                    + row.count("spam_prompts")
                    + FLAGS.stream().mapToInt(row::count).sum();
        }
        rank(troll, false);
        return troll;
    }

    /** Ranks by score, highest first, ties by user id; leaders only among shown, enabled users. */
    private static void rank(Map<UUID, Row> rows, boolean leaderboard) {
        List<Row> ranked = new ArrayList<>(rows.values().stream()
                .filter(r -> !leaderboard || r.user.showOnLeaderboard && r.user.enabled)
                .toList());
        ranked.sort(Comparator.<Row>comparingInt(r -> -r.score).thenComparing(r -> r.user.id.toString()));
        for (int i = 0; i < ranked.size(); i++) {
            ranked.get(i).rank = i + 1;
        }
    }

    /** A {@code UserScore}; {@code row} null for a user without stats. */
    ObjectNode userScore(@Nullable Row row, MayUser user, @Nullable UUID highlighted) {
        ObjectNode json = Responses.MAPPER.createObjectNode();
        json.put("rank", row == null ? null : row.rank);
        json.put("user_id", user.id.toString());
        json.put("highlighted", highlighted != null && highlighted.equals(user.id));
        json.put("username", user.username);
        json.put("auth_method", user.authMethod);
        json.put("display_name", user.displayName);
        json.put("leader_score", row == null ? 0 : row.score);
        json.put("level", row == null ? 0 : level(row.score));
        json.put("base_date", MayTime.isoOrNull(row == null ? null : row.base));
        json.put("modified_date", MayTime.iso(row == null ? store.time.now() : row.modified));
        COUNTS.forEach(name -> json.put(name, row == null ? 0 : row.count(name)));
        json.put("streak_last_day_date", MayTime.isoOrNull(user.streakLastDay));
        json.put("streak_days", user.streakDays);
        json.put("last_activity_date", MayTime.isoOrNull(user.lastActivity));
        return json;
    }

    /** A {@code TrollScore}. */
    ObjectNode trollScore(Row row) {
        MayUser user = row.user;
        ObjectNode json = Responses.MAPPER.createObjectNode();
        json.put("rank", row.rank);
        json.put("user_id", user.id.toString());
        json.put("highlighted", false);
        json.put("username", user.username);
        json.put("auth_method", user.authMethod);
        json.put("display_name", user.displayName);
        json.put("last_activity_date", MayTime.isoOrNull(user.lastActivity));
        json.put("enabled", user.enabled);
        json.put("deleted", user.deleted);
        json.put("show_on_leaderboard", user.showOnLeaderboard);
        json.put("troll_score", row.score);
        json.put("base_date", MayTime.isoOrNull(row.base));
        json.put("modified_date", MayTime.iso(row.modified));
        for (String name : List.of("red_flags", "upvotes", "downvotes", "spam_prompts")) {
            json.put(name, row.count(name));
        }
        for (String mean : MEANS) {
            json.set(mean, Responses.MAPPER.valueToTree(row.values.get(mean)));
        }
        for (String flag : FLAGS) {
            json.put(flag.equals("lang_mismatch") ? "lang_mismach" : flag, row.count(flag));
        }
        return json;
    }
}
