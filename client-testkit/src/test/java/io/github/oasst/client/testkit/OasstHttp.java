package io.github.oasst.client.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Plain HTTP calls to a fake backend, as a frontend of the 2023-05 API makes them. */
final class OasstHttp {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** An answer: status and body. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body.isEmpty() ? "null" : body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The OASST error code, -1 when the body has none. */
        int code() {
            return json().path("error_code").asInt(-1);
        }
    }

    private final FakeOasstBackend backend;
    private final String key;

    OasstHttp(FakeOasstBackend backend) {
        this(backend, backend.apiKey());
    }

    OasstHttp(FakeOasstBackend backend, String key) {
        this.backend = backend;
        this.key = key;
    }

    /** The same backend with another key. */
    OasstHttp withKey(String otherKey) {
        return new OasstHttp(backend, otherKey);
    }

    /**
     * Sends a request with the key; {@code oasstUser}, when not null, as {@code x-oasst-user};
     * {@code body}, when not null, as JSON.
     */
    Answer send(String method, String path, @Nullable String oasstUser, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.baseUrl() + path))
                .header("X-API-Key", key)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (oasstUser != null) {
            request.header("x-oasst-user", oasstUser);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path) {
        return send("GET", path, null, null);
    }

    Answer get(String path, String oasstUser) {
        return send("GET", path, oasstUser, null);
    }

    Answer post(String path, String body) {
        return send("POST", path, null, body);
    }

    /** A discord user as a body names it. */
    static String user(String name) {
        return "{\"id\":\"" + name + "\",\"display_name\":\"" + name + "\",\"auth_method\":\"discord\"}";
    }

    /** The {@code x-oasst-user} of a discord user. */
    static String header(String name) {
        return "discord:" + name;
    }

    Answer requestTask(String user, String type) {
        return post("/api/v1/tasks/", "{\"type\":\"" + type + "\",\"user\":" + user(user) + "}");
    }

    /** A task of the type for the user, which must be served. */
    JsonNode task(String user, String type) {
        Answer answer = requestTask(user, type);
        if (answer.status() != 200) {
            throw new IllegalStateException(type + " answered " + answer);
        }
        return answer.json();
    }

    Answer ack(JsonNode task, String frontendId) {
        return post("/api/v1/tasks/" + task.get("id").asText() + "/ack", "{\"message_id\":\"" + frontendId + "\"}");
    }

    Answer nack(JsonNode task, @Nullable String oasstUser) {
        return send("POST", "/api/v1/tasks/" + task.get("id").asText() + "/nack", oasstUser, "{\"reason\":\"skip\"}");
    }

    Answer reply(String user, String frontendId, String userMessageId, String text) {
        return post(
                "/api/v1/tasks/interaction",
                "{\"type\":\"text_reply_to_message\",\"message_id\":\"" + frontendId + "\",\"user_message_id\":\""
                        + userMessageId + "\",\"text\":" + MAPPER.valueToTree(text) + ",\"user\":" + user(user)
                        + "}");
    }

    Answer labels(String user, JsonNode task, String labels, boolean withTaskId) {
        return post(
                "/api/v1/tasks/interaction",
                "{\"type\":\"text_labels\",\"message_id\":\""
                        + task.get("message_id").asText() + "\","
                        + (withTaskId ? "\"task_id\":\"" + task.get("id").asText() + "\"," : "")
                        + "\"text\":\"\",\"labels\":" + labels + ",\"user\":" + user(user) + "}");
    }

    /** A prompt the user writes through an initial prompt task; the stored message. */
    JsonNode prompt(String user, String text) {
        JsonNode task = task(user, "initial_prompt");
        String frontendId = "fe-" + UUID.randomUUID();
        ack(task, frontendId + "-task");
        Answer done = reply(user, frontendId + "-task", frontendId, text);
        if (done.status() != 200) {
            throw new IllegalStateException("the prompt answered " + done);
        }
        return get("/api/v1/frontend_messages/" + frontendId).json();
    }
}
