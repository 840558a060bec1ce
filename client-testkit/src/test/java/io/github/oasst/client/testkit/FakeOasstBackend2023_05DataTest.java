package io.github.oasst.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.testkit.OasstHttp.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fake in 2023-05 mode beyond tasks, through plain HTTP: users named by {@code x-oasst-user},
 * the shapes of messages, cursors, the label names, the changed paths, trusted-only operations,
 * deletes, the tree lifecycle and the journal; and that the default mode ignores the header.
 */
class FakeOasstBackend2023_05DataTest {
    private static final String UNTRUSTED = "untrusted-key";
    private static final String DISABLED = "disabled-key";

    @RegisterExtension
    static FakeOasstBackendExtension oasst =
            FakeOasstBackendExtension.withBackend(b -> b.serverVersion(OasstServerVersion.V2023_05)
                    .untrustedApiKey(UNTRUSTED)
                    .disabledApiKey(DISABLED));

    private OasstHttp http;

    @BeforeEach
    void setUp() {
        http = new OasstHttp(oasst.backend());
    }

    @Test
    void anUnknownXOasstUserIs404WhereverTheHeaderIsRead() {
        JsonNode prompt = http.prompt("ada", "What makes bread rise?");
        String byId = "/api/v1/messages/" + prompt.get("id").asText();

        for (String path : List.of(byId, byId + "/tree", "/api/v1/messages/?max_count=1", "/api/v1/leaderboards/day")) {
            Answer answer = http.get(path, OasstHttp.header("nobody"));
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.json().get("message").asText()).isEqualTo("User not found");
        }
        assertThat(http.get(
                                "/api/v1/frontend_messages/"
                                        + prompt.get("frontend_message_id").asText(),
                                OasstHttp.header("nobody"))
                        .status())
                .as("not read there")
                .isEqualTo(200);
        assertThat(http.get(byId, "no-colon").status()).as("no colon: no user").isEqualTo(200);
        JsonNode asAuthor = http.get(byId, OasstHttp.header("ada")).json();
        assertThat(asAuthor.get("user_is_author").booleanValue()).isTrue();
        assertThat(http.get(byId).json().get("user_is_author").isNull()).isTrue();
    }

    @Test
    void messagesAndTasksHaveThe2023_05Shapes() {
        JsonNode prompt = http.prompt("ada", "How far away is the moon?");
        assertThat(Replay2023_05.fields(prompt))
                .containsExactlyInAnyOrder(
                        "id",
                        "user_id",
                        "frontend_message_id",
                        "text",
                        "lang",
                        "is_assistant",
                        "emojis",
                        "user_emojis",
                        "user_is_author",
                        "synthetic",
                        "parent_id",
                        "created_date",
                        "review_result",
                        "review_count",
                        "deleted",
                        "model_name",
                        "message_tree_id",
                        "ranking_count",
                        "rank",
                        "user");
        assertThat(prompt.get("created_date").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00");
        JsonNode rank = http.task("bob", "rank_assistant_replies");
        assertThat(Replay2023_05.fields(rank))
                .contains("reply_messages", "message_tree_id", "ranking_parent_id", "reveal_synthetic");
        assertThat(Replay2023_05.fields(rank.at("/conversation/messages/0")))
                .containsExactlyInAnyOrder(
                        "id",
                        "user_id",
                        "frontend_message_id",
                        "text",
                        "lang",
                        "is_assistant",
                        "emojis",
                        "user_emojis",
                        "user_is_author",
                        "synthetic");
        JsonNode label = http.task("bob", "label_initial_prompt");
        assertThat(label.get("mandatory_labels").toString()).isEqualTo("[\"spam\"]");
        assertThat(label.get("mode").asText()).isEqualTo("full");
        assertThat(label.get("labels").get(0).get("name").asText()).isEqualTo("spam");
        JsonNode state = http.get("/api/v1/messages/" + prompt.get("id").asText() + "/tree/state")
                .json();
        assertThat(state.get("state").asText()).isEqualTo("initial_prompt_review");
    }

    @Test
    void cursorsPageForwardAndBackByCreationDate() {
        List<String> ids = new ArrayList<>();
        IntStream.range(0, 5)
                .forEach(i -> ids.add(
                        http.prompt("ada", "Prompt number " + i).get("id").asText()));
        String base = "/api/v1/frontend_users/discord/ada/messages/cursor?max_count=2";

        JsonNode first = http.get(base).json();
        JsonNode second =
                http.get(base + "&after=" + encode(first.get("next").asText())).json();
        JsonNode third =
                http.get(base + "&after=" + encode(second.get("next").asText())).json();
        JsonNode back =
                http.get(base + "&before=" + encode(third.get("prev").asText())).json();

        assertThat(first.get("prev").isNull()).isTrue();
        assertThat(first.get("next").asText()).matches(ids.get(1) + "\\$.*\\+00:00");
        assertThat(itemIds(first)).isEqualTo(ids.subList(0, 2));
        assertThat(itemIds(second)).isEqualTo(ids.subList(2, 4));
        assertThat(itemIds(third)).isEqualTo(ids.subList(4, 5));
        assertThat(third.get("next").isNull()).isTrue();
        assertThat(itemIds(back)).isEqualTo(ids.subList(2, 4));
        assertThat(http.get(base + "&after=" + first.get("next").asText()).code())
                .as("an unencoded + becomes a space")
                .isEqualTo(101);
    }

    private static String encode(String cursor) {
        return URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    private static List<String> itemIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    @Test
    void theLabelNamesAreThe2023_05Ones() {
        JsonNode prompt = http.prompt("ada", "Is a whale a fish?");
        String labels = "{\"type\":\"text_labels\",\"message_id\":\""
                + prompt.get("id").asText() + "\",\"text\":\"\",\"labels\":%s,\"user\":" + OasstHttp.user("bob") + "}";

        assertThat(http.post("/api/v1/text_labels/", labels.formatted("{\"helpful\":1}"))
                        .status())
                .isEqualTo(422);
        assertThat(http.post("/api/v1/text_labels/", labels.formatted("{\"helpfulness\":1}"))
                        .status())
                .isEqualTo(204);
        JsonNode valid = http.get("/api/v1/text_labels/valid_labels").json().get("valid_labels");
        assertThat(valid.findValuesAsText("name"))
                .hasSize(14)
                .doesNotContain("fails_task")
                .contains("moral_judgement");
        assertThat(http.withKey("no-key")
                        .get("/api/v1/text_labels/report_labels")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void changedPathsAnswerAsThe2023_05BackendDoes() {
        http.prompt("ada", "What is a leap year?");

        assertThat(http.get("/api/v1/frontend_users/discord/ada/messages")
                        .json()
                        .size())
                .isEqualTo(1);
        Answer old = http.get("/api/v1/frontend_users/ada/messages");
        assertThat(old.status())
                .as("now the user 'messages' of auth method 'ada'")
                .isEqualTo(404);
        assertThat(old.code()).isEqualTo(4002);
        assertThat(http.get("/api/v1/experimental/leaderboards/create/assistant")
                        .body())
                .isEqualTo("{\"detail\":\"Not Found\"}");
        assertThat(http.post("/api/v1/leaderboards/update", null).status()).isEqualTo(204);
        JsonNode board =
                http.get("/api/v1/leaderboards/total", OasstHttp.header("ada")).json();
        assertThat(board.get("leaderboard").findValuesAsText("username")).contains("ada");
        assertThat(http.get("/api/v1/messages").status()).isEqualTo(307);
    }

    @Test
    void anUntrustedKeyIsRefusedTheTrustedOperationsAndSeesOnlyItsClient() {
        JsonNode prompt = http.prompt("ada", "Why do leaves change colour?");
        OasstHttp untrusted = http.withKey(UNTRUSTED);
        String byId = "/api/v1/messages/" + prompt.get("id").asText();

        for (Answer answer : List.of(
                untrusted.send("DELETE", byId, null, null),
                untrusted.get("/api/v1/stats/"),
                untrusted.get("/api/v1/trollboards/day"),
                untrusted.send("PUT", byId + "/tree/state?halt=true", null, null))) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.json().get("message").asText()).isEqualTo("Forbidden");
        }
        assertThat(untrusted.get(byId).status()).isEqualTo(200);
        assertThat(untrusted
                        .get("/api/v1/frontend_messages/"
                                + prompt.get("frontend_message_id").asText())
                        .code())
                .isEqualTo(2001);
        assertThat(untrusted.get("/api/v1/messages/").json()).isEmpty();
        Answer disabled = http.withKey(DISABLED).get(byId);
        assertThat(disabled.status()).isEqualTo(403);
        assertThat(disabled.json().get("message").asText()).isEqualTo("Could not validate credentials");
    }

    @Test
    void aUsersMessagesAreDeletedAllOfThem() {
        IntStream.range(0, 12).forEach(i -> http.prompt("ada", "What is " + i + " squared?"));

        assertThat(http.send("DELETE", "/api/v1/frontend_users/discord/ada/messages", null, null)
                        .status())
                .isEqualTo(204);
        assertThat(http.get("/api/v1/frontend_users/discord/ada/messages").json())
                .isEmpty();
        JsonNode all = http.get("/api/v1/frontend_users/discord/ada/messages?include_deleted=true&max_count=100")
                .json();
        assertThat(all.findValues("deleted")).hasSize(12).allMatch(JsonNode::booleanValue);
    }

    @Test
    void aPromptAcceptedByThreeReviewsWaitsForTheLottery() {
        JsonNode prompt = http.prompt("ada", "Why is the sky dark at night?");
        for (String reviewer : List.of("bob", "carl", "dora")) {
            labelThrough(reviewer, prompt.get("id").asText());
        }
        JsonNode reviewed =
                http.get("/api/v1/messages/" + prompt.get("id").asText()).json();
        assertThat(reviewed.get("review_count").intValue()).isEqualTo(3);
        assertThat(reviewed.get("review_result").booleanValue()).isTrue();
        assertThat(http.get("/api/v1/messages/" + prompt.get("id").asText() + "/tree/state")
                        .json()
                        .get("state")
                        .asText())
                .as("the fake's seed already fills the 10 growing trees")
                .isEqualTo("prompt_lottery_waiting");
    }

    /** The reviewer skips label tasks (nack) until one names the message, then labels it as no spam. */
    private void labelThrough(String reviewer, String messageId) {
        for (int i = 0; i < 10; i++) {
            JsonNode task = http.task(reviewer, "label_initial_prompt");
            if (task.get("message_id").asText().equals(messageId)) {
                http.ack(task, "fe-" + task.get("id").asText());
                assertThat(http.labels(reviewer, task, "{\"spam\":0,\"lang_mismatch\":0}", true)
                                .status())
                        .isEqualTo(200);
                return;
            }
            assertThat(http.nack(task, OasstHttp.header(reviewer)).status()).isEqualTo(204);
        }
        throw new AssertionError(reviewer + " never got a label task for " + messageId);
    }

    @Test
    void theJournalShowsWhichUserANackNamed() {
        JsonNode task = http.task("ada", "initial_prompt");
        http.nack(task, OasstHttp.header("ada"));

        List<ReceivedRequest> nacks = oasst.backend().received().stream()
                .filter(request -> request.path().endsWith("/nack"))
                .toList();
        assertThat(nacks)
                .singleElement()
                .satisfies(nack -> assertThat(nack.header("x-oasst-user")).isEqualTo("discord:ada"));
    }

    @Test
    void the2023_01ModeIgnoresXOasstUser() {
        try (FakeOasstBackend old = FakeOasstBackend.start()) {
            OasstHttp oldHttp = new OasstHttp(old);
            JsonNode task = oldHttp.task("ada", "initial_prompt");
            Answer ack = oldHttp.send(
                    "POST",
                    "/api/v1/tasks/" + task.get("id").asText() + "/ack",
                    OasstHttp.header("nobody"),
                    "{\"message_id\":\"fe\"}");
            assertThat(ack.status()).isEqualTo(204);
            JsonNode second = oldHttp.task("ada", "initial_prompt");
            assertThat(oldHttp.nack(second, null).status())
                    .as("a nack needs no user")
                    .isEqualTo(204);
            assertThat(oldHttp.post("/api/v1/tasks/", "{\"type\":\"initial_prompt\"}")
                            .status())
                    .as("nor a task request")
                    .isEqualTo(200);
        }
    }
}
