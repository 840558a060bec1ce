package io.github.oasst.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oasst.client.fixtures.Exchanges;
import io.github.oasst.client.fixtures.Exchanges.Exchange;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Replays the 67 exchanges recorded from the real backend, in order, against the fake and checks
 * that it answers each with the same status and the same error body. Ids differ per run: each id
 * the real backend handed out is replaced by the one the fake handed out in the same exchange. The
 * same for the 8 exchanges recorded to learn what a repeated ranking or text label does.
 */
class RecordedExchangesReplayTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> SERVED = Set.of(
            "initial_prompt",
            "prompter_reply",
            "assistant_reply",
            "rank_initial_prompts",
            "rank_prompter_replies",
            "rank_assistant_replies",
            "label_initial_prompt");

    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, JsonNode> fakeTasksById = new HashMap<>();
    private final Map<String, JsonNode> fakeTasksByFrontendId = new HashMap<>();

    @Test
    void theFakeAnswersEveryRecordedExchangeAsTheRealBackendDid() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        try (FakeOasstBackend backend =
                FakeOasstBackend.builder().apiKey("test-api-key-123").start()) {
            for (Exchange exchange : Exchanges.all()) {
                String problem = replay(backend, exchange);
                if (problem != null) {
                    mismatches.add(exchange.name() + ": " + problem);
                }
                compared++;
            }
        }
        assertThat(compared).isEqualTo(67);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theFakeAnswersRepeatedInteractionsAsTheRealBackendDid() throws Exception {
        List<String> mismatches = new ArrayList<>();
        try (FakeOasstBackend backend =
                FakeOasstBackend.builder().apiKey("test-api-key-123").start()) {
            for (Exchange exchange : Exchanges.repeats()) {
                String problem = replay(backend, exchange);
                if (problem != null) {
                    mismatches.add(exchange.name() + ": " + problem);
                }
            }
            assertThat(mismatches).isEmpty();
            assertThat(backend.tasks())
                    .extracting(FakeTask::type, FakeTask::status, FakeTask::answersStored)
                    .as("the second ranking collides, the second label is stored again")
                    .containsExactly(
                            tuple("rank_assistant_replies", FakeTask.Status.DONE, 1),
                            tuple("label_initial_prompt", FakeTask.Status.DONE, 2));
        }
        assertThat(Exchanges.repeats()).hasSize(8);
    }

    private String replay(FakeOasstBackend backend, Exchange exchange) throws Exception {
        String path = substitute(exchange.path());
        String body = adaptRanking(substitute(exchange.requestText()));
        HttpResponse<String> response = Replay.send(backend, exchange, path, body);

        JsonNode recorded = exchange.responseBody();
        String requestedType = requestedType(exchange);
        if (requestedType != null && requestedType.equals("random")) {
            // the real backend's random choice fails 2 times in 9 (1005); the fake's choice is its own
            if (response.statusCode() == 400) {
                return errorCode(response.body()) == 1005 ? null : "random answered " + response.body();
            }
            return response.statusCode() == 200 && SERVED.contains(type(response.body()))
                    ? null
                    : "random answered " + response.statusCode() + " " + response.body();
        }
        if (response.statusCode() != exchange.status()) {
            return "status " + response.statusCode() + " instead of " + exchange.status() + ": " + response.body();
        }
        if (exchange.status() == 200 && requestedType != null) {
            JsonNode task = MAPPER.readTree(response.body());
            if (!task.get("type").textValue().equals(recorded.get("type").textValue())) {
                return "type " + task.get("type") + " instead of " + recorded.get("type");
            }
            if (!fieldNames(task).equals(fieldNames(recorded))) {
                return "fields " + fieldNames(task) + " instead of " + fieldNames(recorded);
            }
            learnIds(recorded, task);
            return null;
        }
        if (exchange.status() == 204 && path.endsWith("/ack")) {
            String taskId = path.split("/")[4];
            fakeTasksByFrontendId.put(MAPPER.readTree(body).get("message_id").textValue(), fakeTasksById.get(taskId));
        }
        if (recorded.isObject() && recorded.has("error_code")) {
            JsonNode fake = MAPPER.readTree(response.body());
            if (fake.get("error_code").intValue() != recorded.get("error_code").intValue()) {
                return "error " + fake + " instead of " + recorded;
            }
            String expected = substitute(recorded.get("message").textValue()).replaceAll("=\\d+\\)", "=N)");
            String actual = fake.get("message").textValue().replaceAll("=\\d+\\)", "=N)");
            return expected.equals(actual) ? null : "message \"" + actual + "\" instead of \"" + expected + "\"";
        }
        if (recorded.isObject() && recorded.has("detail")) {
            JsonNode fake = MAPPER.readTree(response.body());
            return Replay.comparable(fake.get("detail")).equals(Replay.comparable(recorded.get("detail")))
                    ? null
                    : "detail " + fake.get("detail") + " instead of " + recorded.get("detail");
        }
        if (exchange.status() == 200) {
            JsonNode fake = MAPPER.readTree(response.body());
            return fake.get("type").textValue().equals("task_done") && fake.has("id") ? null : "not task_done: " + fake;
        }
        return response.body().isEmpty() ? null : "a body where there was none: " + response.body();
    }

    private static String requestedType(Exchange exchange) {
        if (!exchange.path().startsWith("/api/v1/tasks/")
                || exchange.path().length() > "/api/v1/tasks/".length()
                        && !exchange.path().startsWith("/api/v1/tasks/?")) {
            return null;
        }
        JsonNode body = exchange.requestBody();
        if (!body.isObject()) {
            return null;
        }
        return body.has("type") ? body.get("type").textValue() : "random";
    }

    private void learnIds(JsonNode recorded, JsonNode fake) {
        ids.put(recorded.get("id").textValue(), fake.get("id").textValue());
        fakeTasksById.put(fake.get("id").textValue(), fake);
        if (recorded.has("message_id")) {
            ids.put(
                    recorded.get("message_id").textValue(),
                    fake.get("message_id").textValue());
        }
    }

    private String substitute(String text) {
        String result = text;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            result = result.replace(id.getKey(), id.getValue());
        }
        return result;
    }

    /**
     * A recorded valid ranking ranks the real task's items; the fake's task has its own count, so a
     * valid ranking is rewritten to rank those (an invalid one stays invalid).
     */
    private String adaptRanking(String body) throws Exception {
        if (!body.contains("\"message_ranking\"")) {
            return body;
        }
        ObjectNode json = (ObjectNode) MAPPER.readTree(body);
        JsonNode task = fakeTasksByFrontendId.get(json.get("message_id").textValue());
        ArrayNode ranking = (ArrayNode) json.get("ranking");
        if (task == null || ranking.size() < 2) {
            return body;
        }
        int items = task.has("prompts")
                ? task.get("prompts").size()
                : task.get("replies").size();
        ranking.removeAll();
        for (int i = items - 1; i >= 0; i--) {
            ranking.add(i);
        }
        return MAPPER.writeValueAsString(json);
    }

    private static int errorCode(String body) throws Exception {
        return MAPPER.readTree(body).path("error_code").asInt(-1);
    }

    private static String type(String body) throws Exception {
        return MAPPER.readTree(body).path("type").asText();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
