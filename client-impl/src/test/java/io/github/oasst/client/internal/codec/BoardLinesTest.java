package io.github.oasst.client.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oasst.client.data.LeaderboardStats;
import io.github.oasst.client.data.RankedUser;
import io.github.oasst.client.data.TrollScore;
import io.github.oasst.client.data.TrollboardStats;
import io.github.oasst.client.data.UserScore;
import io.github.oasst.client.fixtures.Exchanges;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A leaderboard's and the trollboard's lines, as the 2023-05 backend sent them, read whom each line
 * is about ({@link RankedUser}) from the line's own fields, beside its counts, with Jackson 2 and
 * Jackson 3 alike.
 */
class BoardLinesTest {
    private static final List<JsonMapping> MAPPINGS = List.of(Jackson2Mapping.INSTANCE, new Jackson3Mapping());

    @Test
    void leaderboardLinesReadTheirUserAndScoreFromTheirOwnFields() throws IOException {
        JsonNode body = recorded("leaderboards: day leaderboard, max_count=3");
        JsonNode lines = body.get("leaderboard");
        for (JsonMapping mapping : MAPPINGS) {
            LeaderboardStats stats = (LeaderboardStats) read(mapping, body, LeaderboardStats.class);

            assertThat(stats.leaderboard())
                    .as("%s", mapping)
                    .hasSize(lines.size())
                    .isNotEmpty();
            for (int i = 0; i < lines.size(); i++) {
                UserScore line = stats.leaderboard().get(i);
                assertThat(line.user()).as("%s", mapping).isEqualTo(user(lines.get(i)));
                assertThat(line.leaderScore())
                        .isEqualTo(lines.get(i).get("leader_score").intValue());
                assertThat(line.prompts()).isEqualTo(lines.get(i).get("prompts").intValue());
            }
        }
    }

    @Test
    void trollboardLinesReadTheirUserAndScoreFromTheirOwnFields() throws IOException {
        JsonNode body = recorded("trollboards: day trollboard, max_count=3");
        JsonNode lines = body.get("trollboard");
        for (JsonMapping mapping : MAPPINGS) {
            TrollboardStats stats = (TrollboardStats) read(mapping, body, TrollboardStats.class);

            assertThat(stats.trollboard())
                    .as("%s", mapping)
                    .hasSize(lines.size())
                    .isNotEmpty();
            for (int i = 0; i < lines.size(); i++) {
                TrollScore line = stats.trollboard().get(i);
                assertThat(line.user()).as("%s", mapping).isEqualTo(user(lines.get(i)));
                assertThat(line.trollScore())
                        .isEqualTo(lines.get(i).get("troll_score").intValue());
                assertThat(line.redFlags())
                        .isEqualTo(lines.get(i).get("red_flags").intValue());
            }
        }
    }

    private static JsonNode recorded(String name) {
        return Exchanges.other2023_05().stream()
                .filter(exchange -> exchange.name().equals(name))
                .findFirst()
                .orElseThrow()
                .responseBody();
    }

    private static RankedUser user(JsonNode line) {
        return new RankedUser(
                line.get("rank").isNull() ? null : line.get("rank").intValue(),
                UUID.fromString(line.get("user_id").textValue()),
                line.get("highlighted").booleanValue(),
                line.get("username").textValue(),
                line.get("auth_method").textValue(),
                line.get("display_name").textValue());
    }

    private static Object read(JsonMapping mapping, JsonNode body, Class<?> type) throws IOException {
        byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
        return mapping.read(new ByteArrayInputStream(json), type);
    }
}
