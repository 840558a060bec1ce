package io.github.oasst.client.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oasst.client.fixtures.Exchanges.Exchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sends a recorded exchange's request to a fake backend, and reads answers as the replays compare them. */
final class Replay {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** Headers sent with every replayed request besides the recorded ones (none unless set). */
    private static final ThreadLocal<Map<String, String>> EXTRA = ThreadLocal.withInitial(Map::of);

    private Replay() {}

    /** Sends these headers too with every request this thread replays, until set again. */
    static void extraHeaders(Map<String, String> headers) {
        EXTRA.set(Map.copyOf(headers));
    }

    /** The exchange's request, with its headers, to {@code path} with {@code body}. */
    static HttpResponse<String> send(FakeOasstBackend backend, Exchange exchange, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.baseUrl() + path));
        for (String header : exchange.headers().split(", ")) {
            int colon = header.indexOf(": ");
            if (colon > 0) {
                request.header(header.substring(0, colon), header.substring(colon + 2));
            }
        }
        EXTRA.get().forEach(request::header);
        request.method(
                exchange.method(),
                exchange.requestBody().isNull()
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A 422 detail list without what Python's JSON parser words its own way. */
    static List<String> comparable(JsonNode detail) {
        List<String> entries = new ArrayList<>();
        if (!detail.isArray()) {
            entries.add(detail.toString());
            return entries;
        }
        for (JsonNode entry : detail) {
            if (entry.path("type").asText().equals("value_error.jsondecode")) {
                entries.add(entry.get("loc").get(0) + " " + entry.get("type"));
            } else {
                entries.add(entry.get("loc") + " " + entry.get("msg") + " " + entry.get("type"));
            }
        }
        return entries;
    }
}
