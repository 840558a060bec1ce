package io.github.oasst.client.testkit;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request as the fake backend's behaviour sees it.
 *
 * @param method the HTTP method
 * @param path the raw path, without the query
 * @param query the raw query string, null when there is none
 * @param headers the first value of each header, names lower-case
 * @param body the body as text, empty when there is none
 */
record Request(String method, String path, @Nullable String query, Map<String, String> headers, String body) {
    Request {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header (any case), or null. */
    @Nullable
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
