package io.github.oasst.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oasst.client.fixtures.Exchanges;
import io.github.oasst.client.fixtures.Exchanges.Exchange;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Replays the 159 exchanges recorded outside {@code /api/v1/tasks} against the fake, set up with
 * the messages and users the recording shows (same ids, texts and times), and checks each answer:
 * the status, the error body, and the body of every 200 (a tree's messages in any order, as the
 * backend does not order them). Stats and leaderboards of the real backend also counted other
 * clients' messages: their changes are compared, and the scores of the recorded users.
 */
class RecordedOtherExchangesReplayTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String KEY = "test-api-key-123";
    /** The recorded users: id, frontend id, display name (from the leaderboards and the paths). */
    private static final List<String[]> USERS = List.of(
            new String[] {"5b9ce1da-f4bb-4a75-bbcd-a11535886a59", "java-verify-user", "Java Verify"},
            new String[] {"02587e3e-e7aa-43a5-8f1e-5f7dae582094", "java-verify-user-2", "Java Verify 2"},
            new String[] {"523b755c-cb76-45c4-acde-2d206214a488", "java-verify-user-3", "Java Verify 3"},
            new String[] {"2d07945e-1a36-42ae-985d-34262c911e57", "java-verify-user-4", "Java Verify 4"});
    /** The frontend ids of the conversation tree, in the order it was built, as its exchanges use them. */
    private static final Map<String, String> FRONTEND_IDS = Map.of(
            "6a2a5ea1-8492-4fd5-b5e2-6dbe8de19432", "jv-250902-msg-2",
            "8a107943-e1c1-46a3-a881-0e576f57b467", "jv-250902-msg-4",
            "fa4cc3a2-147d-4c9c-90db-d39a89e325d7", "jv-250902-msg-6",
            "18cc589b-bfe6-4963-92d4-ff4c71350ed8", "jv-250902-msg-8",
            "0a5256e2-56e3-4330-a63c-5f969bab262c", "jv-250902-msg-10",
            // the seed message of the other API client, whose frontend id the fake must not find
            "d6b0252f-8ca6-43b4-ac2f-86b502a5f9d8", "6f1d0711");

    private static final String BULK = "frontend_users: a user with 12 messages, max_count=1000";
    private static final String STATS_BEFORE = "stats: message stats";
    private static final String STATS_AFTER = "stats: after deletions";

    private final Map<String, JsonNode> answers = new HashMap<>();

    @Test
    void theFakeAnswersEveryRecordedOperationOutsideTasksAsTheRealBackendDid() throws Exception {
        List<Exchange> recorded = Exchanges.other();
        Map<String, JsonNode> messages = messagesIn(recorded);
        Map<String, String> owners = ownersIn(recorded);
        List<String> mismatches = new ArrayList<>();
        try (FakeOasstBackend backend = FakeOasstBackend.builder().apiKey(KEY).start()) {
            seed(backend, messages, owners, false);
            for (Exchange exchange : chronological(recorded)) {
                if (exchange.name().equals(BULK)) {
                    seed(backend, messages, owners, true);
                }
                String problem = replay(backend, exchange);
                if (problem != null) {
                    mismatches.add(exchange.name() + ": " + problem);
                }
            }
            assertThat(mismatches).isEmpty();
            assertThat(backend.messages())
                    .filteredOn(m -> m.text().startsWith("How do Java generics"))
                    .singleElement()
                    .as("two labels and an empty one were stored")
                    .extracting(FakeMessage::labelsStored)
                    .isEqualTo(3);
        }
        assertThat(recorded).hasSize(159);
        assertThat(answers).containsKeys(STATS_BEFORE, STATS_AFTER);
    }

    /**
     * The recording's order, but for its block on a user with 12 messages: the stats and
     * leaderboards recorded after it in the file were taken before it (the stats show 3 deleted
     * messages, not 13; the prompter leaderboard has no {@code java-verify-user-4}).
     */
    private static List<Exchange> chronological(List<Exchange> recorded) {
        List<Exchange> order = new ArrayList<>(recorded);
        int from = order.indexOf(named(recorded, BULK));
        int to = from;
        while (!order.get(to).name().startsWith("stats")) {
            to++;
        }
        List<Exchange> block = new ArrayList<>(order.subList(from, to));
        order.subList(from, to).clear();
        order.addAll(order.indexOf(named(recorded, STATS_AFTER)), block);
        return order;
    }

    private static Exchange named(List<Exchange> recorded, String name) {
        return recorded.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private @Nullable String replay(FakeOasstBackend backend, Exchange exchange) throws Exception {
        String body = exchange.requestText();
        HttpResponse<String> response = Replay.send(backend, exchange, exchange.path(), body);
        if (response.statusCode() != exchange.status()) {
            return "status " + response.statusCode() + " instead of " + exchange.status() + ": " + response.body();
        }
        JsonNode expected = exchange.responseBody();
        if (exchange.responseText().isEmpty()) {
            return response.body().isEmpty() ? null : "a body where there was none: " + response.body();
        }
        JsonNode actual = MAPPER.readTree(response.body());
        answers.put(exchange.name(), actual);
        if (expected.has("detail")) {
            return Replay.comparable(expected.get("detail")).equals(Replay.comparable(actual.path("detail")))
                    ? null
                    : "detail " + actual + " instead of " + expected;
        }
        if (exchange.name().startsWith("stats")) {
            return stats(exchange, actual);
        }
        if (expected.has("leaderboard")) {
            return leaderboard(expected, actual);
        }
        if (exchange.status() == 200 && exchange.path().endsWith("/tree")) {
            return expected.get("id").equals(actual.get("id"))
                            && set(expected.get("messages")).equals(set(actual.get("messages")))
                    ? null
                    : "tree " + actual + " instead of " + expected;
        }
        return expected.equals(actual) ? null : actual + " instead of " + expected;
    }

    /** The same fields; after the deletions, the same changes as the real backend's counts. */
    private @Nullable String stats(Exchange exchange, JsonNode actual) {
        if (!fields(actual).equals(fields(exchange.responseBody()))) {
            return "stats " + actual;
        }
        if (!exchange.name().equals(STATS_AFTER)) {
            return null;
        }
        JsonNode before = answers.get(STATS_BEFORE);
        JsonNode recordedBefore = named(Exchanges.other(), STATS_BEFORE).responseBody();
        for (String field : fields(actual)) {
            int change = actual.get(field).intValue() - before.get(field).intValue();
            int recordedChange = exchange.responseBody().get(field).intValue()
                    - recordedBefore.get(field).intValue();
            if (change != recordedChange) {
                return field + " changed by " + change + " instead of " + recordedChange;
            }
        }
        return null;
    }

    /** The recorded users' scores; ranked from 1 by score. */
    private static @Nullable String leaderboard(JsonNode expected, JsonNode actual) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        int previous = Integer.MAX_VALUE;
        int ranking = 0;
        for (JsonNode entry : actual.get("leaderboard")) {
            if (entry.get("ranking").intValue() != ++ranking
                    || entry.get("score").intValue() > previous) {
                return "not ranked by score: " + actual;
            }
            previous = entry.get("score").intValue();
            scores.put(entry.get("username").textValue(), previous);
        }
        for (JsonNode entry : expected.get("leaderboard")) {
            String user = entry.get("username").textValue();
            boolean ours = USERS.stream().anyMatch(u -> u[1].equals(user));
            if (ours && !Integer.valueOf(entry.get("score").intValue()).equals(scores.get(user))) {
                return user + " scored " + scores.get(user) + " instead of " + entry.get("score");
            }
        }
        return null;
    }

    /** Every message the recorded answers show, by id. */
    private static Map<String, JsonNode> messagesIn(List<Exchange> recorded) {
        Map<String, JsonNode> messages = new LinkedHashMap<>();
        for (Exchange exchange : recorded) {
            exchange.responseBody()
                    .findParents("created_date")
                    .forEach(m -> messages.putIfAbsent(m.get("id").textValue(), m));
        }
        // oldest first, so that a parent is stored before its replies
        List<Map.Entry<String, JsonNode>> byTime = new ArrayList<>(messages.entrySet());
        byTime.sort(Map.Entry.comparingByValue(
                java.util.Comparator.comparing(m -> m.get("created_date").textValue())));
        Map<String, JsonNode> sorted = new LinkedHashMap<>();
        byTime.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Whose each message is, from the recorded lists of a user's messages. */
    private static Map<String, String> ownersIn(List<Exchange> recorded) {
        Map<String, String> owners = new HashMap<>();
        for (Exchange exchange : recorded) {
            String user = userOf(exchange.path());
            if (user != null && exchange.status() == 200) {
                exchange.responseBody().forEach(m -> owners.put(m.get("id").textValue(), user));
            }
        }
        return owners;
    }

    private static @Nullable String userOf(String path) {
        for (String[] user : USERS) {
            if (path.contains("/" + user[0] + "/")
                    || path.contains("/" + user[1] + "/")
                    || path.contains("username=" + user[1] + "&")) {
                return user[1];
            }
        }
        return null;
    }

    /** The recorded messages, the 12 of the bulk block or all others, under their ids and times. */
    private static void seed(
            FakeOasstBackend backend, Map<String, JsonNode> messages, Map<String, String> owners, boolean bulk) {
        backend.state().withMessages(store -> {
            Map<String, MessageStore.User> users = new HashMap<>();
            for (String[] user : USERS) {
                users.put(user[1], store.user(UUID.fromString(user[0]), user[1], user[2], MessageStore.THIS_CLIENT));
            }
            MessageStore.User other = store.user(
                    UUID.fromString("1f4c31b5-5914-4236-8795-c3208e076733"),
                    "__dummy_user__",
                    "Dummy User",
                    MessageStore.OTHER_CLIENT);
            Set<String> added = new HashSet<>();
            for (JsonNode message : messages.values()) {
                String id = message.get("id").textValue();
                String owner = owners.get(id);
                if (message.get("text").textValue().startsWith("Bulk prompt") != bulk || !added.add(id)) {
                    continue;
                }
                JsonNode parent = message.get("parent_id");
                store.add(
                        UUID.fromString(id),
                        parent.isNull() ? null : UUID.fromString(parent.textValue()),
                        FRONTEND_IDS.get(id),
                        owner == null ? other : users.get(owner),
                        message.get("text").textValue(),
                        message.get("is_assistant").booleanValue(),
                        LocalDateTime.parse(message.get("created_date").textValue()));
            }
        });
    }

    private static Set<JsonNode> set(JsonNode array) {
        Set<JsonNode> set = new HashSet<>();
        array.forEach(set::add);
        return set;
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
