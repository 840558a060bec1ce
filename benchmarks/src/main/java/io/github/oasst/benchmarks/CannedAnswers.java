package io.github.oasst.benchmarks;

import static io.github.oasst.benchmarks.Bytes.ascii;

import java.nio.charset.StandardCharsets;

/**
 * The answers of {@link CannedServer}, each encoded once with uvicorn's headers, and which request
 * gets which: the method and path of the request line, and whether the head has an API key.
 */
final class CannedAnswers {
    private static final String HEADERS = "date: Fri, 06 Jan 2023 12:00:00 GMT\r\nserver: uvicorn\r\n";

    /** The {@code prompter_reply} task: the longest answer. */
    static final byte[] TASK = answer(200, "OK", CannedServer.PROMPTER_REPLY_JSON);

    private static final byte[] DONE = answer(200, "OK", CannedServer.TASK_DONE_JSON);
    private static final byte[] NO_CONTENT = ascii("HTTP/1.1 204 No Content\r\n" + HEADERS + "\r\n");
    /** The backend's answer to a request without an API key, as recorded (error code 2). */
    private static final byte[] FORBIDDEN =
            answer(403, "Forbidden", "{\"message\":\"Could not validate credentials\",\"error_code\":2}");

    private static final byte[] NOT_FOUND = answer(404, "Not Found", "{\"detail\":\"Not Found\"}");
    private static final byte[] NOT_ALLOWED = answer(405, "Method Not Allowed", "{\"detail\":\"Method Not Allowed\"}");

    private static final byte[] POST = ascii("POST ");
    private static final byte[] TASKS = ascii("/api/v1/tasks/");
    private static final byte[] INTERACTION = ascii("interaction");
    private static final byte[] ACK = ascii("/ack");

    private CannedAnswers() {}

    /**
     * The answer to the request whose head starts at {@code start} in {@code bytes}, read up to
     * {@code limit}, as {@code head} parsed it.
     */
    static byte[] route(byte[] bytes, int start, int limit, RequestHead head) {
        if (!startsWith(bytes, limit, start, POST)) {
            return NOT_ALLOWED;
        }
        if (!head.hasApiKey) {
            return FORBIDDEN;
        }
        int path = start + POST.length;
        if (!startsWith(bytes, limit, path, TASKS)) {
            return NOT_FOUND;
        }
        int rest = path + TASKS.length;
        int pathEnd = rest;
        while (pathEnd < head.bodyStart && bytes[pathEnd] != ' ' && bytes[pathEnd] != '?') {
            pathEnd++;
        }
        if (pathEnd == rest) {
            return TASK;
        }
        if (equalsAt(bytes, limit, rest, pathEnd, INTERACTION)) {
            return DONE;
        }
        if (endsWith(bytes, limit, rest, pathEnd, ACK)) {
            return NO_CONTENT;
        }
        return NOT_FOUND;
    }

    private static boolean startsWith(byte[] bytes, int limit, int at, byte[] prefix) {
        if (at + prefix.length > limit) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (bytes[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalsAt(byte[] bytes, int limit, int from, int to, byte[] text) {
        return to - from == text.length && startsWith(bytes, limit, from, text);
    }

    private static boolean endsWith(byte[] bytes, int limit, int from, int to, byte[] suffix) {
        return to - from > suffix.length && startsWith(bytes, limit, to - suffix.length, suffix);
    }

    /** A whole answer with a JSON body, encoded once. */
    private static byte[] answer(int status, String reason, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return Bytes.concat(
                ascii("HTTP/1.1 " + status + " " + reason + "\r\n" + HEADERS + "content-length: " + body.length
                        + "\r\ncontent-type: application/json\r\n\r\n"),
                body);
    }
}
