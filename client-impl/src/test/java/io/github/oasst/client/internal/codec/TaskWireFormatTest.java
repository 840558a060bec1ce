package io.github.oasst.client.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oasst.client.protocol.Task;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every task type, with each of its fields set and with only those it needs, is written to the
 * exact bytes below by Jackson 2 and Jackson 3 alike (the fake backend sends tasks so), and reads
 * back to an equal task.
 */
class TaskWireFormatTest {
    private static final String ID = "\"id\":\"00908626-7a35-4e1c-9582-29613f757c10\"";
    private static final String MESSAGE_ID = "\"message_id\":\"71f9f06d-7e30-4c14-a5bf-b12a9a569eac\"";
    private static final String CONVERSATION = "\"conversation\":{\"messages\":["
            + "{\"text\":\"Hi!\",\"is_assistant\":false,\"id\":\"0d8d6c8e-4d6a-4f55-b0a4-b2f1b3c5e1a2\","
            + "\"frontend_message_id\":\"f-1\",\"lang\":\"en\",\"emojis\":{\"+1\":2},\"user_emojis\":[\"+1\"],"
            + "\"user_is_author\":true,\"synthetic\":false},"
            + "{\"text\":\"Hello.\",\"is_assistant\":true}]}";
    private static final String EMPTY_CONVERSATION = "\"conversation\":{\"messages\":[]}";
    private static final String LABELS =
            "\"valid_labels\":[\"spam\",\"quality\"],\"mandatory_labels\":[\"spam\"],\"mode\":\"simple\","
                    + "\"disposition\":\"quality\"";

