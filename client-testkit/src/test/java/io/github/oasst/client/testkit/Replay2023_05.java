package io.github.oasst.client.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** What the replays of the 2023-05 recordings share: id substitution, error comparison, setup calls. */
final class Replay2023_05 {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Replay2023_05() {}

    /** The text with every recorded id replaced by the fake's. */
    static String substitute(Map<String, String> ids, String text) {
        String result = text;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            result = result.replace(id.getKey(), id.getValue());
        }
        return result;
    }

    /**
     * For an error answer: the same error code and message (ids replaced), or the same FastAPI
     * detail; null when they match or the answer is no error.
     */
    static @Nullable String compareErrors(Map<String, String> ids, JsonNode expected, JsonNode actual) {
        if (expected.has("error_code")) {
            if (actual.path("error_code").asInt(-1)
                    != expected.get("error_code").intValue()) {
                return "error " + actual + " instead of " + expected;
            }
            String message = substitute(ids, expected.get("message").textValue());
            return message.equals(actual.path("message").asText())
                    ? null
                    : "message " + actual + " instead of " + expected;
        }
        if (expected.has("detail") && !actual.has("detail")) {
            return "no detail: " + actual + " instead of " + expected;
        }
        if (expected.has("detail")) {
            return Replay.comparable(expected.get("detail")).equals(Replay.comparable(actual.get("detail")))
                    ? null
                    : "detail " + actual + " instead of " + expected;
        }
        return null;
    }

    static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Creates a discord user through {@code POST /api/v1/frontend_users/} with the main key. */
    static JsonNode createUser(FakeOasstBackend backend, String username) throws IOException, InterruptedException {
        return call(
                backend,
                "POST",
                "/api/v1/frontend_users/",
                "{\"id\":\"" + username + "\",\"display_name\":\"" + username + "\",\"auth_method\":\"discord\"}");
    }

    /** Disables a discord user through {@code PUT /api/v1/users/{id}?enabled=false}. */
    static void disableUser(FakeOasstBackend backend, String username) throws IOException, InterruptedException {
        JsonNode user = call(backend, "GET", "/api/v1/frontend_users/discord/" + username, null);
        call(backend, "PUT", "/api/v1/users/" + user.get("user_id").textValue() + "?enabled=false", null);
    }

    /** A call with the main key that must succeed; its JSON answer (null for none). */
    static JsonNode call(FakeOasstBackend backend, String method, String path, @Nullable String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.baseUrl() + path))
                .header("X-API-Key", backend.apiKey())
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + " " + response.body());
        }
        return MAPPER.readTree(response.body().isEmpty() ? "null" : response.body());
    }
}
