package io.github.oasst.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.fixtures.Exchanges;
import io.github.oasst.client.fixtures.Exchanges.Exchange;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Replays the 216 exchanges recorded from the 2023-05 backend's tasks API, in order, against the
 * fake in 2023-05 mode and checks every answer: the status; the error code and message (ids
 * replaced); the 422 details; for a task, its type, its fields and those of its conversation,
 * replies and labels, its label lists, and that it is consistent in itself (a label task names its
 * conversation's last message, a ranking ranks the children of its conversation's last message);
 * for {@code task_done} its shape; for a 204 or 307 that there is no body.
 *
 * <p>Ids differ per run: each id the real backend handed out (task ids, the message ids of label
 * tasks) is replaced by the one the fake handed out in the same exchange. What the recording had
 * and the fake cannot have, and is therefore compared only in part:
 *
 * <ul>
 *   <li>The real backend's tasks came from a shared database of seed trees and earlier runs; the
 *       fake's from its own seed trees. A task's content (texts, ids, which message, how many
 *       replies beyond the two of every fake ranking) is the fake's; its shape is compared.
 *   <li>{@code type=random} (exchange 0) is a weighted draw: the fake's draw is its own, so it must be
 *       one of the served types, shaped as the recorded tasks of that type.
 *   <li>Availability counts (5 exchanges) count that database: which types are available (non-zero)
 *       is compared, and that {@code random} is the sum; the numbers are not.
 * </ul>
 *
 * Two steps the recorder took outside the recording are repeated, through the fake's API: it had
 * created the users {@code rec8b8a72-ack-other} and {@code rec8b8a72-nack-other} ("a different
 * existing user"), and it disabled {@code rec8b8a72-disabled} before exchange 178.
 */
class RecordedExchanges2023_05ReplayTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> SERVED = Set.of(
            "initial_prompt",
            "prompter_reply",
            "assistant_reply",
            "rank_assistant_replies",
            "label_initial_prompt",
            "label_assistant_reply",
            "label_prompter_reply");
    private static final int DISABLED_BEFORE = 178;

    private final Map<String, String> ids = new LinkedHashMap<>();
    /** The recorded tasks' field sets by type, for what the fake's random draw gives. */
    private final Map<String, JsonNode> recordedByType = new LinkedHashMap<>();

    static FakeOasstBackend start2023_05() {
        return FakeOasstBackend.builder()
                .serverVersion(OasstServerVersion.V2023_05)
                .apiKey("test-api-key-123")
                .untrustedApiKey("untrusted-api-key-789")
                .disabledApiKey("disabled-api-key-456")
                .start();
    }

    @Test
    void theFakeAnswersEveryRecordedTaskExchangeAsTheRealBackendDid() throws Exception {
        List<Exchange> recorded = Exchanges.tasks2023_05();
        for (Exchange exchange : recorded) {
            JsonNode body = exchange.responseBody();
            if (exchange.status() == 200
                    && body.has("type")
                    && !body.get("type").textValue().equals("task_done")) {
                recordedByType.putIfAbsent(body.get("type").textValue(), body);
            }
        }
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        try (FakeOasstBackend backend = start2023_05()) {
            Replay2023_05.createUser(backend, "rec8b8a72-ack-other");
            Replay2023_05.createUser(backend, "rec8b8a72-nack-other");
            for (int i = 0; i < recorded.size(); i++) {
                if (i == DISABLED_BEFORE) {
                    Replay2023_05.disableUser(backend, "rec8b8a72-disabled");
                }
                Exchange exchange = recorded.get(i);
                String problem = replay(backend, exchange);
                if (problem != null) {
                    mismatches.add(i + " " + exchange.name() + ": " + problem);
                }
                compared++;
            }
        }
        assertThat(compared).isEqualTo(216);
        assertThat(mismatches).isEmpty();
    }

    private @Nullable String replay(FakeOasstBackend backend, Exchange exchange) throws Exception {
        String path = Replay2023_05.substitute(ids, exchange.path());
        String body = Replay2023_05.substitute(ids, exchange.requestText());
        HttpResponse<String> response = Replay.send(backend, exchange, path, body);
        JsonNode expected = exchange.responseBody();
        boolean random = exchange.path().startsWith("/api/v1/tasks/")
                && exchange.path().length() == "/api/v1/tasks/".length()
                && exchange.requestBody().path("type").asText().equals("random");
        if (response.statusCode() != exchange.status()) {
            return "status " + response.statusCode() + " instead of " + exchange.status() + ": " + response.body();
        }
        if (exchange.responseText().isEmpty()) {
            return response.body().isEmpty() ? null : "a body where there was none: " + response.body();
        }
        JsonNode actual = MAPPER.readTree(response.body());
        String common = Replay2023_05.compareErrors(ids, expected, actual);
        if (common != null || expected.has("error_code") || expected.has("detail")) {
            return common;
        }
        if (exchange.path().startsWith("/api/v1/tasks/availability")) {
            return availability(expected, actual);
        }
        if (expected.path("type").asText().equals("task_done")) {
            return actual.path("type").asText().equals("task_done") && actual.has("id")
                    ? null
                    : "not task_done: " + actual;
        }
        return task(random ? recordedByType.get(actual.path("type").asText()) : expected, expected, actual, random);
    }

    /** The same types available; {@code random} the sum of the others. */
    private static @Nullable String availability(JsonNode expected, JsonNode actual) {
        if (!Replay2023_05.fields(expected).equals(Replay2023_05.fields(actual))) {
            return "types " + Replay2023_05.fields(actual);
        }
        int sum = 0;
        for (String type : Replay2023_05.fields(expected)) {
            if ((expected.get(type).intValue() > 0) != (actual.get(type).intValue() > 0)) {
                return type + " available " + actual.get(type) + " instead of " + expected.get(type);
            }
            sum += type.equals("random") ? 0 : actual.get(type).intValue();
        }
        return sum == actual.get("random").intValue() ? null : "random " + actual.get("random") + " is not the sum";
    }

    /** A task shaped as {@code shape} (the recorded task, or one of the type drawn) and consistent. */
    private @Nullable String task(@Nullable JsonNode shape, JsonNode expected, JsonNode actual, boolean random) {
        String type = actual.path("type").asText();
        if (shape == null
                || !SERVED.contains(type)
                || !random && !type.equals(expected.get("type").textValue())) {
            return "type " + type + " instead of " + expected.get("type");
        }
        if (!Replay2023_05.fields(actual).equals(Replay2023_05.fields(shape))) {
            return "fields " + Replay2023_05.fields(actual) + " instead of " + Replay2023_05.fields(shape);
        }
        for (String list : List.of("conversation/messages", "reply_messages", "labels")) {
            JsonNode items = actual.at("/" + list);
            Set<String> wanted = Replay2023_05.fields(shape.at("/" + list).path(0));
            for (JsonNode item : items) {
                if (!Replay2023_05.fields(item).equals(wanted)) {
                    return list + " fields " + Replay2023_05.fields(item) + " instead of " + wanted;
                }
            }
        }
        if (type.startsWith("label_") && !random) {
            for (String field : List.of("valid_labels", "mandatory_labels", "mode", "disposition", "labels")) {
                if (!actual.get(field).equals(expected.get(field))) {
                    return field + " " + actual.get(field) + " instead of " + expected.get(field);
                }
            }
        }
        String consistent = consistent(actual);
        if (consistent != null) {
            return consistent;
        }
        ids.put(expected.get("id").textValue(), actual.get("id").textValue());
        if (expected.has("message_id") && actual.has("message_id")) {
            ids.put(
                    expected.get("message_id").textValue(),
                    actual.get("message_id").textValue());
        }
        return null;
    }

    private static @Nullable String consistent(JsonNode task) {
        JsonNode conversation = task.at("/conversation/messages");
        JsonNode last = conversation.path(conversation.size() - 1);
        String type = task.get("type").textValue();
        if (type.startsWith("label_")
                && !(task.get("message_id").equals(last.get("id"))
                        && task.path(type.equals("label_initial_prompt") ? "prompt" : "reply")
                                .equals(last.get("text")))) {
            return "the label task does not name its conversation's last message: " + task;
        }
        if (type.startsWith("rank_")) {
            JsonNode replies = task.get("replies");
            JsonNode messages = task.get("reply_messages");
            boolean same = replies.size() == messages.size() && replies.size() > 1;
            for (int i = 0; same && i < replies.size(); i++) {
                same = replies.get(i).equals(messages.get(i).get("text"));
            }
            if (!same
                    || !task.get("ranking_parent_id").equals(last.get("id"))
                    || !task.get("message_tree_id").equals(conversation.path(0).get("id"))
                    || task.get("reveal_synthetic").booleanValue()) {
                return "the ranking task is not consistent: " + task;
            }
        }
        if (type.endsWith("_reply")
                && !type.startsWith("label_")
                && last.get("is_assistant").booleanValue() != type.equals("prompter_reply")) {
            return "the reply task's conversation ends with the wrong role: " + task;
        }
        return null;
    }
}
