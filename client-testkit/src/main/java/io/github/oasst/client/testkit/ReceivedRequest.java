package io.github.oasst.client.testkit;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request the fake backend received, in its journal.
 *
 * @param method the HTTP method
 * @param path the path, without the query
 * @param query the query string, null when there is none
 * @param headers the headers, names lower-case
 * @param body the body as text, empty when there is none
 */
public record ReceivedRequest(
        String method, String path, @Nullable String query, Map<String, List<String>> headers, String body) {

    public ReceivedRequest {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header (any case), or null. */
    public @Nullable String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Never shows the API key. */
    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?…") + " " + body;
    }
}
