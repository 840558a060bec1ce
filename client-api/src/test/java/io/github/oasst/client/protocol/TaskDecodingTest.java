package io.github.oasst.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.github.oasst.client.fixtures.Exchanges;
import io.github.oasst.client.fixtures.Exchanges.Exchange;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Decoding with a plain ObjectMapper: the annotations alone carry the protocol. */
class TaskDecodingTest {
    private final ObjectMapper mapper = new ObjectMapper();

    static Stream<Exchange> recordedTasks() {
        return Exchanges.tasks().stream();
    }

    @ParameterizedTest
    @MethodSource("recordedTasks")
    void everyRecordedTaskDecodesToItsRecordAndKeepsItsFields(Exchange exchange) throws Exception {
        Task task = mapper.treeToValue(exchange.responseBody(), Task.class);

        assertThat(task).isNotInstanceOf(UnknownTask.class);
        assertThat(task.type()).isEqualTo(exchange.responseBody().get("type").textValue());
        assertThat(task.id())
                .isEqualTo(UUID.fromString(exchange.responseBody().get("id").textValue()));
        // writing the record back gives the recorded fields (null hints dropped)
        Map<String, Object> written = mapper.convertValue(task, STRING_MAP);
        Map<String, Object> recorded = mapper.convertValue(exchange.responseBody(), STRING_MAP);
        recorded.values().removeIf(v -> v == null);
        assertThat(written).containsAllEntriesOf(recorded);
    }

    private static final TypeReference<Map<String, Object>> STRING_MAP = new TypeReference<>() {};

    @Test
    void recordedTasksCoverSevenServedTypes() {
        assertThat(Exchanges.tasks().stream()
                        .map(e -> e.responseBody().get("type").textValue())
                        .distinct())
                .containsExactlyInAnyOrder(
                        "rank_initial_prompts",
                        "initial_prompt",
                        "prompter_reply",
                        "assistant_reply",
                        "rank_prompter_replies",
                        "rank_assistant_replies",
                        "label_initial_prompt");
    }

    @Test
    void labelInitialPromptTaskHasTheTwentyTwoLabelsAndItsText() throws Exception {
        Exchange exchange = Exchanges.named("tasks: type=label_initial_prompt");
        LabelInitialPromptTask task = (LabelInitialPromptTask) mapper.treeToValue(exchange.responseBody(), Task.class);

        assertThat(task.validLabels()).hasSize(22);
        assertThat(task.validLabels())
                .allSatisfy(label -> assertThat(TextLabel.fromWireName(label)).isPresent());
        assertThat(task.textToLabel()).isEqualTo("Hi!");
        assertThat(task.messageId()).isEqualTo(UUID.fromString("71f9f06d-7e30-4c14-a5bf-b12a9a569eac"));
        assertThat(task.mode()).isNull();
        assertThat(task.mandatoryLabels()).isEmpty();
    }

    @Test
    void prompterReplyTaskKeepsTheConversationInOrder() throws Exception {
        PrompterReplyTask task = (PrompterReplyTask)
                mapper.treeToValue(Exchanges.named("tasks: type=prompter_reply").responseBody(), Task.class);

        assertThat(task.hint()).isNull();
        assertThat(task.conversation().messages())
                .extracting(ConversationMessage::isAssistant)
                .containsExactly(false, true);
        assertThat(task.conversation().lastMessage().text()).isEqualTo("Here is my assistant answer.");
    }

