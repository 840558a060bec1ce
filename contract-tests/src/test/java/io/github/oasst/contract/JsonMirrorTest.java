package io.github.oasst.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.oasst.client.data.Message;
import io.github.oasst.client.data.MessagePage;
import io.github.oasst.client.data.SortOrder;
import io.github.oasst.client.data.Timestamp;
import io.github.oasst.client.protocol.LabelAssistantReplyTask;
import io.github.oasst.client.protocol.Labelling;
import io.github.oasst.client.protocol.ReplyToLabel;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The check of the dynamic-answer tests finds what a record drops or reads wrong. */
class JsonMirrorTest {
    private static final UUID ID = UUID.fromString("b1946ac9-2492-4b7d-8d6f-1c2e3f4a5b6c");

    @Test
    void aRecordHoldingEveryPropertyOfItsJsonHasNoMismatch() {
        MessagePage page = page(message("Hello", Map.of("+1", 2)), SortOrder.DESC);

        assertThat(JsonMirror.mismatches(page, json(pageJson("Hello", "{\"+1\":2}", "desc"))))
                .isEmpty();
    }

    @Test
    void aPropertyTheJsonLacksOrHasAsNullIsNotLookedAt() {
        assertThat(JsonMirror.mismatches(
                        message("Hello", Map.of()),
                        json("{\"text\":\"Hello\",\"is_assistant\":false,\"lang\":null,\"unknown\":1}")))
                .isEmpty();
    }

    @Test
    void differentScalarsEnumsMapsAndListsAreEachReportedWithTheirPath() {
        MessagePage page = page(message("Hello", Map.of("+1", 2)), SortOrder.ASC);

        assertThat(JsonMirror.mismatches(page, json(pageJson("Bye", "{\"+1\":3,\"-1\":1}", "desc"))))
                .containsExactlyInAnyOrder(
                        "$.items[0].text: Hello, the JSON has \"Bye\"",
                        "$.items[0].emojis: keys [+1], the JSON has [+1, -1]",
                        "$.order: ASC, the JSON has \"desc\"");
        assertThat(JsonMirror.mismatches(List.of(), json("[{\"text\":\"x\"}]")))
                .containsExactly("$: a list of 0, the JSON has [{\"text\":\"x\"}]");
    }

    @Test
    void aValueTheRecordLeftNullIsReported() {
        Message withoutId = new Message(
                null, null, null, "Hello", null, false, Map.of(), List.of(), null, null, null, null, null, null, null,
                null, null, null, null, null);

        assertThat(JsonMirror.mismatches(withoutId, json("{\"text\":\"Hello\",\"id\":\"" + ID + "\"}")))
                .containsExactly("$.id: null, the JSON has \"" + ID + "\"");
    }

    @Test
    void aRecordWrittenAsOneValueIsComparedAsThatValue() {
        assertThat(JsonMirror.mismatches(new Timestamp("2023-05-07T10:00:00Z"), json("\"2023-05-07T10:00:00Z\"")))
                .isEmpty();
        assertThat(JsonMirror.mismatches(new Timestamp("2023-05-07T10:00:00Z"), json("\"2023-05-08T10:00:00Z\"")))
                .hasSize(1);
    }

    @Test
    void anUnwrappedComponentIsComparedWithTheSameObject() {
        LabelAssistantReplyTask task = new LabelAssistantReplyTask(
                ID, new ReplyToLabel(ID, "Hi", new Labelling(List.of("spam"), null, null, null), null));
        String json = "{\"id\":\"" + ID + "\",\"message_id\":\"" + ID + "\",\"reply\":\"%s\","
                + "\"valid_labels\":[%s],\"type\":\"label_assistant_reply\"}";

        assertThat(JsonMirror.mismatches(task, json(json.formatted("Hi", "\"spam\""))))
                .isEmpty();
        assertThat(JsonMirror.mismatches(task, json(json.formatted("Bye", "\"spam\",\"pii\""))))
                .containsExactlyInAnyOrder(
                        "$.reply: Hi, the JSON has \"Bye\"",
                        "$.valid_labels: a list of 1, the JSON has [\"spam\",\"pii\"]");
    }

    private static Message message(String text, Map<String, Integer> emojis) {
        return new Message(
                ID, null, null, text, null, false, emojis, List.of(), null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    private static MessagePage page(Message message, SortOrder order) {
        return new MessagePage(null, "next-page", "created_date", List.of(message), order);
    }

    private static String pageJson(String text, String emojis, String order) {
        return "{\"prev\":null,\"next\":\"next-page\",\"sort_key\":\"created_date\",\"order\":\"" + order
                + "\",\"items\":[{\"id\":\"" + ID + "\",\"text\":\"" + text + "\",\"is_assistant\":false,"
                + "\"emojis\":" + emojis + ",\"user_emojis\":[]}]}";
    }

    private static JsonNode json(String text) {
        try {
            return ContractSupport.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
