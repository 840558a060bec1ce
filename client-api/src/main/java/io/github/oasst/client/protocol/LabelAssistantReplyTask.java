package io.github.oasst.client.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.oasst.client.internal.Checks;
import java.util.UUID;

/**
 * Asks the user to label an assistant's reply (the 2023-01 server fails to generate it: 1005).
 *
 * @param id the task id
 * @param content the reply, its conversation and the labels asked for
 */
public record LabelAssistantReplyTask(
        @JsonProperty("id") UUID id, @JsonUnwrapped ReplyToLabel content) implements LabelReplyTask {
    public static final String TYPE = "label_assistant_reply";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }

    public LabelAssistantReplyTask {
        Checks.notNull(id, "task id");
        Checks.notNull(content, "content");
    }
}
