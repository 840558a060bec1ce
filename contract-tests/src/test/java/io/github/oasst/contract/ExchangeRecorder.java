package io.github.oasst.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * An OkHttp interceptor in the client's own HTTP stack that records each exchange as it went over
 * the wire: the request the client built and what Prism answered, with its {@code sl-violations}
 * header. With a seed prefix it asks Prism for a dynamic response, seeded differently per request
 * ({@code Prefer: dynamic=true, seed=<prefix>-<n>}), so a run is varied and still reproducible.
 */
final class ExchangeRecorder implements Interceptor {
    private static final long MAX_RECORDED_BODY = 1024 * 1024;
    private static final Pattern TRUNCATED_ENTRY =
            Pattern.compile("\\{\"location\":\\[\"(request|response)\"[^}]*?\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * One request and its response.
     *
     * @param seed the Prism seed asked for, null when none
     * @param violations the {@code sl-violations} header: JSON of Prism's request and response
     *     violations, null when there were none
     */
    record Exchange(
            String method,
            String path,
            @Nullable String query,
            String requestBody,
            @Nullable String seed,
            int status,
            @Nullable String violations,
            String responseBody) {

        /** The request body as JSON. */
        JsonNode requestJson() {
            return json("request", requestBody);
        }

        /** The response body as JSON. */
        JsonNode responseJson() {
            return json("response", responseBody);
        }

        private JsonNode json(String side, String body) {
            try {
                return ContractSupport.JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError(side + " body is not JSON: " + body + " in " + this, e);
            }
        }

        /** Whether Prism found the request invalid. */
        boolean hasRequestViolation() {
            return !violationsOf("request").isEmpty();
        }

        /** Whether Prism found its own generated response invalid against the schema. */
        boolean hasResponseViolation() {
            return !violationsOf("response").isEmpty();
        }

        /**
         * The messages of the violations of the request or the response, each as {@code
         * location: message}.
         *
         * @param side {@code "request"} or {@code "response"}
         */
        List<String> violationsOf(String side) {
            if (violations == null) {
                return List.of();
            }
            JsonNode parsed;
            try {
                parsed = ContractSupport.JSON.readTree(violations);
            } catch (JsonProcessingException e) {
                // Prism cuts a header longer than 8 KiB and puts "Too many violations!" before it
                List<String> found = new ArrayList<>();
                Matcher entry = TRUNCATED_ENTRY.matcher(violations);
                while (entry.find()) {
                    if (entry.group(1).equals(side)) {
                        found.add(side + ": " + entry.group(2) + " (from a truncated sl-violations header)");
                    }
                }
                return found;
            }
            List<String> found = new ArrayList<>();
            for (JsonNode violation : parsed) {
                JsonNode location = violation.path("location");
                if (side.equals(location.path(0).asText())) {
                    List<String> parts = new ArrayList<>();
                    location.forEach(part -> parts.add(part.asText()));
                    found.add(String.join(".", parts) + ": "
                            + violation.path("message").asText());
                }
            }
            return found;
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query)
                    + (seed == null ? "" : " [seed " + seed + "]") + " " + requestBody + " -> " + status
                    + (violations == null ? "" : " sl-violations: " + violations);
        }
    }

    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final @Nullable String seedPrefix;
    private final AtomicLong requests = new AtomicLong();

    private ExchangeRecorder(@Nullable String seedPrefix) {
        this.seedPrefix = seedPrefix;
    }

    /** Records without asking for a seed. */
    static ExchangeRecorder plain() {
        return new ExchangeRecorder(null);
    }

    /** Records, and asks for each response to be generated with the seed {@code <prefix>-<n>}. */
    static ExchangeRecorder seeded(String prefix) {
        return new ExchangeRecorder(prefix);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String seed = null;
        if (seedPrefix != null) {
            seed = seedPrefix + "-" + requests.incrementAndGet();
            request = request.newBuilder()
                    .header("Prefer", "dynamic=true, seed=" + seed)
                    .build();
        }
        String requestBody = bodyOf(request.body());
        Response response = chain.proceed(request);
        exchanges.add(new Exchange(
                request.method(),
                request.url().encodedPath(),
                request.url().encodedQuery(),
                requestBody,
                seed,
                response.code(),
                response.header("sl-violations"),
                response.peekBody(MAX_RECORDED_BODY).string()));
        return response;
    }

    /** The exchanges so far, oldest first. */
    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** The exchanges after the first {@code from}. */
    List<Exchange> exchangesFrom(int from) {
        List<Exchange> all = exchanges();
        return all.subList(Math.min(from, all.size()), all.size());
    }

    /** How many exchanges were recorded. */
    int size() {
        return exchanges.size();
    }

    /** The last exchange. */
    Exchange last() {
        List<Exchange> all = exchanges();
        if (all.isEmpty()) {
            throw new IllegalStateException("no exchange recorded");
        }
        return all.get(all.size() - 1);
    }

    private static String bodyOf(@Nullable RequestBody body) throws IOException {
        if (body == null) {
            return "";
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        return buffer.readUtf8();
    }
}