    static Stream<Arguments> tasks() {
        return Stream.of(
                wire("{\"type\":\"task_done\"," + ID + "}", "{" + ID + ",\"type\":\"task_done\"}"),
                wire(
                        "{\"type\":\"summarize_story\"," + ID + ",\"story\":\"s\"}",
                        "{" + ID + ",\"story\":\"s\",\"type\":\"summarize_story\"}"),
                wire(
                        "{\"type\":\"rate_summary\"," + ID
                                + ",\"full_text\":\"t\",\"summary\":\"s\",\"scale\":{\"min\":0,\"max\":10}}",
                        "{" + ID
                                + ",\"full_text\":\"t\",\"summary\":\"s\",\"scale\":{\"min\":0,\"max\":10},\"type\":\"rate_summary\"}"),
                wire(
                        "{\"type\":\"rate_summary\"," + ID + ",\"full_text\":\"t\",\"summary\":\"s\"}",
                        "{" + ID
                                + ",\"full_text\":\"t\",\"summary\":\"s\",\"scale\":{\"min\":1,\"max\":5},\"type\":\"rate_summary\"}"),
                wire(
                        "{\"type\":\"initial_prompt\"," + ID + ",\"hint\":\"h\"}",
                        "{" + ID + ",\"hint\":\"h\",\"type\":\"initial_prompt\"}"),
                wire(
                        "{\"type\":\"initial_prompt\"," + ID + "}",
                        "{" + ID + ",\"hint\":null,\"type\":\"initial_prompt\"}"),
                wire(
                        "{\"type\":\"prompter_reply\"," + ID + ",\"hint\":\"h\"," + CONVERSATION + "}",
                        "{" + ID + ",\"hint\":\"h\"," + CONVERSATION + ",\"type\":\"prompter_reply\"}"),
                wire(
                        "{\"type\":\"prompter_reply\"," + ID + "}",
                        "{" + ID + ",\"hint\":null," + EMPTY_CONVERSATION + ",\"type\":\"prompter_reply\"}"),
                wire(
                        "{\"type\":\"assistant_reply\"," + ID + "," + CONVERSATION + "}",
                        "{" + ID + "," + CONVERSATION + ",\"type\":\"assistant_reply\"}"),
                wire(
                        "{\"type\":\"assistant_reply\"," + ID + "}",
                        "{" + ID + "," + EMPTY_CONVERSATION + ",\"type\":\"assistant_reply\"}"),
                wire(
                        "{\"type\":\"reply_to_conversation\"," + ID + "," + CONVERSATION + "}",
                        "{" + ID + "," + CONVERSATION + ",\"type\":\"reply_to_conversation\"}"),
                wire(
                        "{\"type\":\"reply_to_conversation\"," + ID + "}",
                        "{" + ID + "," + EMPTY_CONVERSATION + ",\"type\":\"reply_to_conversation\"}"),
                wire(
                        "{\"type\":\"rank_initial_prompts\"," + ID + ",\"prompts\":[\"a\",\"b\"]}",
                        "{" + ID + ",\"prompts\":[\"a\",\"b\"],\"type\":\"rank_initial_prompts\"}"),
                wire(
                        "{\"type\":\"rank_initial_prompts\"," + ID + "}",
                        "{" + ID + ",\"prompts\":[],\"type\":\"rank_initial_prompts\"}"),
                wire(
                        "{\"type\":\"rank_conversation_replies\"," + ID + "," + CONVERSATION
                                + ",\"replies\":[\"a\",\"b\"]}",
                        "{" + ID + "," + CONVERSATION
                                + ",\"replies\":[\"a\",\"b\"],\"type\":\"rank_conversation_replies\"}"),
                wire(
                        "{\"type\":\"rank_conversation_replies\"," + ID + "}",
                        "{" + ID + "," + EMPTY_CONVERSATION
                                + ",\"replies\":[],\"type\":\"rank_conversation_replies\"}"),
                wire(
                        "{\"type\":\"rank_prompter_replies\"," + ID + "," + CONVERSATION
                                + ",\"replies\":[\"a\",\"b\"]}",
                        "{" + ID + "," + CONVERSATION
                                + ",\"replies\":[\"a\",\"b\"],\"type\":\"rank_prompter_replies\"}"),
                wire(
                        "{\"type\":\"rank_prompter_replies\"," + ID + "}",
                        "{" + ID + "," + EMPTY_CONVERSATION + ",\"replies\":[],\"type\":\"rank_prompter_replies\"}"),
                wire(
                        "{\"type\":\"rank_assistant_replies\"," + ID + "," + CONVERSATION
                                + ",\"replies\":[\"a\",\"b\"]}",
                        "{" + ID + "," + CONVERSATION
                                + ",\"replies\":[\"a\",\"b\"],\"type\":\"rank_assistant_replies\"}"),
                wire(
                        "{\"type\":\"rank_assistant_replies\"," + ID + "}",
                        "{" + ID + "," + EMPTY_CONVERSATION + ",\"replies\":[],\"type\":\"rank_assistant_replies\"}"),
                wire(
                        "{\"type\":\"label_initial_prompt\"," + ID + "," + MESSAGE_ID + ",\"prompt\":\"p\"," + LABELS
                                + "," + CONVERSATION + "}",
                        "{" + ID + "," + MESSAGE_ID + ",\"prompt\":\"p\"," + LABELS + "," + CONVERSATION
                                + ",\"type\":\"label_initial_prompt\"}"),
                wire(
                        "{\"type\":\"label_initial_prompt\"," + ID + "," + MESSAGE_ID + "}",
                        "{" + ID + "," + MESSAGE_ID + ",\"valid_labels\":[],\"type\":\"label_initial_prompt\"}"),
                wire(
                        "{\"type\":\"label_conversation_reply\"," + ID + "," + MESSAGE_ID + ",\"reply\":\"r\"," + LABELS
                                + "," + CONVERSATION + "}",
                        "{" + ID + "," + MESSAGE_ID + ",\"reply\":\"r\"," + LABELS + "," + CONVERSATION
                                + ",\"type\":\"label_conversation_reply\"}"),
                wire(
                        "{\"type\":\"label_conversation_reply\"," + ID + "," + MESSAGE_ID + "}",
                        "{" + ID + "," + MESSAGE_ID + ",\"valid_labels\":[]," + EMPTY_CONVERSATION
                                + ",\"type\":\"label_conversation_reply\"}"),
                wire(
                        "{\"type\":\"label_prompter_reply\"," + ID + "," + MESSAGE_ID + ",\"reply\":\"r\"," + LABELS
                                + "," + CONVERSATION + "}",
                        "{" + ID + "," + MESSAGE_ID + ",\"reply\":\"r\"," + LABELS + "," + CONVERSATION
                                + ",\"type\":\"label_prompter_reply\"}"),
                wire(
                        "{\"type\":\"label_prompter_reply\"," + ID + "," + MESSAGE_ID + "}",
                        "{" + ID + "," + MESSAGE_ID + ",\"valid_labels\":[]," + EMPTY_CONVERSATION
                                + ",\"type\":\"label_prompter_reply\"}"),
                wire(
                        "{\"type\":\"label_assistant_reply\"," + ID + "," + MESSAGE_ID + ",\"reply\":\"r\"," + LABELS
                                + "," + CONVERSATION + "}",
                        "{" + ID + "," + MESSAGE_ID + ",\"reply\":\"r\"," + LABELS + "," + CONVERSATION
                                + ",\"type\":\"label_assistant_reply\"}"),
                wire(
                        "{\"type\":\"label_assistant_reply\"," + ID + "," + MESSAGE_ID + "}",
                        "{" + ID + "," + MESSAGE_ID + ",\"valid_labels\":[]," + EMPTY_CONVERSATION
                                + ",\"type\":\"label_assistant_reply\"}"),
                wire(
                        "{\"type\":\"label_assistant_reply\"," + EMPTY_CONVERSATION + ",\"unknown\":[1],"
                                + "\"valid_labels\":[],\"mode\":null," + MESSAGE_ID + "," + ID + "}",
                        "{" + ID + "," + MESSAGE_ID + ",\"valid_labels\":[]," + EMPTY_CONVERSATION
                                + ",\"type\":\"label_assistant_reply\"}"));
    }

    private static Arguments wire(String read, String written) {
        return Arguments.of(read, written);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void eachTaskIsWrittenToTheSameBytesByBothJacksons(String read, String written) throws IOException {
        for (JsonMapping mapping : List.of(Jackson2Mapping.INSTANCE, new Jackson3Mapping())) {
            Task task = read(mapping, read);

            assertThat(new String(mapping.write(task, Task.class), StandardCharsets.UTF_8))
                    .as("%s", mapping)
                    .isEqualTo(written);
            assertThat(read(mapping, written)).as("%s", mapping).isEqualTo(task);
        }
    }

    private static Task read(JsonMapping mapping, String json) throws IOException {
        return (Task) mapping.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Task.class);
    }
}
