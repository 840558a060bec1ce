package io.github.oasst.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oasst.client.api.OasstServerVersion;
import io.github.oasst.client.testkit.OasstHttp.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tasks API of the fake in 2023-05 mode, through plain HTTP: the rules of that backend. */
class FakeOasstBackend2023_05TasksTest {
    @RegisterExtension
    static FakeOasstBackendExtension oasst =
            FakeOasstBackendExtension.withBackend(b -> b.serverVersion(OasstServerVersion.V2023_05));

    private OasstHttp http;

    @BeforeEach
    void setUp() {
        http = new OasstHttp(oasst.backend());
    }

    @Test
    void is2023_01ByDefaultAndSaysWhichItIs() {
        assertThat(oasst.backend().serverVersion()).isEqualTo(OasstServerVersion.V2023_05);
        try (FakeOasstBackend old = FakeOasstBackend.start()) {
            assertThat(old.serverVersion()).isEqualTo(OasstServerVersion.V2023_01);
        }
        assertThatThrownBy(() -> FakeOasstBackend.builder()
                        .serverVersion(OasstServerVersion.V2023_05)
                        .serveAllTaskTypes(true)
                        .start())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTaskRequestNeedsABodyUserAndTypesWithoutCandidatesAnswer503() {
        Answer noUser = http.post("/api/v1/tasks/", "{\"type\":\"initial_prompt\"}");
        assertThat(noUser.status()).isEqualTo(400);
        assertThat(noUser.code()).isEqualTo(4000);
        assertThat(http.send("POST", "/api/v1/tasks/", OasstHttp.header("ada"), "{}")
                        .code())
                .as("the header does not name the user of a task request")
                .isEqualTo(4000);
        for (String type :
                List.of("summarize_story", "rate_summary", "rank_initial_prompts", "rank_prompter_replies")) {
            Answer answer = http.requestTask("ada", type);
            assertThat(answer.status()).as(type).isEqualTo(503);
            assertThat(answer.json().get("message").asText())
                    .isEqualTo("No tasks of type '" + type + "' are currently available.");
        }
        assertThat(http.post(
                                "/api/v1/tasks/",
                                "{\"type\":\"assistant_reply\",\"lang\":\"de\",\"user\":" + OasstHttp.user("ada") + "}")
                        .status())
                .as("the seed trees are English")
                .isEqualTo(503);
        for (String type : List.of("initial_prompt", "prompter_reply", "assistant_reply", "rank_assistant_replies")) {
            assertThat(http.task("ada", type).get("type").asText()).isEqualTo(type);
        }
    }

    @Test
    void aNackNamesTheTasksOwnerInTheHeaderOrQuery() {
        http.task("bob", "initial_prompt");
        JsonNode task = http.task("ada", "initial_prompt");

        assertThat(http.nack(task, null).code()).as("no user").isEqualTo(4000);
        assertThat(http.nack(task, OasstHttp.header("bob")).code())
                .as("another user")
                .isEqualTo(2106);
        Answer unknown = http.nack(task, OasstHttp.header("nobody"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(4002);
        String query = "/api/v1/tasks/" + task.get("id").asText() + "/nack?oasst_user=discord%3Abob";
        assertThat(http.send("POST", query, OasstHttp.header("ada"), "{}").code())
                .as("?oasst_user= wins over the header")
                .isEqualTo(2106);
        assertThat(http.nack(task, OasstHttp.header("ada")).status()).isEqualTo(204);
        assertThat(http.nack(task, OasstHttp.header("ada")).status())
                .as("a repeat")
                .isEqualTo(204);
        assertThat(oasst.backend().tasks())
                .extracting(FakeTask::status)
                .containsExactly(FakeTask.Status.NEW, FakeTask.Status.NACKED);
    }

    @Test
    void anAckChecksNoOwnerButAnUnknownUserIs404() {
        JsonNode task = http.task("ada", "initial_prompt");
        Answer unknown = http.send(
                "POST",
                "/api/v1/tasks/" + task.get("id").asText() + "/ack",
                OasstHttp.header("nobody"),
                "{\"message_id\":\"fe\"}");
        assertThat(unknown.code()).isEqualTo(4002);
        assertThat(http.ack(task, "fe").status()).isEqualTo(204);
        assertThat(http.ack(task, "fe").status())
                .as("the same message id again")
                .isEqualTo(204);
        assertThat(http.ack(task, "other").code()).as("another message id").isEqualTo(2103);
    }

    @Test
    void eightPendingTasksPerUserThenANackFreesASlot() {
        List<JsonNode> tasks = new ArrayList<>();
        IntStream.range(0, 8).forEach(i -> tasks.add(http.task("ada", "initial_prompt")));
        http.ack(tasks.get(0), "fe-0");

        Answer ninth = http.requestTask("ada", "summarize_story");
        assertThat(ninth.status()).isEqualTo(400);
        assertThat(ninth.code()).as("the limit comes before the type").isEqualTo(1012);
        assertThat(http.nack(tasks.get(1), OasstHttp.header("ada")).status()).isEqualTo(204);
        assertThat(http.requestTask("ada", "initial_prompt").status()).isEqualTo(200);
        assertThat(http.requestTask("bob", "initial_prompt").status())
                .as("per user")
                .isEqualTo(200);
    }

    @Test
    void anExactRepeatOfAUsersTextAndATooLongTextAreRefused() {
        http.prompt("ada", "Why is the sea salty?");
        JsonNode task = http.task("ada", "initial_prompt");
        http.ack(task, "fe-2");

        assertThat(http.reply("ada", "fe-2", "m-2", "  Why is the sea salty?\n").code())
                .isEqualTo(1009);
        assertThat(http.reply("ada", "fe-2", "m-2", "x".repeat(2001)).code()).isEqualTo(1008);
        assertThat(http.reply("ada", "fe-2", "m-2", "WHY IS THE SEA SALTY?").status())
                .isEqualTo(200);
        assertThat(http.prompt("bob", "Why is the sea salty?").get("text").asText())
                .as("another user may write it")
                .isEqualTo("Why is the sea salty?");
    }

    @Test
    void aRepeatedReplyRankingOrLabelsOfATaskAnswers2105() {
        JsonNode prompt = http.task("ada", "initial_prompt");
        http.ack(prompt, "fe-p");
        assertThat(http.reply("ada", "fe-p", "m-p", "Is glass a liquid?").status())
                .isEqualTo(200);
        assertThat(http.reply("ada", "fe-p", "m-p2", "Is glass a solid?").code())
                .isEqualTo(2105);
        assertThat(http.nack(prompt, OasstHttp.header("ada")).code())
                .as("nack of a done task")
                .isEqualTo(2105);

        JsonNode ranking = http.task("ada", "rank_assistant_replies");
        http.ack(ranking, "fe-r");
        String rank = "{\"type\":\"message_ranking\",\"message_id\":\"fe-r\",\"ranking\":%s,\"user\":"
                + OasstHttp.user("ada") + "}";
        assertThat(http.post("/api/v1/tasks/interaction", rank.formatted("[0]")).code())
                .isEqualTo(2003);
        assertThat(http.post("/api/v1/tasks/interaction", rank.formatted("[1,0]"))
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/tasks/interaction", rank.formatted("[1,0]"))
                        .code())
                .isEqualTo(2105);

        JsonNode label = http.task("ada", "label_initial_prompt");
        http.ack(label, "fe-l");
        assertThat(http.labels("ada", label, "{\"quality\":0.5}", true).code()).isEqualTo(2052);
        assertThat(http.labels("ada", label, "{\"spam\":0,\"fails_task\":0}", true)
                        .code())
                .isEqualTo(2051);
        assertThat(http.labels("ada", label, "{\"spam\":0,\"quality\":0.5}", true)
                        .status())
                .isEqualTo(200);
        assertThat(http.labels("ada", label, "{\"spam\":0,\"quality\":0.5}", true)
                        .code())
                .isEqualTo(2105);
    }

    @Test
    void labelsWithoutATaskIdAreStoredButCompleteNoTask() {
        JsonNode label = http.task("ada", "label_assistant_reply");
        http.ack(label, "fe-l");

        assertThat(http.labels("ada", label, "{\"spam\":0}", false).status()).isEqualTo(200);
        assertThat(http.labels("ada", label, "{\"spam\":0}", false).status())
                .as("a repeat updates them")
                .isEqualTo(200);
        assertThat(oasst.backend().tasks())
                .extracting(FakeTask::type, FakeTask::status)
                .containsExactly(tuple("label_assistant_reply", FakeTask.Status.ACKED));
        assertThat(oasst.backend().messages())
                .filteredOn(
                        m -> m.id().toString().equals(label.get("message_id").asText()))
                .singleElement()
                .extracting(FakeMessage::labelsStored)
                .isEqualTo(1);
        assertThat(http.labels("ada", label, "{\"spam\":0}", true).status()).isEqualTo(200);
        assertThat(oasst.backend().tasks()).extracting(FakeTask::status).containsExactly(FakeTask.Status.DONE);
    }

    @Test
    void closeAlwaysAnswers500() {
        JsonNode task = http.post(
                        "/api/v1/tasks/",
                        "{\"type\":\"initial_prompt\",\"collective\":true,\"user\":" + OasstHttp.user("ada") + "}")
                .json();
        http.ack(task, "fe-c");
        Answer close = http.post("/api/v1/tasks/close", "{\"message_id\":\"fe-c\"}");

        assertThat(close.status()).isEqualTo(500);
        assertThat(close.body()).isEqualTo("{\"message\":\"INTERNAL_SERVER_ERROR\",\"error_code\":0}");
        assertThat(http.reply("bob", "fe-c", "m-bob", "Another answer to a collective task")
                        .status())
                .as("a collective task stays open to other users")
                .isEqualTo(200);
    }

    @Test
    void availabilityCountsTheTwelveTypesForTheBareUserBody() {
        JsonNode counts =
                http.post("/api/v1/tasks/availability", OasstHttp.user("ada")).json();

        assertThat(Replay2023_05.fields(counts)).containsExactlyInAnyOrderElementsOf(RequestValidation.REQUEST_TYPES);
        int sum = 0;
        for (String type : Replay2023_05.fields(counts)) {
            sum += type.equals("random") ? 0 : counts.get(type).intValue();
        }
        assertThat(counts.get("random").intValue()).isEqualTo(sum);
        assertThat(counts.get("summarize_story").intValue()).isZero();
        assertThat(counts.get("label_initial_prompt").intValue()).isPositive();
        assertThat(http.post("/api/v1/tasks/availability", "{\"user\":" + OasstHttp.user("ada") + "}")
                        .status())
                .isEqualTo(422);
        assertThat(http.send("POST", "/api/v1/tasks/availability", OasstHttp.header("ada"), null)
                        .code())
                .isEqualTo(4000);
    }
}
