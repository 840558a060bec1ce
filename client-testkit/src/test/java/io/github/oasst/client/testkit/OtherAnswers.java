package io.github.oasst.client.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How the replay of the 2023-05 other exchanges compares answers that count the recording's whole
 * database (see {@link RecordedOtherExchanges2023_05ReplayTest}), and how it normalizes the rest.
 */
final class OtherAnswers {
    private static final Pattern MAX_COUNT = Pattern.compile("[?&]max_count=(\\d+)");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?\\+00:00");
    private static final List<String> FLAGS = List.of(
            "spam", "lang_mismach", "not_appropriate", "pii", "hate_speech", "sexual_content", "political_content");

    private final Set<String> created;
    private final @Nullable String viewer;

    /** {@code created}: the fake's ids of the users the replay created; {@code viewer}: the x-oasst-user. */
    OtherAnswers(Set<String> created, @Nullable String viewer) {
        this.created = created;
        this.viewer = viewer;
    }

    /**
     * The answer normalized: a user's emojis sorted; the fake's own times (of users it created, of
     * acceptances made during the replay, of stats) replaced by markers.
     */
    static JsonNode normalize(JsonNode node, Set<String> created) {
        if (node.isArray()) {
            node.forEach(item -> normalize(item, created));
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        if (object.get("user_emojis") instanceof ArrayNode emojis) {
            List<String> sorted = new ArrayList<>();
            emojis.forEach(e -> sorted.add(e.asText()));
            sorted.sort(null);
            emojis.removeAll();
            sorted.forEach(emojis::add);
        }
        if (object.has("notes") && object.has("user_id")) {
            mark(object, "tos_acceptance_date", "<set>");
            if (created.contains(object.get("user_id").asText())) {
                mark(object, "created_date", "<now>");
                mark(object, "streak_last_day_date", "<now>");
            }
        }
        if (object.has("leader_score") || object.has("troll_score")) {
            mark(object, "modified_date", "<time>");
            mark(object, "base_date", "<time>");
        }
        mark(object, "last_updated", "<time>");
        object.properties().forEach(e -> normalize(e.getValue(), created));
        return object;
    }

    private static void mark(ObjectNode object, String field, String marker) {
        if (object.hasNonNull(field)) {
            object.put(field, marker);
        }
    }

    /**
     * The comparison of an answer that counts the whole database: null when the path has none (compare
     * in full), empty when it matches, else the problem.
     */
    @Nullable
    String partial(String pathAndQuery, boolean updated, JsonNode expected, JsonNode actual) {
        String path = pathAndQuery.split("\\?")[0];
        if (path.equals("/api/v1/stats/")) {
            return check(
                    Replay2023_05.fields(expected).equals(Replay2023_05.fields(actual))
                            && actual.get("all").intValue()
                                    == actual.get("active").intValue()
                                            + actual.get("deleted").intValue(),
                    actual);
        }
        if (path.startsWith("/api/v1/stats/tree_manager")) {
            return treeManager(expected, actual);
        }
        if (path.startsWith("/api/v1/stats/cached")) {
            return cached(expected, actual);
        }
        Matcher max = MAX_COUNT.matcher(pathAndQuery);
        int maxCount = max.find() ? Integer.parseInt(max.group(1)) : 100;
        if (path.startsWith("/api/v1/leaderboards/")) {
            return board(expected, actual, "leaderboard", maxCount, true);
        }
        if (path.startsWith("/api/v1/trollboards/")) {
            return board(expected, actual, "trollboard", maxCount, false);
        }
        if (updated && path.matches("/api/v1/users/[^/]+/stats")) {
            for (String timeFrame : Replay2023_05.fields(expected)) {
                String problem = sameButRank(expected.get(timeFrame), actual.get(timeFrame));
                if (problem != null) {
                    return timeFrame + ": " + problem;
                }
            }
            return check(Replay2023_05.fields(expected).equals(Replay2023_05.fields(actual)), actual);
        }
        if (updated && path.matches("/api/v1/users/[^/]+/stats/[a-z]+/window")) {
            String userId = path.split("/")[4];
            String problem = board(expected, actual, "leaderboard", Integer.MAX_VALUE, false);
            boolean own = false;
            for (JsonNode entry : actual.get("leaderboard")) {
                boolean self = entry.get("user_id").asText().equals(userId);
                own |= self;
                if (entry.get("highlighted").booleanValue() != self) {
                    return "highlighted " + entry;
                }
            }
            return problem != null && !problem.isEmpty() ? problem : check(own, actual);
        }
        return null;
    }

    private static String check(boolean ok, JsonNode actual) {
        return ok ? "" : "not as recorded: " + actual;
    }

    /** Every tree the fake counts is counted alike in the recording. */
    private static String treeManager(JsonNode expected, JsonNode actual) {
        JsonNode counts = actual.has("message_counts") ? actual.get("message_counts") : actual;
        JsonNode recorded = expected.has("message_counts") ? expected.get("message_counts") : expected;
        JsonNode states = actual.has("state_counts") ? actual.get("state_counts") : actual;
        if (states.isObject()) {
            for (Map.Entry<String, JsonNode> state : states.properties()) {
                if (!state.getValue().isInt()) {
                    return "state counts " + states;
                }
            }
        }
        if (!counts.isArray()) {
            return "";
        }
        List<JsonNode> known = new ArrayList<>();
        recorded.forEach(known::add);
        for (JsonNode tree : counts) {
            if (!known.contains(tree)) {
                return "tree " + tree + " is not counted so in the recording";
            }
        }
        return "";
    }

    private static String cached(JsonNode expected, JsonNode actual) {
        JsonNode mine = actual.has("stats_by_name") ? actual.get("stats_by_name") : actual;
        JsonNode theirs = expected.has("stats_by_name") ? expected.get("stats_by_name") : expected;
        if (actual.has("stats_by_name")) {
            if (!Replay2023_05.fields(mine).equals(Replay2023_05.fields(theirs))) {
                return "names " + Replay2023_05.fields(mine);
            }
            for (String name : Replay2023_05.fields(theirs)) {
                String problem = cached(theirs.get(name), mine.get(name));
                if (!problem.isEmpty()) {
                    return problem;
                }
            }
            return "";
        }
        boolean ok = mine.get("name").equals(theirs.get("name"))
                && ISO.matcher(mine.get("last_updated").asText()).matches()
                && mine.get("stats").getNodeType() == theirs.get("stats").getNodeType()
                && (!mine.get("stats").isArray()
                        || mine.get("stats").size() == 0
                        || Replay2023_05.fields(mine.get("stats").get(0))
                                .equals(Replay2023_05.fields(theirs.get("stats").get(0))));
        return check(ok, actual);
    }

    /** A board: its frame, fields, ranks, scores, highlighting and size; recorded users' rows but ranks. */
    private String board(JsonNode expected, JsonNode actual, String field, int maxCount, boolean highlighting) {
        if (!expected.get("time_frame").equals(actual.get("time_frame"))
                || !ISO.matcher(actual.get("last_updated").asText()).matches()
                || actual.get(field).size() > maxCount) {
            return "not as recorded: " + actual;
        }
        Set<String> fields = expected.get(field).isEmpty()
                ? new TreeSet<>()
                : Replay2023_05.fields(expected.get(field).get(0));
        int previous = 0;
        for (JsonNode entry : actual.get(field)) {
            int rank = entry.get("rank").intValue();
            boolean scored = field.equals("leaderboard")
                    ? entry.get("leader_score").intValue() == leaderScore(entry)
                            && entry.get("level").intValue() == MayScores.level(leaderScore(entry))
                    : entry.get("troll_score").intValue() == trollScore(entry);
            if (!fields.isEmpty() && !Replay2023_05.fields(entry).equals(fields) || rank <= previous || !scored) {
                return "entry " + entry;
            }
            previous = rank;
            String name = entry.get("auth_method").asText() + ":"
                    + entry.get("username").asText();
            if (highlighting && entry.get("highlighted").booleanValue() != name.equals(viewer)) {
                return "highlighted " + entry;
            }
            for (JsonNode mine : expected.get(field)) {
                if (mine.get("user_id").equals(entry.get("user_id"))) {
                    String problem = sameButRank(mine, entry);
                    if (problem != null) {
                        return problem;
                    }
                }
            }
        }
        return "";
    }

    private @Nullable String sameButRank(JsonNode expected, JsonNode actual) {
        if (actual == null
                || expected.get("rank").isNull() != actual.get("rank").isNull()) {
            return "rank " + actual + " instead of " + expected;
        }
        ObjectNode want = (ObjectNode) normalize(expected.deepCopy(), created);
        ObjectNode got = (ObjectNode) normalize(actual.deepCopy(), created);
        want.remove("rank");
        got.remove("rank");
        return want.equals(got) ? null : got + " instead of " + want;
    }

    private static int leaderScore(JsonNode e) {
        return e.get("prompts").intValue() / 10
                + e.get("replies_assistant").intValue() * 4
                + e.get("replies_prompter").intValue()
                + e.get("labels_simple").intValue()
                + e.get("labels_full").intValue() * 2
                + e.get("rankings_total").intValue()
                + e.get("rankings_good").intValue()
                + e.get("accepted_prompts").intValue() / 10
                + e.get("accepted_replies_assistant").intValue() * 4
                + e.get("accepted_replies_prompter").intValue()
                + e.get("reply_ranked_1").intValue() * 9
                + e.get("reply_ranked_2").intValue() * 3
                + e.get("reply_ranked_3").intValue();
    }

    private static int trollScore(JsonNode e) {
        int flags = FLAGS.stream().mapToInt(f -> e.get(f).intValue()).sum();
        return e.get("red_flags").intValue() * 3
                - e.get("upvotes").intValue()
                + e.get("downvotes").intValue()
                + e.get("spam_prompts").intValue()
                + flags;
    }
}
