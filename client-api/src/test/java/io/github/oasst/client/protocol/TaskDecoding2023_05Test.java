package io.github.oasst.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oasst.client.fixtures.Exchanges;
import io.github.oasst.client.fixtures.Exchanges.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every task the 2023-05 backend handed out in the recordings decodes to its record, with what a
 * frontend needs of it: the conversation with its messages' ids, the replies to rank in their
 * order, a label task's message, valid and mandatory labels, mode and disposition.
 */
class TaskDecoding2023_05Test {
    private final ObjectMapper mapper = new ObjectMapper();

    static Stream<Exchange> recordedTasks() {
        return Exchanges.tasks2023_05().stream()
                .filter(e -> e.method().equals("POST") && e.path().equals("/api/v1/tasks/") && e.status() == 200);
    }

    @ParameterizedTest
    @MethodSource("recordedTasks")
    void everyRecordedTaskDecodesToItsRecord(Exchange exchange) throws Exception {
        JsonNode body = exchange.responseBody();
        Task task = mapper.treeToValue(body, Task.class);

        assertThat(task).isNotInstanceOf(UnknownTask.class);
        assertThat(task.type()).isEqualTo(body.get("type").textValue());
        assertThat(task.id()).isEqualTo(UUID.fromString(body.get("id").textValue()));
        if (body.has("conversation")) {
            Conversation conversation = null;
            if (task instanceof PrompterReplyTask prompter) {
                conversation = prompter.conversation();
            } else if (task instanceof AssistantReplyTask assistant) {
                conversation = assistant.conversation();
            } else if (task instanceof RankRepliesTask rank) {
                conversation = rank.conversation();
            } else if (task instanceof LabelTask label) {
                conversation = label.conversation();
            }
            assertThat(conversation).as("conversation").isNotNull();
            List<String> ids = new ArrayList<>();
            body.get("conversation")
                    .get("messages")
                    .forEach(m -> ids.add(m.get("id").textValue()));
            assertThat(conversation.messages())
                    .extracting(message ->
                            message.id() == null ? null : message.id().toString())
                    .containsExactlyElementsOf(ids);
        }
        if (task instanceof RankRepliesTask rank) {
            List<String> texts = new ArrayList<>();
            body.get("reply_messages").forEach(m -> texts.add(m.get("text").textValue()));
            assertThat(rank.itemsToRank())
                    .as("the replies, in the order the ranking refers to")
                    .isEqualTo(texts);
        }
        if (task instanceof LabelTask label) {
            assertThat(label.messageId())
                    .isEqualTo(UUID.fromString(body.get("message_id").textValue()));
            assertThat(label.validLabels()).isEqualTo(strings(body.get("valid_labels")));
            assertThat(label.mandatoryLabels()).isEqualTo(strings(body.get("mandatory_labels")));
            assertThat(label.mode()).isNotNull();
            assertThat(label.disposition()).isNotNull();
            assertThat(label.textToLabel()).isNotBlank();
        }
    }

    @Test
    void theRecordingsHaveTheTypesA2023_05ServerServes() {
        assertThat(recordedTasks()
                        .map(e -> e.responseBody().get("type").textValue())
                        .distinct())
                .containsExactlyInAnyOrder(
                        "initial_prompt",
                        "prompter_reply",
                        "assistant_reply",
                        "rank_assistant_replies",
                        "label_initial_prompt",
                        "label_assistant_reply",
                        "label_prompter_reply");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.textValue()));
        return values;
    }
}
