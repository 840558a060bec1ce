package io.github.oasst.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Replays the 453 exchanges recorded from the 2023-05 backend outside {@code /api/v1/tasks}, in
 * order, against the fake in 2023-05 mode set up with the state their answers show ({@link
 * RecordedState2023_05}), and checks each: the status, the error code and message, the 422 details,
 * and the body of every other answer, in full (message objects, conversations, trees, pages and
 * cursors, users, tree states, label lists; the order of a user's emojis aside, which the backend
 * aggregates in no order) unless it depends on what the recording's database held beyond that
 * state. Ids of the users the exchanges create are replaced by the fake's; their creation dates,
 * a terms-of-service acceptance made during the replay and the stats' modification dates are the
 * fake's own times, compared for presence.
 *
 * <p>Compared in part, 25 answers that count the whole shared database (its seed data and the
 * earlier recorder runs), which the fake does not hold; every other answer (428) is compared in
 * full:
 *
 * <ul>
 *   <li>{@code GET /stats/} (2 exchanges): the fields, {@code all = active + deleted}.
 *   <li>{@code /stats/tree_manager*} (4): the state counts are numbers; every tree the fake counts is
 *       counted alike in the recording (same state, depth, oldest, youngest, count, goal).
 *   <li>{@code /stats/cached*} answered 200 (10): the names, {@code last_updated} a timestamp, the
 *       shape of each statistic.
 *   <li>{@code /leaderboards/{time_frame}} (5, all after the replay's leaderboard update): the
 *       recording ranks the users of that database, the fake the users it holds. The time frame,
 *       the entries' fields, ranks ascending, each score and level as the entry's counts give them,
 *       highlighting of the {@code x-oasst-user} only, {@code max_count}; a recorded user's entry in
 *       full but for its rank.
 *   <li>{@code /trollboards/{time_frame}} (2): the same (the recorded user's row, first in both,
 *       matches in full but for its rank).
 *   <li>A user's stats and leaderboard window after the update (2): the user's counts, scores and
 *       levels in full but for the rank; the window holds the user, highlighted, among ranks in order.
 * </ul>
 *
 * <p>The stats rows the answers show before the update (a seed user's, the first three of a day
 * leaderboard) are planted with the state, so those answers are compared in full.
 *
 * <p>The cached stats exchanges that answer 6000 ("before any update") were recorded before the
 * server's hourly update that the later ones show ({@code last_updated} 08:02:51, before this run):
 * the replay runs the update before the first cached stats answered 200.
 */
class RecordedOtherExchanges2023_05ReplayTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, String> ids = new LinkedHashMap<>();
    private boolean updated;

    @Test
    void theFakeAnswersEveryRecordedOperationAsTheRealBackendDid() throws Exception {
        List<Exchange> recorded = Exchanges.other2023_05();
        RecordedState2023_05 state = new RecordedState2023_05(recorded);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        boolean cachedUpdate = false;
        try (FakeOasstBackend backend = RecordedExchanges2023_05ReplayTest.start2023_05()) {
            state.plant(backend);
            for (int i = 0; i < recorded.size(); i++) {
                Exchange exchange = recorded.get(i);
                if (!cachedUpdate && exchange.path().startsWith("/api/v1/stats/cached/") && exchange.status() == 200) {
                    Replay2023_05.call(backend, "POST", "/api/v1/stats/cached/update", null);
                    cachedUpdate = true;
                }
                String problem = replay(backend, exchange);
                if (problem != null) {
                    mismatches.add(i + " " + exchange.name() + ": " + problem);
                }
                compared++;
            }
        }
        assertThat(compared).isEqualTo(453);
        assertThat(mismatches).isEmpty();
    }

    private @Nullable String replay(FakeOasstBackend backend, Exchange exchange) throws Exception {
        String path = Replay2023_05.substitute(ids, exchange.path());
        HttpResponse<String> response =
                Replay.send(backend, exchange, path, Replay2023_05.substitute(ids, exchange.requestText()));
        updated |= path.startsWith("/api/v1/leaderboards/update");
        if (response.statusCode() != exchange.status()) {
            return "status " + response.statusCode() + " instead of " + exchange.status() + ": " + response.body();
        }
        if (exchange.responseText().isEmpty()) {
            return response.body().isEmpty() ? null : "a body where there was none: " + response.body();
        }
        JsonNode actual = MAPPER.readTree(response.body());
        if (path.equals("/api/v1/frontend_users/") && exchange.method().equals("POST") && exchange.status() == 200) {
            ids.put(
                    exchange.responseBody().get("user_id").textValue(),
                    actual.get("user_id").textValue());
        }
        JsonNode expected = MAPPER.readTree(Replay2023_05.substitute(ids, exchange.responseText()));
        String error = Replay2023_05.compareErrors(ids, expected, actual);
        if (error != null || expected.has("error_code") || expected.has("detail")) {
            return error;
        }
        Set<String> created = Set.copyOf(ids.values());
        OtherAnswers answers = new OtherAnswers(created, Exchanges.header(exchange, "x-oasst-user"));
        String partial = answers.partial(path, updated, expected, actual);
        if (partial != null) {
            return partial.isEmpty() ? null : partial;
        }
        JsonNode want = OtherAnswers.normalize(expected.deepCopy(), created);
        JsonNode got = OtherAnswers.normalize(actual.deepCopy(), created);
        return want.equals(got) ? null : got + " instead of " + want;
    }
}