    @Test
    void everyTaskTypeOfTheServerUnionDecodes() throws Exception {
        String id = "\"id\":\"" + UUID.randomUUID() + "\"";
        String conversation = "\"conversation\":{\"messages\":[{\"text\":\"Hi\",\"is_assistant\":false}]}";
        Map<String, Class<? extends Task>> bodies = Map.ofEntries(
                Map.entry("{\"type\":\"task_done\"," + id + "}", TaskDone.class),
                Map.entry("{\"type\":\"summarize_story\"," + id + ",\"story\":\"Once\"}", SummarizeStoryTask.class),
                Map.entry(
                        "{\"type\":\"rate_summary\"," + id + ",\"full_text\":\"t\",\"summary\":\"s\"}",
                        RateSummaryTask.class),
                Map.entry("{\"type\":\"initial_prompt\"," + id + ",\"hint\":\"h\"}", InitialPromptTask.class),
                Map.entry(
                        "{\"type\":\"reply_to_conversation\"," + id + "," + conversation + "}",
                        ReplyToConversationTask.class),
                Map.entry("{\"type\":\"prompter_reply\"," + id + "," + conversation + "}", PrompterReplyTask.class),
                Map.entry("{\"type\":\"assistant_reply\"," + id + "," + conversation + "}", AssistantReplyTask.class),
                Map.entry(
                        "{\"type\":\"rank_initial_prompts\"," + id + ",\"prompts\":[\"a\",\"b\"]}",
                        RankInitialPromptsTask.class),
                Map.entry(
                        "{\"type\":\"rank_conversation_replies\"," + id + "," + conversation + ",\"replies\":[\"a\"]}",
                        RankConversationRepliesTask.class),
                Map.entry(
                        "{\"type\":\"rank_prompter_replies\"," + id + "," + conversation + ",\"replies\":[\"a\"]}",
                        RankPrompterRepliesTask.class),
                Map.entry(
                        "{\"type\":\"rank_assistant_replies\"," + id + "," + conversation + ",\"replies\":[\"a\"]}",
                        RankAssistantRepliesTask.class),
                Map.entry(
                        "{\"type\":\"label_initial_prompt\"," + id + ",\"message_id\":\"" + UUID.randomUUID()
                                + "\",\"prompt\":\"p\",\"valid_labels\":[\"spam\"]}",
                        LabelInitialPromptTask.class),
                Map.entry(
                        "{\"type\":\"label_conversation_reply\"," + id + ",\"message_id\":\"" + UUID.randomUUID()
                                + "\",\"reply\":\"r\"," + conversation + ",\"valid_labels\":[\"spam\"]}",
                        LabelConversationReplyTask.class),
                Map.entry(
                        "{\"type\":\"label_prompter_reply\"," + id + ",\"message_id\":\"" + UUID.randomUUID()
                                + "\",\"reply\":\"r\"," + conversation + ",\"valid_labels\":[\"spam\"]}",
                        LabelPrompterReplyTask.class),
                Map.entry(
                        "{\"type\":\"label_assistant_reply\"," + id + ",\"message_id\":\"" + UUID.randomUUID()
                                + "\",\"reply\":\"r\"," + conversation + ",\"valid_labels\":[\"spam\"]}",
                        LabelAssistantReplyTask.class));

        for (Map.Entry<String, Class<? extends Task>> entry : bodies.entrySet()) {
            assertThat(mapper.readValue(entry.getKey(), Task.class))
                    .as(entry.getKey())
                    .isExactlyInstanceOf(entry.getValue());
        }
        assertThat(bodies).hasSize(15);
    }

    @Test
    void rateSummaryTaskDefaultsItsScaleToOneToFive() throws Exception {
        RateSummaryTask task = (RateSummaryTask) mapper.readValue(
                "{\"type\":\"rate_summary\",\"id\":\"" + UUID.randomUUID()
                        + "\",\"full_text\":\"t\",\"summary\":\"s\"}",
                Task.class);

        assertThat(task.scale()).isEqualTo(new RatingScale(1, 5));
        assertThat(task.summary()).isEqualTo("s");
    }

    @Test
    void rateSummaryTaskWithAnInvertedScaleDecodesAsSent() throws Exception {
        // Both schemas declare min and max as two required integers with no relation between them;
        // Prism's generated responses hold such scales, and they must not fail the task's decoding.
        RateSummaryTask task = (RateSummaryTask) mapper.readValue(
                "{\"type\":\"rate_summary\",\"id\":\"" + UUID.randomUUID()
                        + "\",\"full_text\":\"t\",\"summary\":\"s\",\"scale\":{\"max\":-82764599,\"min\":53961880}}",
                Task.class);

        assertThat(task.scale()).isEqualTo(new RatingScale(53961880, -82764599));
        assertThat(task.scale().contains(0)).isFalse();
    }

    @Test
    void rateSummaryTaskWithoutItsRequiredSummaryIsRefused() {
        assertThatThrownBy(() -> mapper.readValue(
                        "{\"type\":\"rate_summary\",\"id\":\"" + UUID.randomUUID() + "\",\"full_text\":\"t\"}",
                        Task.class))
                .hasMessageContaining("summary");
    }

