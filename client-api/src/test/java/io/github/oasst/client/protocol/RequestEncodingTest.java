package io.github.oasst.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oasst.client.fixtures.Exchanges;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The records write exactly the bodies the real backend accepted. */
class RequestEncodingTest {
    private static final User USER = User.local("java-verify-user", "Java Verify");

    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode json(Object value) {
        return mapper.valueToTree(value);
    }

    private static JsonNode recorded(String name) {
        return Exchanges.named(name).requestBody();
    }

    @Test
    void taskRequestWithUserMatchesTheRecordedBody() {
        assertThat(json(new TaskRequest(TaskRequestType.INITIAL_PROMPT, USER, false, null)))
                .isEqualTo(recorded("tasks: type=initial_prompt"));
        assertThat(json(new TaskRequest(TaskRequestType.RANDOM, USER, false, null)))
                .isEqualTo(recorded("tasks: type=random"));
        assertThat(json(new TaskRequest(TaskRequestType.INITIAL_PROMPT, USER, true, null)))
                .isEqualTo(recorded("tasks: collective initial_prompt"));
    }

    @Test
    void taskRequestWithoutUserOrLangOmitsThem() {
        JsonNode body = json(TaskRequest.of(TaskRequestType.INITIAL_PROMPT, null));

        assertThat(body.has("user")).isFalse();
        assertThat(body.has("lang")).isFalse();
        assertThat(body.get("type").textValue()).isEqualTo("initial_prompt");
        assertThat(body.get("collective").booleanValue()).isFalse();
    }

    @Test
    void taskRequestTypeDefaultsToRandom() {
        assertThat(new TaskRequest(null, null, false, null).type()).isEqualTo(TaskRequestType.RANDOM);
    }

    @Test
    void langIsSentOnlyWhenSet() {
        assertThat(json(new TaskRequest(TaskRequestType.RANDOM, USER, false, "de"))
                        .get("lang")
                        .textValue())
                .isEqualTo("de");
        assertThat(json(new TextReplyToMessage(USER, "m", "u", "Hallo", "de"))
                        .get("lang")
                        .textValue())
                .isEqualTo("de");
        assertThat(json(TextReplyToMessage.of(USER, "m", "u", "Hi")).has("lang"))
                .isFalse();
    }

    @Test
    void ackNackAndCloseMatchTheRecordedBodies() {
        assertThat(json(new TaskAck("fe-msg-ack-1795482692"))).isEqualTo(recorded("ack assistant_reply task"));
        assertThat(json(new TaskNAck("cannot do this task"))).isEqualTo(recorded("nack prompter_reply task"));
        assertThat(json(new TaskClose("fe-msg-col-1795482692"))).isEqualTo(recorded("close collective task"));
    }

    @Test
    void interactionsMatchTheRecordedBodies() {
        assertThat(json(TextReplyToMessage.of(
                        USER, "fe-msg-ack-1795482692", "fe-user-msg-1795482692", "Here is my assistant answer.")))
                .isEqualTo(recorded("interaction text_reply_to_message for the acked task"));
        assertThat(json(new MessageRanking(USER, "fe-msg-rank2-1795482692", List.of(4, 3, 2, 1, 0))))
                .isEqualTo(recorded("interaction message_ranking with valid ranking [4, 3, 2, 1, 0]"));
        assertThat(json(new MessageRating(USER, "fe-msg-ip-1795482692", 3)))
                .isEqualTo(recorded("interaction message_rating (no rate_summary task exists)"));

        Map<TextLabel, Double> labels = new LinkedHashMap<>();
        labels.put(TextLabel.SPAM, 0.0);
        labels.put(TextLabel.HELPFUL, 0.75);
        assertThat(json(TextLabels.of(
                        USER,
                        UUID.fromString("c06ac5f0-766e-46fe-bf10-a441573c0c14"),
                        "euirdteunvglfe23908230892309832098 AAAAAAAA",
                        labels)))
                .isEqualTo(recorded("interaction text_labels (message_id = the task's message_id UUID)"));
    }

    @Test
    void aReportOfNewerServersCarriesItsTaskAndFlagAndOlderLabelsLeaveThemOut() throws Exception {
        UUID message = UUID.randomUUID();
        UUID task = UUID.randomUUID();

        JsonNode report = mapper.readTree(
                mapper.writeValueAsString(new TextLabels(USER, message, "t", Map.of("spam", 1.0), task, true)));
        JsonNode plain = mapper.readTree(mapper.writeValueAsString(new TextLabels(USER, message, "t", Map.of())));

        assertThat(report.get("task_id").textValue()).isEqualTo(task.toString());
        assertThat(report.get("is_report").booleanValue()).isTrue();
        assertThat(plain.has("task_id")).isFalse();
        assertThat(plain.has("is_report")).isFalse();
    }

    @Test
    void interactionsWriteTheirTypeFirst() throws Exception {
        String body = mapper.writeValueAsString(new MessageRating(USER, "m", 2));

        assertThat(body).startsWith("{\"type\":\"message_rating\"");
    }

    @Test
    void interactionsDecodeBackToTheirRecords() throws Exception {
        Interaction reply = TextReplyToMessage.of(USER, "m", "u", "text");
        Interaction labels = new TextLabels(USER, UUID.randomUUID(), "t", Map.of("fails_task", 1.0));

        assertThat(mapper.readValue(mapper.writeValueAsString(reply), Interaction.class))
                .isEqualTo(reply);
        assertThat(mapper.readValue(mapper.writeValueAsString(labels), Interaction.class))
                .isEqualTo(labels);
    }

    @Test
    void newerAuthMethodsAreSentAsGiven() {
        assertThat(json(new User("u", "U", AuthMethod.GOOGLE))
                        .get("auth_method")
                        .textValue())
                .isEqualTo("google");
        assertThat(json(new User("u", "U", AuthMethod.of("github")))
                        .get("auth_method")
                        .textValue())
                .isEqualTo("github");
        assertThat(AuthMethod.of("discord")).isSameAs(AuthMethod.DISCORD);
    }
}