    @Test
    void unknownTaskTypeKeepsTypeIdAndEveryOtherField() throws Exception {
        UUID id = UUID.randomUUID();
        Task task = mapper.readValue(
                "{\"type\":\"rank_summaries\",\"id\":\"" + id + "\",\"summaries\":[\"a\",\"b\"],"
                        + "\"meta\":{\"lang\":\"de\",\"n\":2},\"hint\":null}",
                Task.class);

        assertThat(task).isInstanceOf(UnknownTask.class);
        UnknownTask unknown = (UnknownTask) task;
        assertThat(unknown.type()).isEqualTo("rank_summaries");
        assertThat(unknown.id()).isEqualTo(id);
        assertThat(unknown.fields())
                .containsEntry("summaries", List.of("a", "b"))
                .containsEntry("meta", Map.of("lang", "de", "n", 2))
                .containsEntry("hint", null)
                .doesNotContainKeys("type", "id");
        // and it writes back as it came
        assertThat(mapper.writeValueAsString(unknown))
                .contains("\"summaries\":[\"a\",\"b\"]", "\"type\":\"rank_summaries\"");
    }

    @Test
    void newerServerFieldsAreIgnoredOrKept() throws Exception {
        // a rank_assistant_replies and a label_assistant_reply task as the 2023-05 schema sends them
        String ranking = "{\"type\":\"rank_assistant_replies\",\"id\":\"" + UUID.randomUUID() + "\","
                + "\"conversation\":{\"messages\":[{\"id\":\"" + UUID.randomUUID()
                + "\",\"text\":\"Hi\",\"lang\":\"en\","
                + "\"is_assistant\":false,\"emojis\":{\"+1\":2},\"user_emojis\":[],\"synthetic\":false}]},"
                + "\"replies\":[\"a\",\"b\"],\"reply_messages\":[],\"message_tree_id\":\"" + UUID.randomUUID() + "\","
                + "\"ranking_parent_id\":\"" + UUID.randomUUID() + "\",\"reveal_synthetic\":false}";
        String label = "{\"type\":\"label_assistant_reply\",\"id\":\"" + UUID.randomUUID() + "\",\"message_id\":\""
                + UUID.randomUUID() + "\",\"valid_labels\":[\"spam\",\"fails_task\",\"quality\"],"
                + "\"mandatory_labels\":[\"spam\"],\"mode\":\"simple\",\"disposition\":\"quality\","
                + "\"labels\":[{\"name\":\"spam\",\"widget\":\"flag\",\"display_text\":\"Spam?\"}],"
                + "\"conversation\":{\"messages\":[{\"text\":\"Q\",\"is_assistant\":false},{\"text\":\"A\",\"is_assistant\":true}]}}";

        RankAssistantRepliesTask rank = (RankAssistantRepliesTask) mapper.readValue(ranking, Task.class);
        LabelAssistantReplyTask labelTask = (LabelAssistantReplyTask) mapper.readValue(label, Task.class);

        assertThat(rank.itemsToRank()).containsExactly("a", "b");
        assertThat(labelTask.mode()).isEqualTo(LabelTaskMode.SIMPLE);
        assertThat(labelTask.disposition()).isEqualTo(LabelTaskDisposition.QUALITY);
        assertThat(labelTask.mandatoryLabels()).containsExactly("spam");
        assertThat(labelTask.validLabels()).contains("fails_task");
        assertThat(labelTask.reply()).isNull();
        assertThat(labelTask.textToLabel()).isEqualTo("A");
    }

    @Test
    void unknownModeAndDispositionValuesAreKept() throws Exception {
        String label = "{\"type\":\"label_initial_prompt\",\"id\":\"" + UUID.randomUUID() + "\",\"message_id\":\""
                + UUID.randomUUID() + "\",\"valid_labels\":[],\"mode\":\"detailed\",\"disposition\":\"audit\"}";

        LabelInitialPromptTask task = (LabelInitialPromptTask) mapper.readValue(label, Task.class);

        assertThat(task.mode()).isEqualTo(new LabelTaskMode("detailed"));
        assertThat(task.disposition()).isEqualTo(new LabelTaskDisposition("audit"));
        assertThat(task.textToLabel()).isEmpty();
    }

    @Test
    void aTaskWithoutIdFailsToDecodeWithTheReason() {
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"initial_prompt\",\"hint\":\"h\"}", Task.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("task id must not be null");
    }

    @Test
    void aTaskWithoutTypeFailsToDecodeWithTheReason() {
        assertThatThrownBy(() -> mapper.readValue("{\"id\":\"" + UUID.randomUUID() + "\"}", Task.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("task type must not be null");
    }
}
